import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useNavigate } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import type { OrganisationInput } from '../../../../src/kernel/organisations/contract.ts';
import { meQuery } from '../../auth/session.ts';
import { ButtonLink } from '../../ui/links.tsx';
import { notify } from '../../ui/notify.ts';
import { PageHeader } from '../../ui/PageHeader.tsx';
import { OrganisationForm } from './OrganisationForm.tsx';
import { createOrganisation } from './settings-api.ts';

/** Whoever creates an organisation becomes its owner (responsable). */
export function NewOrganisationPage() {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const create = useMutation({
    mutationFn: (input: OrganisationInput) => createOrganisation(input),
    onSuccess: async (org) => {
      // The new organisation must be in /me before its pages check membership.
      await queryClient.refetchQueries({ queryKey: meQuery.queryKey });
      notify('success', t('organisation.created', { name: org.name }));
      await navigate({ to: '/orgs/$orgId/settings', params: { orgId: org.id } });
    },
  });
  return (
    <>
      <PageHeader title={t('organisation.newTitle')} served={[]} />
      <OrganisationForm
        onSubmit={(input) => create.mutateAsync(input)}
        cancel={
          <ButtonLink variant="default" to="/">
            {t('common.cancel')}
          </ButtonLink>
        }
      />
    </>
  );
}
