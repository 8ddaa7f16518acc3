import { Box, Group } from '@mantine/core';
import { Outlet, useParams, useRouterState } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { ButtonLink } from '../../ui/links.tsx';

// Typed by the literals below: every `to` must be a route of the route tree, every label an i18n key.
const ITEMS = [
  { to: '/orgs/$orgId/production/purchases', label: 'production.nav.purchases', testId: 'subnav-purchases' },
  {
    to: '/orgs/$orgId/production/purchases/payables',
    label: 'production.nav.payables',
    testId: 'subnav-payables',
  },
  {
    to: '/orgs/$orgId/production/vat-returns',
    label: 'production.nav.vatReturns',
    testId: 'subnav-vat-returns',
  },
] as const;

/** The Production area's own navigation (area 2): purchases, what is owed to suppliers, the VAT return. */
export function ProductionLayout() {
  const { t } = useTranslation();
  const { orgId } = useParams({ from: '/orgs/$orgId/production' });
  const pathname = useRouterState({ select: (s) => s.location.pathname });
  // The longest item the address starts with is the current one (the payables live under purchases/).
  const hrefs = ITEMS.map((item) => item.to.replace('$orgId', orgId));
  const current = hrefs
    .filter((href) => pathname === href || pathname.startsWith(`${href}/`))
    .sort((a, b) => b.length - a.length)[0];
  return (
    <>
      <Box
        component="nav"
        aria-label={t('production.nav.label')}
        mb="lg"
        pb="sm"
        className="agora-no-print"
        style={{ borderBottom: '1px solid var(--mantine-color-gray-3)' }}
        data-testid="production-subnav"
      >
        <Group component="ul" gap={4} wrap="wrap" m={0} p={0} style={{ listStyle: 'none' }}>
          {ITEMS.map((item, i) => {
            const active = hrefs[i] === current;
            return (
              <li key={item.to}>
                <ButtonLink
                  to={item.to}
                  params={{ orgId }}
                  size="compact-sm"
                  variant={active ? 'light' : 'subtle'}
                  color={active ? 'blue' : 'dark'}
                  aria-current={active ? 'page' : undefined}
                  data-testid={item.testId}
                >
                  {t(item.label)}
                </ButtonLink>
              </li>
            );
          })}
        </Group>
      </Box>
      <Outlet />
    </>
  );
}
