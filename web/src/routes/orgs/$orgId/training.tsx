import { createFileRoute } from '@tanstack/react-router';
import { ComingSoon } from '../../../ui/ComingSoon.tsx';

export const Route = createFileRoute('/orgs/$orgId/training')({
  component: () => <ComingSoon area="training" />,
});
