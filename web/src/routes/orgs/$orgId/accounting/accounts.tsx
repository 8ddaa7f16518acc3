import { createFileRoute } from '@tanstack/react-router';
import { AccountsPage, parseAccountSearch } from '../../../../features/accounting/AccountsPage.tsx';

export const Route = createFileRoute('/orgs/$orgId/accounting/accounts')({
  validateSearch: parseAccountSearch,
  component: AccountsPage,
});
