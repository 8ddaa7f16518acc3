import { createFileRoute } from '@tanstack/react-router';
import { NewSalesPage } from '../../../../../features/relations/SalesDocumentPages.tsx';

export const Route = createFileRoute('/orgs/$orgId/relations/orders/new')({
  component: () => <NewSalesPage kind="order" />,
});
