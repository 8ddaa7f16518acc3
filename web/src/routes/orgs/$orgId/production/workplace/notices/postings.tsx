import { createFileRoute } from '@tanstack/react-router';
import { PostingsPage } from '../../../../../../features/production/workplace/notices/PostingsPage.tsx';

export const Route = createFileRoute('/orgs/$orgId/production/workplace/notices/postings')({
  component: PostingsPage,
});
