import { Outlet, useParams } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { SectionNav, type SectionNavItem } from '../../ui/SectionNav.tsx';

const ITEMS: readonly SectionNavItem[] = [
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
  { to: '/orgs/$orgId/production/treasury', label: 'production.nav.treasury', testId: 'subnav-treasury' },
  { to: '/orgs/$orgId/production/stock', label: 'production.nav.stock', testId: 'subnav-stock' },
  {
    to: '/orgs/$orgId/production/stock/counts',
    label: 'production.nav.stockCounts',
    testId: 'subnav-stock-counts',
  },
  {
    to: '/orgs/$orgId/production/stock/deliveries',
    label: 'production.nav.stockDeliveries',
    testId: 'subnav-stock-deliveries',
  },
  {
    to: '/orgs/$orgId/production/workplace/meetings',
    label: 'production.nav.meetings',
    testId: 'subnav-meetings',
  },
  {
    to: '/orgs/$orgId/production/workplace/notices',
    label: 'production.nav.notices',
    testId: 'subnav-notices',
  },
  {
    to: '/orgs/$orgId/production/workplace/contracts',
    label: 'production.nav.contracts',
    testId: 'subnav-contracts',
  },
  {
    to: '/orgs/$orgId/production/workplace/deadlines',
    label: 'production.nav.deadlines',
    testId: 'subnav-deadlines',
  },
  {
    to: '/orgs/$orgId/production/workplace/resources',
    label: 'production.nav.resources',
    testId: 'subnav-resources',
  },
  {
    to: '/orgs/$orgId/production/formalities',
    label: 'production.nav.formalities',
    testId: 'subnav-formalities',
  },
];

/** The Production area's own navigation (area 2): purchases, what is owed to suppliers, the VAT return,
 * the bank statements and their reconciliation, the stock (items, counts, delivery notes to take out),
 * meetings and internal notices, contracts and their deadlines, shared resources, the formalities with the partners. */
export function ProductionLayout() {
  const { t } = useTranslation();
  const { orgId } = useParams({ from: '/orgs/$orgId/production' });
  return (
    <>
      <SectionNav items={ITEMS} orgId={orgId} label={t('production.nav.label')} testId="production-subnav" />
      <Outlet />
    </>
  );
}
