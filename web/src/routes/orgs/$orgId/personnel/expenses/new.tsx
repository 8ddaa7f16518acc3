import { createFileRoute } from '@tanstack/react-router';
import { NewExpensePage } from '../../../../../features/personnel/NewExpensePage.tsx';

export const Route = createFileRoute('/orgs/$orgId/personnel/expenses/new')({
  component: NewExpensePage,
});
