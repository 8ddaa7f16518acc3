import { createFileRoute } from '@tanstack/react-router';
import { ReferentielPage } from '../../../../features/training/ReferentielPage.tsx';

export const Route = createFileRoute('/orgs/$orgId/training/referentiel')({
  component: () => <ReferentielPage />,
});
