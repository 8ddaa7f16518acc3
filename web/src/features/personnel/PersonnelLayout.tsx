import { Outlet, useParams } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { SectionNav, type SectionNavItem } from '../../ui/SectionNav.tsx';

// One line per feature of area 3, in the référentiel's order.
const ITEMS: readonly SectionNavItem[] = [
  { to: '/orgs/$orgId/personnel/employees', label: 'personnel.nav.employees', testId: 'subnav-employees' },
  { to: '/orgs/$orgId/personnel/register', label: 'personnel.nav.register', testId: 'subnav-register' },
  {
    to: '/orgs/$orgId/personnel/recruitment',
    label: 'personnel.nav.recruitment',
    testId: 'subnav-recruitment',
  },
  { to: '/orgs/$orgId/personnel/checklists', label: 'personnel.nav.checklists', testId: 'subnav-checklists' },
  {
    to: '/orgs/$orgId/personnel/staff-training',
    label: 'personnel.nav.staffTraining',
    testId: 'subnav-staff-training',
  },
  { to: '/orgs/$orgId/personnel/leave', label: 'personnel.nav.leave', testId: 'subnav-leave' },
  {
    to: '/orgs/$orgId/personnel/leave/balances',
    label: 'personnel.nav.leaveBalances',
    testId: 'subnav-leave-balances',
  },
  {
    to: '/orgs/$orgId/personnel/leave/planning',
    label: 'personnel.nav.leavePlanning',
    testId: 'subnav-leave-planning',
  },
  { to: '/orgs/$orgId/personnel/payroll', label: 'personnel.nav.payroll', testId: 'subnav-payroll' },
  { to: '/orgs/$orgId/personnel/travel', label: 'personnel.nav.travel', testId: 'subnav-travel' },
  { to: '/orgs/$orgId/personnel/expenses', label: 'personnel.nav.expenses', testId: 'subnav-expenses' },
  {
    to: '/orgs/$orgId/personnel/dashboard',
    label: 'personnel.nav.dashboard',
    testId: 'subnav-social-dashboard',
  },
];

/** The Personnel area's own navigation (area 3). */
export function PersonnelLayout() {
  const { t } = useTranslation();
  const { orgId } = useParams({ from: '/orgs/$orgId/personnel' });
  return (
    <>
      {ITEMS.length > 0 ? (
        <SectionNav items={ITEMS} orgId={orgId} label={t('personnel.nav.label')} testId="personnel-subnav" />
      ) : null}
      <Outlet />
    </>
  );
}
