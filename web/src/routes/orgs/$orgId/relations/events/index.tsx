import { createFileRoute } from '@tanstack/react-router';
import { EventListPage } from '../../../../../features/relations/events/EventListPage.tsx';

export const Route = createFileRoute('/orgs/$orgId/relations/events/')({
  component: EventListPage,
});
