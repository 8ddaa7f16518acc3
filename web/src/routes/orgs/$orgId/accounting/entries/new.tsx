import { createFileRoute } from '@tanstack/react-router';
import { NewEntryPage } from '../../../../../features/accounting/EntryGridPages.tsx';

export const Route = createFileRoute('/orgs/$orgId/accounting/entries/new')({
  component: NewEntryPage,
});
