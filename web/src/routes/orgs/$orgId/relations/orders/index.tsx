import { createFileRoute } from '@tanstack/react-router';
import { SalesListPage } from '../../../../../features/relations/SalesListPage.tsx';

export const Route = createFileRoute('/orgs/$orgId/relations/orders/')({
  component: () => <SalesListPage kind="order" />,
});
