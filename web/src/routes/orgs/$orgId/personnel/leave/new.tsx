import { createFileRoute } from '@tanstack/react-router';
import { NewLeavePage } from '../../../../../features/personnel/leave/NewLeavePage.tsx';

export const Route = createFileRoute('/orgs/$orgId/personnel/leave/new')({
  component: NewLeavePage,
});
