import { createFileRoute } from '@tanstack/react-router';
import { ClassPage } from '../../../../../features/training/ClassPage.tsx';

export const Route = createFileRoute('/orgs/$orgId/training/classes/$classId')({
  component: ClassPage,
});
