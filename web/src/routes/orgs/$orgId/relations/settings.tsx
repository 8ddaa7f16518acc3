import { createFileRoute } from '@tanstack/react-router';
import { InvoiceSettingsPage } from '../../../../features/relations/InvoiceSettingsPage.tsx';

export const Route = createFileRoute('/orgs/$orgId/relations/settings')({
  component: InvoiceSettingsPage,
});
