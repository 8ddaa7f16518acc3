import { createFileRoute } from '@tanstack/react-router';
import { ProductionLayout } from '../../../features/production/ProductionLayout.tsx';

export const Route = createFileRoute('/orgs/$orgId/production')({
  component: ProductionLayout,
});
