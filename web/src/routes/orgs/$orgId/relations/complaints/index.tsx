import { createFileRoute } from '@tanstack/react-router';
import {
  ComplaintListPage,
  parseComplaintSearch,
} from '../../../../../features/relations/ComplaintListPage.tsx';

export const Route = createFileRoute('/orgs/$orgId/relations/complaints/')({
  validateSearch: parseComplaintSearch,
  component: ComplaintListPage,
});
