import { useQueryClient } from '@tanstack/react-query';
import { getRouteApi } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { NOTICES_SERVE } from '../../../../referentiel/activities.ts';
import { notify } from '../../../../ui/notify.ts';
import { PageHeader } from '../../../../ui/PageHeader.tsx';
import { NoticeForm } from './NoticeForm.tsx';
import { createNotice, noticeKeys } from './notices-api.ts';

const route = getRouteApi('/orgs/$orgId/production/workplace/notices/new');
const k = 'production.workplace.notices';

export function NewNoticePage() {
  const { t } = useTranslation();
  const { orgId } = route.useParams();
  const navigate = route.useNavigate();
  const queryClient = useQueryClient();
  return (
    <>
      <PageHeader title={t(`${k}.newTitle`)} served={NOTICES_SERVE} />
      <NoticeForm
        submit={async (body) => {
          const n = await createNotice(orgId, body);
          notify('success', t(`${k}.saved`));
          await queryClient.invalidateQueries({ queryKey: noticeKeys.all(orgId) });
          await navigate({
            to: '/orgs/$orgId/production/workplace/notices/$noticeId',
            params: { orgId, noticeId: n.id },
          });
        }}
      />
    </>
  );
}
