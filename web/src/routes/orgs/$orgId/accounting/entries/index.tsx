import { createFileRoute } from '@tanstack/react-router';
import { EntryListPage } from '../../../../../features/accounting/EntryListPage.tsx';
import { parseEntrySearch } from '../../../../../features/accounting/entry-search.ts';

export const Route = createFileRoute('/orgs/$orgId/accounting/entries/')({
  validateSearch: parseEntrySearch,
  component: EntryListPage,
});
