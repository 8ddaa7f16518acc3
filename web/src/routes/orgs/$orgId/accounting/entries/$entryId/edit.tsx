import { createFileRoute } from '@tanstack/react-router';
import { EditEntryPage } from '../../../../../../features/accounting/EntryGridPages.tsx';

export const Route = createFileRoute('/orgs/$orgId/accounting/entries/$entryId/edit')({
  component: EditEntryPage,
});
