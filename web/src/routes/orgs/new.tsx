import { createFileRoute } from '@tanstack/react-router';
import { requireMe } from '../../auth/session.ts';
import { NewOrganisationPage } from '../../features/settings/NewOrganisationPage.tsx';
import { AppLayout } from '../../shell/AppLayout.tsx';

export const Route = createFileRoute('/orgs/new')({
  beforeLoad: ({ context, location }) => requireMe(context.queryClient, location.href),
  component: () => (
    <AppLayout>
      <NewOrganisationPage />
    </AppLayout>
  ),
});
