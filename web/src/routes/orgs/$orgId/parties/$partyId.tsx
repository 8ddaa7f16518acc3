import { createFileRoute } from '@tanstack/react-router';
import { EditPartyPage } from '../../../../features/parties/PartyEditPages.tsx';

export const Route = createFileRoute('/orgs/$orgId/parties/$partyId')({
  component: EditPartyPage,
});
