import { createFileRoute } from '@tanstack/react-router';
import { NewPurchasePage } from '../../../../../features/production/NewPurchasePage.tsx';

export const Route = createFileRoute('/orgs/$orgId/production/purchases/new')({
  component: NewPurchasePage,
});
