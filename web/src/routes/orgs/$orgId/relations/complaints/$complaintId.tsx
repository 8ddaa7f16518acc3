import { createFileRoute } from '@tanstack/react-router';
import { ComplaintPage } from '../../../../../features/relations/ComplaintPage.tsx';

export const Route = createFileRoute('/orgs/$orgId/relations/complaints/$complaintId')({
  component: ComplaintPage,
});
