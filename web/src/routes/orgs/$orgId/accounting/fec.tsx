import { createFileRoute } from '@tanstack/react-router';
import { FecPage } from '../../../../features/accounting/FecPage.tsx';

export const Route = createFileRoute('/orgs/$orgId/accounting/fec')({
  component: FecPage,
});
