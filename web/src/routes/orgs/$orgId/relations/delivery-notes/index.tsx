import { createFileRoute } from '@tanstack/react-router';
import { SalesListPage } from '../../../../../features/relations/SalesListPage.tsx';

export const Route = createFileRoute('/orgs/$orgId/relations/delivery-notes/')({
  component: () => <SalesListPage kind="delivery_note" />,
});
