import { createFileRoute } from '@tanstack/react-router';
import { ExpensePage } from '../../../../../../features/personnel/ExpensePage.tsx';

export const Route = createFileRoute('/orgs/$orgId/personnel/expenses/$reportId/')({
  component: ExpensePage,
});
