import { createFileRoute } from '@tanstack/react-router';
import { ReconciliationPage } from '../../../../../features/production/ReconciliationPage.tsx';

export const Route = createFileRoute('/orgs/$orgId/production/treasury/reconciliation')({
  component: ReconciliationPage,
});
