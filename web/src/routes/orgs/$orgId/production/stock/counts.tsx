import { createFileRoute } from '@tanstack/react-router';
import { StockCountPage } from '../../../../../features/production/stock/StockCountPage.tsx';

export const Route = createFileRoute('/orgs/$orgId/production/stock/counts')({ component: StockCountPage });
