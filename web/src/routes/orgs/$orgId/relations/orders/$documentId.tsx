import { createFileRoute } from '@tanstack/react-router';
import { SalesDocumentPage } from '../../../../../features/relations/SalesDocumentPages.tsx';

export const Route = createFileRoute('/orgs/$orgId/relations/orders/$documentId')({
  component: () => <SalesDocumentPage kind="order" />,
});
