import { createFileRoute } from '@tanstack/react-router';
import { PersonnelLayout } from '../../../features/personnel/PersonnelLayout.tsx';

export const Route = createFileRoute('/orgs/$orgId/personnel')({
  component: PersonnelLayout,
});
