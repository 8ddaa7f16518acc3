import { createFileRoute } from '@tanstack/react-router';
import { PublicationsPage } from '../../../../features/relations/PublicationsPage.tsx';
import { parsePublicationSearch } from '../../../../features/relations/records-search.ts';

export const Route = createFileRoute('/orgs/$orgId/relations/publications')({
  validateSearch: parsePublicationSearch,
  component: PublicationsPage,
});
