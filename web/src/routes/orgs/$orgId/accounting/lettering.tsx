import { createFileRoute } from '@tanstack/react-router';
import { LetteringPage, parseLetteringSearch } from '../../../../features/accounting/LetteringPage.tsx';

export const Route = createFileRoute('/orgs/$orgId/accounting/lettering')({
  validateSearch: parseLetteringSearch,
  component: LetteringPage,
});
