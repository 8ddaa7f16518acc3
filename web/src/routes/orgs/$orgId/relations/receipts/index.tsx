import { createFileRoute } from '@tanstack/react-router';
import { parsePageSearch, ReceiptListPage } from '../../../../../features/relations/ReceiptListPage.tsx';

export const Route = createFileRoute('/orgs/$orgId/relations/receipts/')({
  validateSearch: parsePageSearch,
  component: ReceiptListPage,
});
