import { createFileRoute } from '@tanstack/react-router';
import { SituationPage } from '../../../../../features/training/SituationPage.tsx';

export const Route = createFileRoute('/orgs/$orgId/training/situations/$situationId')({
  component: SituationPage,
});
