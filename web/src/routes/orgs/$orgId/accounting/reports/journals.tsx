import { createFileRoute } from '@tanstack/react-router';
import { JournalListingPage } from '../../../../../features/accounting/reports/JournalListingPage.tsx';
import { parseReportSearch } from '../../../../../features/accounting/reports/report-search.ts';

export const Route = createFileRoute('/orgs/$orgId/accounting/reports/journals')({
  validateSearch: parseReportSearch,
  component: JournalListingPage,
});
