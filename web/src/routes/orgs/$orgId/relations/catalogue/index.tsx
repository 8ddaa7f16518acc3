import { createFileRoute } from '@tanstack/react-router';
import {
  CatalogueListPage,
  parseCatalogueSearch,
} from '../../../../../features/relations/CatalogueListPage.tsx';

export const Route = createFileRoute('/orgs/$orgId/relations/catalogue/')({
  validateSearch: parseCatalogueSearch,
  component: CatalogueListPage,
});
