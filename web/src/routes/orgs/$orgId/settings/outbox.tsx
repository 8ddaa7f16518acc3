import { createFileRoute } from '@tanstack/react-router';
import { OutboxPage } from '../../../../features/mail/OutboxPage.tsx';

export const Route = createFileRoute('/orgs/$orgId/settings/outbox')({
  component: OutboxPage,
});
