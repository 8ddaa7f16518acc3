import { createFileRoute } from '@tanstack/react-router';
import { StockItemPage } from '../../../../../features/production/stock/StockItemPage.tsx';

export const Route = createFileRoute('/orgs/$orgId/production/stock/$itemId')({ component: StockItemPage });
