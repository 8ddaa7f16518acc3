import { createFileRoute } from '@tanstack/react-router';
import { TravelOrdersPage } from '../../../../features/personnel/TravelOrdersPage.tsx';

export const Route = createFileRoute('/orgs/$orgId/personnel/travel')({
  component: TravelOrdersPage,
});
