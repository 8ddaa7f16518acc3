import { createFileRoute } from '@tanstack/react-router';
import { LeaveListPage, parseLeaveSearch } from '../../../../../features/personnel/leave/LeaveListPage.tsx';

export const Route = createFileRoute('/orgs/$orgId/personnel/leave/')({
  validateSearch: parseLeaveSearch,
  component: LeaveListPage,
});
