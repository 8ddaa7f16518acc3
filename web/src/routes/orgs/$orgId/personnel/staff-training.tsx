import { createFileRoute } from '@tanstack/react-router';
import {
  parseTrainingSearch,
  StaffTrainingPage,
} from '../../../../features/personnel/careers/StaffTrainingPage.tsx';

export const Route = createFileRoute('/orgs/$orgId/personnel/staff-training')({
  validateSearch: parseTrainingSearch,
  component: StaffTrainingPage,
});
