import { createFileRoute } from '@tanstack/react-router';
import { DepositSlipsPage } from '../../../../features/relations/DepositSlipsPage.tsx';

export const Route = createFileRoute('/orgs/$orgId/relations/deposit-slips')({
  component: DepositSlipsPage,
});
