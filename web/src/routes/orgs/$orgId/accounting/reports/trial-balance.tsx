import { createFileRoute } from '@tanstack/react-router';
import { parseReportSearch } from '../../../../../features/accounting/reports/report-search.ts';
import { TrialBalancePage } from '../../../../../features/accounting/reports/TrialBalancePage.tsx';

export const Route = createFileRoute('/orgs/$orgId/accounting/reports/trial-balance')({
  validateSearch: parseReportSearch,
  component: TrialBalancePage,
});
