import { createFileRoute } from '@tanstack/react-router';
import {
  EmployeeListPage,
  parseEmployeeSearch,
} from '../../../../../features/personnel/EmployeeListPage.tsx';

export const Route = createFileRoute('/orgs/$orgId/personnel/employees/')({
  validateSearch: parseEmployeeSearch,
  component: EmployeeListPage,
});
