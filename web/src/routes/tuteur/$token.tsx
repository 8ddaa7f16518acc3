import { createFileRoute } from '@tanstack/react-router';
import { TutorAssessmentPage } from '../../features/training/TutorAssessmentPage.tsx';

// Public: no session asked (outside /orgs), the PFMP tutor's assessment page opened from their link.
export const Route = createFileRoute('/tuteur/$token')({
  component: TutorRoute,
});

function TutorRoute() {
  const { token } = Route.useParams();
  return <TutorAssessmentPage token={token} />;
}
