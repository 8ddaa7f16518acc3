import { createFileRoute } from '@tanstack/react-router';
import { RelationsLayout } from '../../../features/relations/RelationsLayout.tsx';

export const Route = createFileRoute('/orgs/$orgId/relations')({
  component: RelationsLayout,
});
