import { createFileRoute, redirect } from '@tanstack/react-router';

export const Route = createFileRoute('/orgs/$orgId/relations/')({
  beforeLoad: ({ params }) => {
    throw redirect({ to: '/orgs/$orgId/relations/invoices', params, replace: true });
  },
});
