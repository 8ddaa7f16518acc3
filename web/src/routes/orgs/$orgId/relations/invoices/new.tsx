import { createFileRoute } from '@tanstack/react-router';
import { NewInvoicePage } from '../../../../../features/relations/InvoicePages.tsx';

export const Route = createFileRoute('/orgs/$orgId/relations/invoices/new')({
  component: NewInvoicePage,
});
