import { createFileRoute } from '@tanstack/react-router';
import { MeetingPage } from '../../../../../../features/production/workplace/meetings/MeetingPage.tsx';

export const Route = createFileRoute('/orgs/$orgId/production/workplace/meetings/$meetingId')({
  component: MeetingPage,
});
