import { createFileRoute } from '@tanstack/react-router';
import { EmployeePage } from '../../../../../features/personnel/EmployeePage.tsx';

export const Route = createFileRoute('/orgs/$orgId/personnel/employees/$employeeId')({
  component: EmployeePage,
});
