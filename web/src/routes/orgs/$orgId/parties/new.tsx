import { createFileRoute } from '@tanstack/react-router';
import { NewPartyPage } from '../../../../features/parties/PartyEditPages.tsx';

export const Route = createFileRoute('/orgs/$orgId/parties/new')({
  component: NewPartyPage,
});
