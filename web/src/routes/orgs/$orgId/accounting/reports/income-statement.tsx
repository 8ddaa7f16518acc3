import { createFileRoute } from '@tanstack/react-router';
import { IncomeStatementPage } from '../../../../../features/accounting/reports/IncomeStatementPage.tsx';
import { parseReportSearch } from '../../../../../features/accounting/reports/report-search.ts';

export const Route = createFileRoute('/orgs/$orgId/accounting/reports/income-statement')({
  validateSearch: parseReportSearch,
  component: IncomeStatementPage,
});
