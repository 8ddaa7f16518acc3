import { createFileRoute } from '@tanstack/react-router';
import { AnomaliesPage } from '../../../../features/relations/AnomaliesPage.tsx';

export const Route = createFileRoute('/orgs/$orgId/relations/anomalies')({
  component: AnomaliesPage,
});
