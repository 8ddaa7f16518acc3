import { createFileRoute } from '@tanstack/react-router';
import { StudentPage } from '../../../../../features/training/StudentPage.tsx';

export const Route = createFileRoute('/orgs/$orgId/training/students/$studentId')({
  component: StudentPage,
});
