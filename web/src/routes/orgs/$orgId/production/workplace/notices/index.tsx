import { createFileRoute } from '@tanstack/react-router';
import { NoticeListPage } from '../../../../../../features/production/workplace/notices/NoticeListPage.tsx';

export const Route = createFileRoute('/orgs/$orgId/production/workplace/notices/')({
  component: NoticeListPage,
});
