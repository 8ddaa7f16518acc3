import { createFileRoute } from '@tanstack/react-router';
import { CoveragePage } from '../../../../features/training/CoveragePage.tsx';

export const Route = createFileRoute('/orgs/$orgId/training/coverage')({
  component: () => <CoveragePage />,
});
