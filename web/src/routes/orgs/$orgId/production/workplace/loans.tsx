import { createFileRoute } from '@tanstack/react-router';
import { LoansPage, parseLoanSearch } from '../../../../../features/production/workplace/LoansPage.tsx';

export const Route = createFileRoute('/orgs/$orgId/production/workplace/loans')({
  validateSearch: parseLoanSearch,
  component: LoansPage,
});
