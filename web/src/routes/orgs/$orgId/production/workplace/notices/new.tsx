import { createFileRoute } from '@tanstack/react-router';
import { NewNoticePage } from '../../../../../../features/production/workplace/notices/NewNoticePage.tsx';

export const Route = createFileRoute('/orgs/$orgId/production/workplace/notices/new')({
  component: NewNoticePage,
});
