import { Box, Group } from '@mantine/core';
import { Outlet, useParams, useRouterState } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { ButtonLink } from '../../ui/links.tsx';

type Target =
  | '/orgs/$orgId/parties'
  | '/orgs/$orgId/relations/requests'
  | '/orgs/$orgId/relations/catalogue'
  | '/orgs/$orgId/relations/invoices'
  | '/orgs/$orgId/relations/complaints'
  | '/orgs/$orgId/relations/dashboard'
  | '/orgs/$orgId/relations/anomalies'
  | '/orgs/$orgId/relations/publications'
  | '/orgs/$orgId/relations/settings';

const ITEMS: {
  to: Target;
  label:
    | 'relations.nav.parties'
    | 'relations.nav.catalogue'
    | 'relations.nav.invoices'
    | 'relations.nav.settings'
    | 'records.nav.requests'
    | 'records.nav.complaints'
    | 'records.nav.dashboard'
    | 'records.nav.anomalies'
    | 'records.nav.publications';
  testId: string;
}[] = [
  { to: '/orgs/$orgId/parties', label: 'relations.nav.parties', testId: 'subnav-parties' },
  { to: '/orgs/$orgId/relations/requests', label: 'records.nav.requests', testId: 'subnav-requests' },
  { to: '/orgs/$orgId/relations/catalogue', label: 'relations.nav.catalogue', testId: 'subnav-catalogue' },
  { to: '/orgs/$orgId/relations/invoices', label: 'relations.nav.invoices', testId: 'subnav-invoices' },
  { to: '/orgs/$orgId/relations/complaints', label: 'records.nav.complaints', testId: 'subnav-complaints' },
  { to: '/orgs/$orgId/relations/dashboard', label: 'records.nav.dashboard', testId: 'subnav-dashboard' },
  { to: '/orgs/$orgId/relations/anomalies', label: 'records.nav.anomalies', testId: 'subnav-anomalies' },
  {
    to: '/orgs/$orgId/relations/publications',
    label: 'records.nav.publications',
    testId: 'subnav-publications',
  },
  {
    to: '/orgs/$orgId/relations/settings',
    label: 'relations.nav.settings',
    testId: 'subnav-invoice-settings',
  },
];

/** The Relations area's own navigation: parties, requests, catalogue, invoices, complaints, follow-up. */
export function RelationsLayout() {
  const { t } = useTranslation();
  const { orgId } = useParams({ from: '/orgs/$orgId/relations' });
  const pathname = useRouterState({ select: (s) => s.location.pathname });
  return (
    <>
      <Box
        component="nav"
        aria-label={t('relations.nav.label')}
        mb="lg"
        pb="sm"
        className="agora-no-print"
        style={{ borderBottom: '1px solid var(--mantine-color-gray-3)' }}
        data-testid="relations-subnav"
      >
        <Group component="ul" gap={4} wrap="wrap" m={0} p={0} style={{ listStyle: 'none' }}>
          {ITEMS.map((item) => {
            const href = item.to.replace('$orgId', orgId);
            const active = pathname === href || pathname.startsWith(`${href}/`);
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
