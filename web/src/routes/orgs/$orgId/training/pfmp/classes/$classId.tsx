import { createFileRoute } from '@tanstack/react-router';
import { PfmpClassPage } from '../../../../../../features/training/PfmpClassPage.tsx';

/** `?filter=issues` keeps the « à traiter » filter in the address (back, reload, a shared link). */
export const Route = createFileRoute('/orgs/$orgId/training/pfmp/classes/$classId')({
  validateSearch: (search: Record<string, unknown>): { filter?: 'issues' } =>
    search.filter === 'issues' ? { filter: 'issues' } : {},
  component: PfmpClassPage,
});
