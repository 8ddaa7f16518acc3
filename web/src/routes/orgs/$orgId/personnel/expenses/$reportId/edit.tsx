import { createFileRoute } from '@tanstack/react-router';
import { EditExpensePage } from '../../../../../../features/personnel/NewExpensePage.tsx';

export const Route = createFileRoute('/orgs/$orgId/personnel/expenses/$reportId/edit')({
  component: EditExpensePage,
});
