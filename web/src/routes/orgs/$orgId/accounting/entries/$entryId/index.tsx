import { createFileRoute } from '@tanstack/react-router';
import { EntryDetailPage } from '../../../../../../features/accounting/EntryDetailPage.tsx';

export const Route = createFileRoute('/orgs/$orgId/accounting/entries/$entryId/')({
  component: EntryDetailPage,
});
