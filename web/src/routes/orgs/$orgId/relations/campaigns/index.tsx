import { createFileRoute } from '@tanstack/react-router';
import { CampaignListPage } from '../../../../../features/relations/prospecting/CampaignListPage.tsx';

export const Route = createFileRoute('/orgs/$orgId/relations/campaigns/')({
  component: CampaignListPage,
});
