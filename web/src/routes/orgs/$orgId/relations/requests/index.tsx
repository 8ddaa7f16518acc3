import { createFileRoute } from '@tanstack/react-router';
import { RequestListPage } from '../../../../../features/relations/RequestListPage.tsx';
import { parseRequestSearch } from '../../../../../features/relations/records-search.ts';

export const Route = createFileRoute('/orgs/$orgId/relations/requests/')({
  validateSearch: parseRequestSearch,
  component: RequestListPage,
});
