import { createFileRoute } from '@tanstack/react-router';
import { NewSalesPage } from '../../../../../features/relations/SalesDocumentPages.tsx';

/** From a prospecting campaign (« Établir un devis »): the target's party and the campaign. */
export type NewQuoteSearch = { partyId?: string; campaignId?: string };

export const Route = createFileRoute('/orgs/$orgId/relations/quotes/new')({
  validateSearch: (search: Record<string, unknown>): NewQuoteSearch => ({
    partyId: typeof search.partyId === 'string' ? search.partyId : undefined,
    campaignId: typeof search.campaignId === 'string' ? search.campaignId : undefined,
  }),
  component: NewQuoteRoute,
});

function NewQuoteRoute() {
  const { partyId, campaignId } = Route.useSearch();
  return (
    <NewSalesPage kind="quote" fromCampaign={partyId && campaignId ? { partyId, campaignId } : undefined} />
  );
}
