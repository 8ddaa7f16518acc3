import { createFileRoute } from '@tanstack/react-router';
import { PayablesPage } from '../../../../../features/production/PayablesPage.tsx';

export const Route = createFileRoute('/orgs/$orgId/production/purchases/payables')({
  component: PayablesPage,
});
