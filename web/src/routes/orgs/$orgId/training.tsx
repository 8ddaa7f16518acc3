import { createFileRoute } from '@tanstack/react-router';
import { TrainingLayout } from '../../../features/training/TrainingLayout.tsx';

export const Route = createFileRoute('/orgs/$orgId/training')({
  component: TrainingLayout,
});
