import { createFileRoute } from '@tanstack/react-router';
import { MailSettingsPage } from '../../../../features/mail/MailSettingsPage.tsx';

export const Route = createFileRoute('/orgs/$orgId/settings/mail')({
  component: MailSettingsPage,
});
