import { createFileRoute, redirect } from '@tanstack/react-router';
import { homePageOf, requireMe } from '../../../auth/session.ts';

export const Route = createFileRoute('/orgs/$orgId/')({
  beforeLoad: async ({ context, params, location }) => {
    const me = await requireMe(context.queryClient, location.href);
    const org = me.organisations.find((o) => o.id === params.orgId);
    throw redirect({ to: org ? homePageOf(org) : '/orgs/$orgId/parties', params, replace: true });
  },
});
