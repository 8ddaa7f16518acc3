import { createFileRoute } from '@tanstack/react-router';
import { ExpenseListPage } from '../../../../../features/personnel/ExpenseListPage.tsx';

export const Route = createFileRoute('/orgs/$orgId/personnel/expenses/')({
  component: ExpenseListPage,
});
