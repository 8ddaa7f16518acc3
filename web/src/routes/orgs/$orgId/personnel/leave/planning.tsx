import { createFileRoute } from '@tanstack/react-router';
import {
  LeavePlanningPage,
  parsePlanningSearch,
} from '../../../../../features/personnel/leave/LeavePlanningPage.tsx';

export const Route = createFileRoute('/orgs/$orgId/personnel/leave/planning')({
  validateSearch: parsePlanningSearch,
  component: LeavePlanningPage,
});
