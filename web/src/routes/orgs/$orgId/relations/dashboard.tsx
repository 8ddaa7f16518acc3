import { createFileRoute } from '@tanstack/react-router';
import { DashboardPage } from '../../../../features/relations/DashboardPage.tsx';
import { parseDashboardSearch } from '../../../../features/relations/records-search.ts';

export const Route = createFileRoute('/orgs/$orgId/relations/dashboard')({
  validateSearch: parseDashboardSearch,
  component: DashboardPage,
});
