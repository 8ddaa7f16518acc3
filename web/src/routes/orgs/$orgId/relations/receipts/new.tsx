import { createFileRoute } from '@tanstack/react-router';
import { NewReceiptPage, parseNewReceiptSearch } from '../../../../../features/relations/NewReceiptPage.tsx';

export const Route = createFileRoute('/orgs/$orgId/relations/receipts/new')({
  validateSearch: parseNewReceiptSearch,
  component: NewReceiptPage,
});
