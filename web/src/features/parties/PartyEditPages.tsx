import { Alert, Button, Loader, Paper, Title } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { getRouteApi } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { PartyDto, PartyInput } from '../../../../src/kernel/parties/contract.ts';
import { useOrgRole } from '../../auth/session.ts';
import { PARTIES_SERVE } from '../../referentiel/activities.ts';
import { errorMessage } from '../../ui/errors.ts';
import { ButtonLink } from '../../ui/links.tsx';
import { notify } from '../../ui/notify.ts';
import { PageHeader } from '../../ui/PageHeader.tsx';
import { LoadError } from '../../ui/StatusPages.tsx';
import { ReminderHistory } from '../relations/ReminderHistory.tsx';
import { PartyForm } from './PartyForm.tsx';
import {
  createParty,
  newIdempotencyKey,
  partyKeys,
  partyQuery,
  setArchived,
  updateParty,
} from './party-api.ts';

const newRoute = getRouteApi('/orgs/$orgId/parties/new');
const editRoute = getRouteApi('/orgs/$orgId/parties/$partyId');

function BackToList({ orgId }: { orgId: string }) {
  const { t } = useTranslation();
  return (
    <ButtonLink variant="default" to="/orgs/$orgId/parties" params={{ orgId }}>
      {t('common.cancel')}
    </ButtonLink>
  );
}

export function NewPartyPage() {
  const { t } = useTranslation();
  const { orgId } = newRoute.useParams();
  const navigate = newRoute.useNavigate();
  const queryClient = useQueryClient();
  // One key per form on screen: a double click or a retried request creates one party.
  const [idempotencyKey] = useState(newIdempotencyKey);
  const create = useMutation({
    mutationFn: (input: PartyInput) => createParty(orgId, input, idempotencyKey),
    onSuccess: async (party) => {
      queryClient.setQueryData(partyKeys.one(orgId, party.id), party);
      await queryClient.invalidateQueries({ queryKey: partyKeys.all(orgId) });
      notify('success', t('parties.created', { name: party.name }));
      await navigate({ to: '/orgs/$orgId/parties', params: { orgId } });
    },
  });
  return (
    <>
      <PageHeader title={t('parties.newTitle')} served={PARTIES_SERVE} />
      <PartyForm onSubmit={(input) => create.mutateAsync(input)} cancel={<BackToList orgId={orgId} />} />
    </>
  );
}

export function EditPartyPage() {
  const { t } = useTranslation();
  const { orgId, partyId } = editRoute.useParams();
  const navigate = editRoute.useNavigate();
  const queryClient = useQueryClient();
  const { can } = useOrgRole(orgId);
  const writable = can('parties.write');
  const query = useQuery(partyQuery(orgId, partyId));

  const saved = async (party: PartyDto) => {
    queryClient.setQueryData(partyKeys.one(orgId, party.id), party);
    await queryClient.invalidateQueries({ queryKey: [...partyKeys.all(orgId), 'list'] });
  };
  const update = useMutation({
    mutationFn: (input: PartyInput) => updateParty(orgId, partyId, input),
    onSuccess: async (party) => {
      await saved(party);
      notify('success', t('parties.updated', { name: party.name }));
      await navigate({ to: '/orgs/$orgId/parties', params: { orgId } });
    },
  });
  const archive = useMutation({
    mutationFn: (archived: boolean) => setArchived(orgId, partyId, archived),
    onSuccess: async (party) => {
      await saved(party);
      notify('success', t(party.archivedAt ? 'parties.archived' : 'parties.restored', { name: party.name }));
    },
    onError: (error) => notify('error', errorMessage(error, t)),
  });

  if (query.isPending) return <Loader aria-label={t('common.loading')} />;
  if (query.isError)
    return (
      <>
        <PageHeader title={t('parties.title')} served={PARTIES_SERVE} />
        <LoadError error={query.error} />
      </>
    );
  const party = query.data;
  const archived = party.archivedAt !== null;

  return (
    <>
      <PageHeader
        title={party.name}
        served={PARTIES_SERVE}
        actions={
          <>
            {can('sales.read') ? (
              <ButtonLink
                to="/orgs/$orgId/relations/customers/$partyId"
                params={{ orgId, partyId: party.id }}
                variant="default"
                data-testid="party-file"
              >
                {t('records.file.open')}
              </ButtonLink>
            ) : null}
            {writable ? (
              <Button
                variant="default"
                loading={archive.isPending}
                onClick={() => archive.mutate(!archived)}
                data-testid={archived ? 'party-restore' : 'party-archive'}
              >
                {archived ? t('parties.restore') : t('parties.archive')}
              </Button>
            ) : null}
          </>
        }
      />
      {archived ? (
        <Alert color="gray" mb="md" data-testid="party-archived">
          {t('parties.archivedNotice')}
        </Alert>
      ) : null}
      {writable ? null : (
        <Alert color="blue" mb="md">
          {t('common.readOnly')}
        </Alert>
      )}
      <PartyForm
        key={party.id}
        party={party}
        onSubmit={(input) => update.mutateAsync(input)}
        cancel={<BackToList orgId={orgId} />}
        readOnly={!writable}
      />
      {party.roles.includes('customer') && can('sales.read') ? (
        <Paper withBorder p="md" mt="lg" data-testid="party-reminders">
          <Title order={2} size="h4" mb="sm">
            {t('relations.reminders.history')}
          </Title>
          <ReminderHistory orgId={orgId} customerId={party.id} />
        </Paper>
      ) : null}
    </>
  );
}
