import { createFileRoute } from '@tanstack/react-router';
import { ContractPage } from '../../../../../features/relations/ContractPages.tsx';

export const Route = createFileRoute('/orgs/$orgId/relations/contracts/$contractId')({
  component: ContractPage,
});
