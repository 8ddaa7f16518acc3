import { createFileRoute } from '@tanstack/react-router';
import { InvoicePage } from '../../../../../features/relations/InvoicePages.tsx';

export const Route = createFileRoute('/orgs/$orgId/relations/invoices/$invoiceId')({
  component: InvoicePage,
});
