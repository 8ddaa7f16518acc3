import { useQueryClient } from '@tanstack/react-query';
import { getRouteApi } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { MEETINGS_SERVE } from '../../../../referentiel/activities.ts';
import { notify } from '../../../../ui/notify.ts';
import { PageHeader } from '../../../../ui/PageHeader.tsx';
import { MeetingForm } from './MeetingForm.tsx';
import { createMeeting, meetingKeys } from './meetings-api.ts';

const route = getRouteApi('/orgs/$orgId/production/workplace/meetings/new');
const k = 'production.workplace.meetings';

export function NewMeetingPage() {
  const { t } = useTranslation();
  const { orgId } = route.useParams();
  const navigate = route.useNavigate();
  const queryClient = useQueryClient();
  return (
    <>
      <PageHeader title={t(`${k}.newTitle`)} served={MEETINGS_SERVE} />
      <MeetingForm
        orgId={orgId}
        submitLabel={t(`${k}.save`)}
        submit={async (body) => {
          const meeting = await createMeeting(orgId, body);
          notify('success', t(`${k}.saved`));
          await queryClient.invalidateQueries({ queryKey: meetingKeys.all(orgId) });
          await navigate({
            to: '/orgs/$orgId/production/workplace/meetings/$meetingId',
            params: { orgId, meetingId: meeting.id },
          });
        }}
      />
    </>
  );
}
