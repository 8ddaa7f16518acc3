import { createFileRoute } from '@tanstack/react-router';
import { NewEventPage } from '../../../../../features/relations/events/EventListPage.tsx';

export const Route = createFileRoute('/orgs/$orgId/relations/events/new')({
  component: NewEventPage,
});
