import { createFileRoute } from '@tanstack/react-router';
import { parseRequestSearch, RequestListPage } from '../../../../../features/relations/RequestListPage.tsx';

export const Route = createFileRoute('/orgs/$orgId/relations/requests/')({
  validateSearch: parseRequestSearch,
  component: RequestListPage,
});
