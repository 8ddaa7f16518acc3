import { createFileRoute } from '@tanstack/react-router';
import { CustomerFilePage } from '../../../../../features/relations/CustomerFilePage.tsx';

export const Route = createFileRoute('/orgs/$orgId/relations/customers/$partyId')({
  component: CustomerFilePage,
});
