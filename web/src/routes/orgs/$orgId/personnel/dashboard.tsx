import { createFileRoute } from '@tanstack/react-router';
import { isCalendarDate } from '../../../../../../src/kernel/dates/index.ts';
import { SocialDashboardPage } from '../../../../features/personnel/SocialDashboardPage.tsx';

export const Route = createFileRoute('/orgs/$orgId/personnel/dashboard')({
  validateSearch: (search: Record<string, unknown>): { asOf?: string } =>
    isCalendarDate(search.asOf) ? { asOf: search.asOf } : {},
  component: SocialDashboardPage,
});
