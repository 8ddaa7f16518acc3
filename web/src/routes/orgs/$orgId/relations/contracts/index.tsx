import { createFileRoute } from '@tanstack/react-router';
import { ContractListPage } from '../../../../../features/relations/ContractPages.tsx';

export const Route = createFileRoute('/orgs/$orgId/relations/contracts/')({
  component: ContractListPage,
});
