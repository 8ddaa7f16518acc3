import { createFileRoute } from '@tanstack/react-router';
import { NewMeetingPage } from '../../../../../../features/production/workplace/meetings/NewMeetingPage.tsx';

export const Route = createFileRoute('/orgs/$orgId/production/workplace/meetings/new')({
  component: NewMeetingPage,
});
