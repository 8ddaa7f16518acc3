import { createFileRoute } from '@tanstack/react-router';
import { RequestPage } from '../../../../../features/relations/RequestPage.tsx';

export const Route = createFileRoute('/orgs/$orgId/relations/requests/$requestId')({
  component: RequestPage,
});
