import { createFileRoute, notFound, Outlet } from '@tanstack/react-router';
import { useEffect } from 'react';
import { rememberOrganisation, requireMe } from '../../auth/session.ts';
import { AppLayout } from '../../shell/AppLayout.tsx';

// Every page of an organisation: logged in, and a member of it (otherwise it does not exist for you).
export const Route = createFileRoute('/orgs/$orgId')({
  beforeLoad: async ({ context, location, params }) => {
    const me = await requireMe(context.queryClient, location.href);
    if (!me.organisations.some((o) => o.id === params.orgId)) throw notFound();
  },
  component: OrgLayout,
});

function OrgLayout() {
  const { orgId } = Route.useParams();
  useEffect(() => rememberOrganisation(orgId), [orgId]);
  return (
    <AppLayout orgId={orgId}>
      <Outlet />
    </AppLayout>
  );
}
