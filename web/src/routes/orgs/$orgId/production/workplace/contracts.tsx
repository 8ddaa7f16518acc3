import { createFileRoute } from '@tanstack/react-router';
import {
  ContractsPage,
  parseContractSearch,
} from '../../../../../features/production/workplace/ContractsPage.tsx';

export const Route = createFileRoute('/orgs/$orgId/production/workplace/contracts')({
  validateSearch: parseContractSearch,
  component: ContractsPage,
});
