import { createFileRoute } from '@tanstack/react-router';
import { AccountingLayout } from '../../../features/accounting/AccountingLayout.tsx';

export const Route = createFileRoute('/orgs/$orgId/accounting')({
  component: AccountingLayout,
});
