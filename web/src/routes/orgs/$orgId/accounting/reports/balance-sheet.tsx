import { createFileRoute } from '@tanstack/react-router';
import { BalanceSheetPage } from '../../../../../features/accounting/reports/BalanceSheetPage.tsx';
import { parseReportSearch } from '../../../../../features/accounting/reports/report-search.ts';

export const Route = createFileRoute('/orgs/$orgId/accounting/reports/balance-sheet')({
  validateSearch: parseReportSearch,
  component: BalanceSheetPage,
});
