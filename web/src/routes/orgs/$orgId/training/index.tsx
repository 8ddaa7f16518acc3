import { createFileRoute } from '@tanstack/react-router';
import { TrainingHomePage } from '../../../../features/training/TrainingHomePage.tsx';

export const Route = createFileRoute('/orgs/$orgId/training/')({
  component: TrainingHomePage,
});
