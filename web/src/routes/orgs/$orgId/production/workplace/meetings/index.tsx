import { createFileRoute } from '@tanstack/react-router';
import { MeetingListPage } from '../../../../../../features/production/workplace/meetings/MeetingListPage.tsx';

export const Route = createFileRoute('/orgs/$orgId/production/workplace/meetings/')({
  component: MeetingListPage,
});
