import { createFileRoute } from '@tanstack/react-router';
import { JournalsPage } from '../../../../features/accounting/JournalsPage.tsx';

export const Route = createFileRoute('/orgs/$orgId/accounting/journals')({
  component: JournalsPage,
});
