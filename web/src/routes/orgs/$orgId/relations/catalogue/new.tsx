import { createFileRoute } from '@tanstack/react-router';
import { NewCatalogueItemPage } from '../../../../../features/relations/CatalogueItemPages.tsx';

export const Route = createFileRoute('/orgs/$orgId/relations/catalogue/new')({
  component: NewCatalogueItemPage,
});
