import { Outlet, useParams } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { SectionNav, type SectionNavItem } from '../../ui/SectionNav.tsx';

const ITEMS: readonly SectionNavItem[] = [
  {
    to: '/orgs/$orgId/production/purchases',
    label: 'production.nav.purchases',
    testId: 'subnav-purchases',
    group: 'production.nav.groupActivity',
  },
  {
    to: '/orgs/$orgId/production/purchases/payables',
    label: 'production.nav.payables',
    testId: 'subnav-payables',
    group: 'production.nav.groupActivity',
  },
  {
    to: '/orgs/$orgId/production/stock',
    label: 'production.nav.stock',
    testId: 'subnav-stock',
    group: 'production.nav.groupActivity',
  },
  {
    to: '/orgs/$orgId/production/stock/counts',
    label: 'production.nav.stockCounts',
    testId: 'subnav-stock-counts',
    group: 'production.nav.groupActivity',
  },
  {
    to: '/orgs/$orgId/production/stock/deliveries',
    label: 'production.nav.stockDeliveries',
    testId: 'subnav-stock-deliveries',
    group: 'production.nav.groupActivity',
  },
  {
    to: '/orgs/$orgId/production/formalities',
    label: 'production.nav.formalities',
    testId: 'subnav-formalities',
    group: 'production.nav.groupActivity',
  },
  {
    to: '/orgs/$orgId/production/vat-returns',
    label: 'production.nav.vatReturns',
    testId: 'subnav-vat-returns',
    group: 'production.nav.groupFinance',
  },
  {
    to: '/orgs/$orgId/production/treasury',
    label: 'production.nav.treasury',
    testId: 'subnav-treasury',
    group: 'production.nav.groupFinance',
  },
  {
    to: '/orgs/$orgId/production/workplace/meetings',
    label: 'production.nav.meetings',
    testId: 'subnav-meetings',
    group: 'production.nav.groupWorkplace',
  },
  {
    to: '/orgs/$orgId/production/workplace/notices',
    label: 'production.nav.notices',
    testId: 'subnav-notices',
    group: 'production.nav.groupWorkplace',
  },
  {
    to: '/orgs/$orgId/production/workplace/contracts',
    label: 'production.nav.contracts',
    testId: 'subnav-contracts',
    group: 'production.nav.groupWorkplace',
  },
  {
    to: '/orgs/$orgId/production/workplace/deadlines',
    label: 'production.nav.deadlines',
    testId: 'subnav-deadlines',
    group: 'production.nav.groupWorkplace',
  },
  {
    to: '/orgs/$orgId/production/workplace/resources',
    label: 'production.nav.resources',
    testId: 'subnav-resources',
    group: 'production.nav.groupWorkplace',
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
