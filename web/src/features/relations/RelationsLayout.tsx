import { Outlet, useParams } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { SectionNav, type SectionNavItem } from '../../ui/SectionNav.tsx';

const ITEMS: readonly SectionNavItem[] = [
  { to: '/orgs/$orgId/parties', label: 'relations.nav.parties', testId: 'subnav-parties' },
  { to: '/orgs/$orgId/relations/requests', label: 'records.nav.requests', testId: 'subnav-requests' },
  { to: '/orgs/$orgId/relations/events', label: 'relations.nav.events', testId: 'subnav-events' },
  { to: '/orgs/$orgId/relations/campaigns', label: 'relations.nav.campaigns', testId: 'subnav-campaigns' },
  { to: '/orgs/$orgId/relations/catalogue', label: 'relations.nav.catalogue', testId: 'subnav-catalogue' },
  { to: '/orgs/$orgId/relations/quotes', label: 'relations.nav.quotes', testId: 'subnav-quotes' },
  { to: '/orgs/$orgId/relations/orders', label: 'relations.nav.orders', testId: 'subnav-orders' },
  {
    to: '/orgs/$orgId/relations/delivery-notes',
    label: 'relations.nav.deliveryNotes',
    testId: 'subnav-delivery-notes',
  },
  { to: '/orgs/$orgId/relations/invoices', label: 'relations.nav.invoices', testId: 'subnav-invoices' },
  { to: '/orgs/$orgId/relations/contracts', label: 'relations.nav.contracts', testId: 'subnav-contracts' },
  { to: '/orgs/$orgId/relations/receipts', label: 'relations.nav.receipts', testId: 'subnav-receipts' },
  {
    to: '/orgs/$orgId/relations/deposit-slips',
    label: 'relations.nav.depositSlips',
    testId: 'subnav-deposit-slips',
  },
  {
    to: '/orgs/$orgId/relations/receivables',
    label: 'relations.nav.receivables',
    testId: 'subnav-receivables',
  },
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

/** The Relations area's own navigation: from first contact (requests, events, prospecting) to payment and records. */
export function RelationsLayout() {
  const { t } = useTranslation();
  const { orgId } = useParams({ from: '/orgs/$orgId/relations' });
  return (
    <>
      <SectionNav items={ITEMS} orgId={orgId} label={t('relations.nav.label')} testId="relations-subnav" />
      <Outlet />
    </>
  );
}
