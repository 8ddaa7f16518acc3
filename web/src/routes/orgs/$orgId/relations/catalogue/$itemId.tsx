import { createFileRoute } from '@tanstack/react-router';
import { EditCatalogueItemPage } from '../../../../../features/relations/CatalogueItemPages.tsx';

export const Route = createFileRoute('/orgs/$orgId/relations/catalogue/$itemId')({
  component: EditCatalogueItemPage,
});
