import { createFileRoute } from '@tanstack/react-router';
import { PfmpHomePage } from '../../../../../features/training/PfmpHomePage.tsx';

export const Route = createFileRoute('/orgs/$orgId/training/pfmp/')({
  component: PfmpHomePage,
});
