import { createFileRoute } from '@tanstack/react-router';
import { ReconciliationReportPage } from '../../../../../features/production/ReconciliationReportPage.tsx';
import { parseReportSearch } from '../../../../../features/production/treasury-api.ts';

export const Route = createFileRoute('/orgs/$orgId/production/treasury/report')({
  validateSearch: parseReportSearch,
  component: ReconciliationReportPage,
});
