import { createFileRoute } from '@tanstack/react-router';
import { SalesDocumentPage } from '../../../../../features/relations/SalesDocumentPages.tsx';

export const Route = createFileRoute('/orgs/$orgId/relations/delivery-notes/$documentId')({
  component: () => <SalesDocumentPage kind="delivery_note" />,
});
