import { Box, Group } from '@mantine/core';
import { Outlet, useParams, useRouterState } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { useOrgRole } from '../../auth/session.ts';
import { ButtonLink } from '../../ui/links.tsx';

type Target =
  | '/orgs/$orgId/training'
  | '/orgs/$orgId/training/referentiel'
  | '/orgs/$orgId/training/coverage'
  | '/orgs/$orgId/training/portfolio'
  | '/orgs/$orgId/training/pfmp';

const ITEMS: {
  to: Target;
  label:
    | 'training.nav.home'
    | 'training.nav.referentiel'
    | 'training.nav.coverage'
    | 'training.nav.portfolio'
    | 'training.nav.pfmp';
  testId: string;
  studentOnly?: boolean;
}[] = [
  { to: '/orgs/$orgId/training', label: 'training.nav.home', testId: 'subnav-training-home' },
  {
    to: '/orgs/$orgId/training/referentiel',
    label: 'training.nav.referentiel',
    testId: 'subnav-referentiel',
  },
  { to: '/orgs/$orgId/training/coverage', label: 'training.nav.coverage', testId: 'subnav-coverage' },
  {
    to: '/orgs/$orgId/training/portfolio',
    label: 'training.nav.portfolio',
    testId: 'subnav-portfolio',
    studentOnly: true,
  },
  { to: '/orgs/$orgId/training/pfmp', label: 'training.nav.pfmp', testId: 'subnav-pfmp' },
];

/** The training mode's own navigation: classes and sandboxes, the référentiel, its coverage. */
export function TrainingLayout() {
  const { t } = useTranslation();
  const { orgId } = useParams({ from: '/orgs/$orgId/training' });
  const pathname = useRouterState({ select: (s) => s.location.pathname });
  const { role } = useOrgRole(orgId);
  return (
    <>
      <Box
        component="nav"
        aria-label={t('training.nav.label')}
        mb="lg"
        pb="sm"
        className="agora-no-print"
        style={{ borderBottom: '1px solid var(--mantine-color-gray-3)' }}
      >
        <Group component="ul" gap={4} wrap="wrap" m={0} p={0} style={{ listStyle: 'none' }}>
          {ITEMS.filter((item) => !item.studentOnly || role === 'student').map((item) => {
            const href = item.to.replace('$orgId', orgId);
            const active =
              item.to === '/orgs/$orgId/training'
                ? pathname === href || pathname === `${href}/` || pathname.startsWith(`${href}/classes`)
                : pathname.startsWith(href);
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
