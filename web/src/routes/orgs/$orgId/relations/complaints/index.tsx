import { createFileRoute } from '@tanstack/react-router';
import { ComplaintListPage } from '../../../../../features/relations/ComplaintListPage.tsx';
import { parseComplaintSearch } from '../../../../../features/relations/records-search.ts';

export const Route = createFileRoute('/orgs/$orgId/relations/complaints/')({
  validateSearch: parseComplaintSearch,
  component: ComplaintListPage,
});
