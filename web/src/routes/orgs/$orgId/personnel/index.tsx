import { createFileRoute, redirect } from '@tanstack/react-router';

export const Route = createFileRoute('/orgs/$orgId/personnel/')({
  beforeLoad: ({ params }) => {
    throw redirect({ to: '/orgs/$orgId/personnel/employees', params, replace: true });
  },
});
