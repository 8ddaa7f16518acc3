import { createFileRoute, redirect } from '@tanstack/react-router';

// The section opens on its entries, the screen an accountant goes back to most.
export const Route = createFileRoute('/orgs/$orgId/accounting/')({
  beforeLoad: ({ params }) => {
    throw redirect({ to: '/orgs/$orgId/accounting/entries', params, replace: true });
  },
});
