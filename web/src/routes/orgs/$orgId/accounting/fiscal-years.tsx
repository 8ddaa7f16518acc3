import { createFileRoute } from '@tanstack/react-router';
import { FiscalYearsPage } from '../../../../features/accounting/FiscalYearsPage.tsx';

export const Route = createFileRoute('/orgs/$orgId/accounting/fiscal-years')({
  component: FiscalYearsPage,
});
