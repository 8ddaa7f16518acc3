import { createFileRoute } from '@tanstack/react-router';
import { StockListPage } from '../../../../../features/production/stock/StockListPage.tsx';

export const Route = createFileRoute('/orgs/$orgId/production/stock/')({ component: StockListPage });
