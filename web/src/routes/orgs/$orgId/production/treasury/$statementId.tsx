import { createFileRoute } from '@tanstack/react-router';
import { StatementPage } from '../../../../../features/production/StatementPage.tsx';

export const Route = createFileRoute('/orgs/$orgId/production/treasury/$statementId')({
  component: StatementPage,
});
