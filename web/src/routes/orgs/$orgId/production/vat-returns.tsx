import { createFileRoute } from '@tanstack/react-router';
import { VatReturnPage } from '../../../../features/production/VatReturnPage.tsx';
import { parseVatReturnSearch } from '../../../../features/production/vat-returns-api.ts';

export const Route = createFileRoute('/orgs/$orgId/production/vat-returns')({
  validateSearch: parseVatReturnSearch,
  component: VatReturnPage,
});
