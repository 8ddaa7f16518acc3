import { createFileRoute } from '@tanstack/react-router';
import {
  parseResourcesSearch,
  ResourcesPage,
} from '../../../../../features/production/workplace/ResourcesPage.tsx';

export const Route = createFileRoute('/orgs/$orgId/production/workplace/resources')({
  validateSearch: parseResourcesSearch,
  component: ResourcesPage,
});
