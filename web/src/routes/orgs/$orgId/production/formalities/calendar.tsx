import { createFileRoute } from '@tanstack/react-router';
import {
  FormalityCalendarPage,
  parseCalendarSearch,
} from '../../../../../features/production/formalities/FormalityCalendarPage.tsx';

export const Route = createFileRoute('/orgs/$orgId/production/formalities/calendar')({
  validateSearch: parseCalendarSearch,
  component: FormalityCalendarPage,
});
