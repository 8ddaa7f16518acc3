import { createFileRoute } from '@tanstack/react-router';
import { ComingSoon } from '../../../../ui/ComingSoon.tsx';

export const Route = createFileRoute('/orgs/$orgId/personnel/')({
  component: () => <ComingSoon area="personnel" />,
});
