import { createFileRoute } from '@tanstack/react-router';
import {
  DeadlinesPage,
  parseDeadlinesSearch,
} from '../../../../../features/production/workplace/DeadlinesPage.tsx';

export const Route = createFileRoute('/orgs/$orgId/production/workplace/deadlines')({
  validateSearch: parseDeadlinesSearch,
  component: DeadlinesPage,
});
