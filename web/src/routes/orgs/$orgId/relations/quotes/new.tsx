import { createFileRoute } from '@tanstack/react-router';
import { NewSalesPage } from '../../../../../features/relations/SalesDocumentPages.tsx';

export const Route = createFileRoute('/orgs/$orgId/relations/quotes/new')({
  component: () => <NewSalesPage kind="quote" />,
});
