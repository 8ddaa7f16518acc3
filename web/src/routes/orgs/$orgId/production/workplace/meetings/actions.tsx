import { createFileRoute } from '@tanstack/react-router';
import { MeetingActionsPage } from '../../../../../../features/production/workplace/meetings/MeetingActionsPage.tsx';

export const Route = createFileRoute('/orgs/$orgId/production/workplace/meetings/actions')({
  component: MeetingActionsPage,
});
