import { createFileRoute } from '@tanstack/react-router';
import { ComingSoon } from '../../../ui/ComingSoon.tsx';

export const Route = createFileRoute('/orgs/$orgId/accounting')({
  component: () => <ComingSoon area="accounting" />,
});
