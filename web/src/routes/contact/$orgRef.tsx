import { createFileRoute } from '@tanstack/react-router';
import { PublicContactPage } from '../../features/relations/PublicContactPage.tsx';

// Public: no session asked (outside /orgs), the organisation's contact form.
export const Route = createFileRoute('/contact/$orgRef')({
  component: ContactRoute,
});

function ContactRoute() {
  const { orgRef } = Route.useParams();
  return <PublicContactPage orgRef={orgRef} />;
}
