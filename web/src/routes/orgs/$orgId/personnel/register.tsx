import { createFileRoute } from '@tanstack/react-router';
import { parseRegisterSearch, RegisterPage } from '../../../../features/personnel/RegisterPage.tsx';

export const Route = createFileRoute('/orgs/$orgId/personnel/register')({
  validateSearch: parseRegisterSearch,
  component: RegisterPage,
});
