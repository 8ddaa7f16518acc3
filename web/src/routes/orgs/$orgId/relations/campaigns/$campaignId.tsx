import { createFileRoute } from '@tanstack/react-router';
import { CampaignDetailPage } from '../../../../../features/relations/prospecting/CampaignDetailPage.tsx';

export const Route = createFileRoute('/orgs/$orgId/relations/campaigns/$campaignId')({
  component: CampaignDetailPage,
});
