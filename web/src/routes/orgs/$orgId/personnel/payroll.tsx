import { createFileRoute } from '@tanstack/react-router';
import { PayrollPage } from '../../../../features/personnel/PayrollPage.tsx';
import { parsePayrollSearch } from '../../../../features/personnel/payroll-api.ts';

export const Route = createFileRoute('/orgs/$orgId/personnel/payroll')({
  validateSearch: parsePayrollSearch,
  component: PayrollPage,
});
