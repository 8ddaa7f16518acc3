import { createFileRoute } from '@tanstack/react-router';
import { CashPlanPage } from '../../../../../features/production/CashPlanPage.tsx';
import { parseCashPlanSearch } from '../../../../../features/production/treasury-api.ts';

export const Route = createFileRoute('/orgs/$orgId/production/treasury/cash-plan')({
  validateSearch: parseCashPlanSearch,
  component: CashPlanPage,
});
