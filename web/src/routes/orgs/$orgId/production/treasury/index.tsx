import { createFileRoute } from '@tanstack/react-router';
import { TreasuryPage } from '../../../../../features/production/TreasuryPage.tsx';

export const Route = createFileRoute('/orgs/$orgId/production/treasury/')({ component: TreasuryPage });
