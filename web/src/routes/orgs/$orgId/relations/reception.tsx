import { createFileRoute } from '@tanstack/react-router';
import { ReceptionSettingsPage } from '../../../../features/relations/ReceptionSettingsPage.tsx';

export const Route = createFileRoute('/orgs/$orgId/relations/reception')({
  component: ReceptionSettingsPage,
});
