import { createFileRoute } from '@tanstack/react-router';
import { StockDeliveriesPage } from '../../../../../features/production/stock/StockDeliveriesPage.tsx';

export const Route = createFileRoute('/orgs/$orgId/production/stock/deliveries')({
  component: StockDeliveriesPage,
});
