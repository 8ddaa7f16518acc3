import { Outlet, useParams } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { SectionNav, type SectionNavItem } from '../../ui/SectionNav.tsx';

// One line per feature of area 3, in the référentiel's order.
const ITEMS: readonly SectionNavItem[] = [
  { to: '/orgs/$orgId/personnel/travel', label: 'personnel.nav.travel', testId: 'nav-personnel-travel' },
  {
    to: '/orgs/$orgId/personnel/expenses',
    label: 'personnel.nav.expenses',
    testId: 'nav-personnel-expenses',
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
