import { createFileRoute } from '@tanstack/react-router';
import { NewStockItemPage } from '../../../../../features/production/stock/NewStockItemPage.tsx';

export const Route = createFileRoute('/orgs/$orgId/production/stock/new')({ component: NewStockItemPage });
