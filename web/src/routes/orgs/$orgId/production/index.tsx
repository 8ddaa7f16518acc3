import { createFileRoute, redirect } from '@tanstack/react-router';

export const Route = createFileRoute('/orgs/$orgId/production/')({
  beforeLoad: ({ params }) => {
    throw redirect({ to: '/orgs/$orgId/production/purchases', params, replace: true });
  },
});
