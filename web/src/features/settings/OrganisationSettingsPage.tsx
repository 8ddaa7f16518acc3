import { Alert, Loader } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { getRouteApi } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import type { OrganisationInput } from '../../../../src/kernel/organisations/contract.ts';
import { meQuery, useOrgRole } from '../../auth/session.ts';
import { notify } from '../../ui/notify.ts';
import { PageHeader } from '../../ui/PageHeader.tsx';
import { LoadError } from '../../ui/StatusPages.tsx';
import { OrganisationForm } from './OrganisationForm.tsx';
import { organisationQuery, settingsKeys, updateOrganisation } from './settings-api.ts';

const route = getRouteApi('/orgs/$orgId/settings/');

export function OrganisationSettingsPage() {
  const { t } = useTranslation();
  const { orgId } = route.useParams();
  const queryClient = useQueryClient();
  const { can } = useOrgRole(orgId);
  const writable = can('org.manage');
  const query = useQuery(organisationQuery(orgId));
  const update = useMutation({
    mutationFn: (input: OrganisationInput) => updateOrganisation(orgId, input),
    onSuccess: async (org) => {
      queryClient.setQueryData(settingsKeys.org(orgId), org);
      // The switcher shows the name from /me.
      await queryClient.invalidateQueries({ queryKey: meQuery.queryKey });
      notify('success', t('organisation.saved'));
    },
  });

  return (
    <>
      <PageHeader title={t('organisation.title')} served={[]} />
      {query.isPending ? <Loader aria-label={t('common.loading')} /> : null}
      {query.isError ? <LoadError error={query.error} /> : null}
      {query.data ? (
        <>
          {writable ? null : (
            <Alert color="blue" mb="md">
              {t('common.readOnly')}
            </Alert>
          )}
          <OrganisationForm
            key={query.data.id}
            organisation={query.data}
            onSubmit={(input) => update.mutateAsync(input)}
            readOnly={!writable}
          />
        </>
      ) : null}
    </>
  );
}
