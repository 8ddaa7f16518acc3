import { createFileRoute } from '@tanstack/react-router';
import { ComingSoon } from '../../../ui/ComingSoon.tsx';

export const Route = createFileRoute('/orgs/$orgId/production')({
  component: () => <ComingSoon area="production" />,
});
