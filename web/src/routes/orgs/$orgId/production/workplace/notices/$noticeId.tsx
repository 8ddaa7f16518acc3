import { createFileRoute } from '@tanstack/react-router';
import { NoticePage } from '../../../../../../features/production/workplace/notices/NoticePage.tsx';

export const Route = createFileRoute('/orgs/$orgId/production/workplace/notices/$noticeId')({
  component: NoticePage,
});
