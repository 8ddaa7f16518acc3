import { createFileRoute } from '@tanstack/react-router';
import {
  LeaveBalancesPage,
  parseBalanceSearch,
} from '../../../../../features/personnel/leave/LeaveBalancesPage.tsx';

export const Route = createFileRoute('/orgs/$orgId/personnel/leave/balances')({
  validateSearch: parseBalanceSearch,
  component: LeaveBalancesPage,
});
