import { createFileRoute } from '@tanstack/react-router';
import { PfmpStudentPage } from '../../../../../../features/training/PfmpStudentPage.tsx';

export const Route = createFileRoute('/orgs/$orgId/training/pfmp/students/$studentId')({
  component: PfmpStudentPage,
});
