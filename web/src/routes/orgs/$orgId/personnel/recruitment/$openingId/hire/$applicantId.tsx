import { createFileRoute } from '@tanstack/react-router';
import { HirePage } from '../../../../../../../features/personnel/careers/HirePage.tsx';

export const Route = createFileRoute('/orgs/$orgId/personnel/recruitment/$openingId/hire/$applicantId')({
  component: HirePage,
});
