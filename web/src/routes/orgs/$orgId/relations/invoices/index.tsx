import { createFileRoute } from '@tanstack/react-router';
import { InvoiceListPage, parseInvoiceSearch } from '../../../../../features/relations/InvoiceListPage.tsx';

export const Route = createFileRoute('/orgs/$orgId/relations/invoices/')({
  validateSearch: parseInvoiceSearch,
  component: InvoiceListPage,
});
