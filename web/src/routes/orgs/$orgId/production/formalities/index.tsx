import { createFileRoute } from '@tanstack/react-router';
import {
  FormalitiesPage,
  parseFormalitySearch,
} from '../../../../../features/production/formalities/FormalitiesPage.tsx';

export const Route = createFileRoute('/orgs/$orgId/production/formalities/')({
  validateSearch: parseFormalitySearch,
  component: FormalitiesPage,
});
