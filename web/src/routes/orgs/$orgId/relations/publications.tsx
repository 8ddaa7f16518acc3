import { createFileRoute } from '@tanstack/react-router';
import {
  PublicationsPage,
  parsePublicationSearch,
} from '../../../../features/relations/PublicationsPage.tsx';

export const Route = createFileRoute('/orgs/$orgId/relations/publications')({
  validateSearch: parsePublicationSearch,
  component: PublicationsPage,
});
