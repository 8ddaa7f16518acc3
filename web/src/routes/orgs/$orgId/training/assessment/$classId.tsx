import { createFileRoute } from '@tanstack/react-router';
import { ClassSynthesisPage } from '../../../../../features/training/ClassSynthesisPage.tsx';

export const Route = createFileRoute('/orgs/$orgId/training/assessment/$classId')({
  component: ClassSynthesisPage,
});
