import { createFileRoute } from '@tanstack/react-router';
import { AgedBalancePage } from '../../../../../features/accounting/reports/AgedBalancePage.tsx';
import { parseReportSearch } from '../../../../../features/accounting/reports/report-search.ts';

export const Route = createFileRoute('/orgs/$orgId/accounting/reports/aged-balance')({
  validateSearch: parseReportSearch,
  component: AgedBalancePage,
});
