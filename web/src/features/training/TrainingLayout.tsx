import { Outlet, useParams } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { useOrgRole } from '../../auth/session.ts';
import { SectionNav, type SectionNavItem } from '../../ui/SectionNav.tsx';

const ITEMS: (SectionNavItem & { studentOnly?: boolean })[] = [
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
  const { role } = useOrgRole(orgId);
  const items = ITEMS.filter((item) => !item.studentOnly || role === 'student');
  return (
    <>
      <SectionNav items={items} orgId={orgId} label={t('training.nav.label')} testId="training-subnav" />
      <Outlet />
    </>
  );
}
