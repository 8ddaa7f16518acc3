import { createFileRoute } from '@tanstack/react-router';
import { PurchasePage } from '../../../../../features/production/PurchasePage.tsx';

export const Route = createFileRoute('/orgs/$orgId/production/purchases/$billId')({
  component: PurchasePage,
});
