import { createFileRoute } from '@tanstack/react-router';
import { MembersPage } from '../../../../features/settings/MembersPage.tsx';

export const Route = createFileRoute('/orgs/$orgId/settings/users')({
  component: MembersPage,
});
