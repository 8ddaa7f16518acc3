import { createFileRoute } from '@tanstack/react-router';
import { OpeningPage } from '../../../../../../features/personnel/careers/OpeningPage.tsx';

export const Route = createFileRoute('/orgs/$orgId/personnel/recruitment/$openingId/')({
  component: OpeningPage,
});
