import { createFileRoute } from '@tanstack/react-router';
import { GeneralLedgerPage } from '../../../../../features/accounting/reports/GeneralLedgerPage.tsx';
import { parseReportSearch } from '../../../../../features/accounting/reports/report-search.ts';

export const Route = createFileRoute('/orgs/$orgId/accounting/reports/general-ledger')({
  validateSearch: parseReportSearch,
  component: GeneralLedgerPage,
});
