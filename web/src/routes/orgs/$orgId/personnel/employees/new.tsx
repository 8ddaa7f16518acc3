import { createFileRoute } from '@tanstack/react-router';
import { NewEmployeePage } from '../../../../../features/personnel/NewEmployeePage.tsx';

export const Route = createFileRoute('/orgs/$orgId/personnel/employees/new')({
  component: NewEmployeePage,
});
