import { createFileRoute } from '@tanstack/react-router';
import { PartyListPage } from '../../../../features/parties/PartyListPage.tsx';
import { parsePartySearch } from '../../../../features/parties/party-search.ts';

export const Route = createFileRoute('/orgs/$orgId/parties/')({
  validateSearch: parsePartySearch,
  component: PartyListPage,
});
