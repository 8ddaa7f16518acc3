import { createFileRoute } from '@tanstack/react-router';
import { PurchaseListPage, parseBillSearch } from '../../../../../features/production/PurchaseListPage.tsx';

export const Route = createFileRoute('/orgs/$orgId/production/purchases/')({
  validateSearch: parseBillSearch,
  component: PurchaseListPage,
});
