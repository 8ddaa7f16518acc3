import { createFileRoute } from '@tanstack/react-router';
import { ReceivablesPage } from '../../../../features/relations/ReceivablesPage.tsx';

export const Route = createFileRoute('/orgs/$orgId/relations/receivables')({
  component: ReceivablesPage,
});
