import { createFileRoute } from '@tanstack/react-router';
import { OrganisationSettingsPage } from '../../../../features/settings/OrganisationSettingsPage.tsx';

export const Route = createFileRoute('/orgs/$orgId/settings/')({
  component: OrganisationSettingsPage,
});
