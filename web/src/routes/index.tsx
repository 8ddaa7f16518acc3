import { createFileRoute, redirect } from '@tanstack/react-router';
import { homePageOf, lastOrganisation, requireMe } from '../auth/session.ts';

// The home page is the last organisation used, or the first one; a user with none creates one.
export const Route = createFileRoute('/')({
  beforeLoad: async ({ context, location }) => {
    const me = await requireMe(context.queryClient, location.href);
    const last = lastOrganisation();
    const org = me.organisations.find((o) => o.id === last) ?? me.organisations[0];
    if (!org) throw redirect({ to: '/orgs/new', replace: true });
    throw redirect({ to: homePageOf(org), params: { orgId: org.id }, replace: true });
  },
});
