import { createFileRoute } from '@tanstack/react-router';
import { EventDetailPage } from '../../../../../features/relations/events/EventDetailPage.tsx';

export const Route = createFileRoute('/orgs/$orgId/relations/events/$eventId')({
  component: EventDetailPage,
});
