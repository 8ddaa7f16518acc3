import { createFileRoute } from '@tanstack/react-router';
import { DashboardPage, parseDashboardSearch } from '../../../../features/relations/DashboardPage.tsx';

export const Route = createFileRoute('/orgs/$orgId/relations/dashboard')({
  validateSearch: parseDashboardSearch,
  component: DashboardPage,
});
