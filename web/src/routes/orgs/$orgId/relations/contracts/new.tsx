import { createFileRoute } from '@tanstack/react-router';
import { NewContractPage } from '../../../../../features/relations/ContractPages.tsx';

export const Route = createFileRoute('/orgs/$orgId/relations/contracts/new')({
  component: NewContractPage,
});
