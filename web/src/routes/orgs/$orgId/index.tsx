import { createFileRoute, redirect } from '@tanstack/react-router';

export const Route = createFileRoute('/orgs/$orgId/')({
  beforeLoad: ({ params }) => {
    throw redirect({ to: '/orgs/$orgId/parties', params, replace: true });
  },
});
