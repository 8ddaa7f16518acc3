import { createFileRoute } from '@tanstack/react-router';
import { ChecklistsPage } from '../../../../features/personnel/careers/ChecklistsPage.tsx';

export const Route = createFileRoute('/orgs/$orgId/personnel/checklists')({ component: ChecklistsPage });
