import {
  Button,
  Group,
  Loader,
  Modal,
  MultiSelect,
  NativeSelect,
  Paper,
  Stack,
  Table,
  Text,
  Textarea,
  TextInput,
  Title,
  VisuallyHidden,
} from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { getRouteApi } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { EventDto } from '../../../../../src/relations/events/contract.ts';
import { useOrgRole } from '../../../auth/session.ts';
import { EVENTS_SERVE } from '../../../referentiel/activities.ts';
import { ErrorAlert } from '../../../ui/ErrorAlert.tsx';
import { errorMessage } from '../../../ui/errors.ts';
import { formatDate } from '../../../ui/format.ts';
import { notify } from '../../../ui/notify.ts';
import { PageHeader } from '../../../ui/PageHeader.tsx';
import { LoadError } from '../../../ui/StatusPages.tsx';
import { saveFile } from '../relations-api.ts';
import { EventForm } from './EventForm.tsx';
import {
  addGuests,
  downloadAttendanceSheet,
  type EventBody,
  eventKeys,
  eventQuery,
  GUEST_STATUSES,
  type GuestStatus,
  inviteGuests,
  partyOptionsQuery,
  removeGuest,
  setGuestStatus,
  updateEvent,
} from './events-api.ts';

const route = getRouteApi('/orgs/$orgId/relations/events/$eventId');

// Merge fields are template tokens, not translations: they stay as they are in every language.
export const EVENT_PLACEHOLDERS =
  '{{civilite}} {{nom}} {{contact}} {{adresse}} {{code_postal}} {{ville}} {{organisation}} {{evenement}} {{date_evenement}} {{heure}} {{lieu}} {{date}}';
const DEFAULT_TEXT =
  '{{civilite}},\n\n{{organisation}} a le plaisir de vous inviter à « {{evenement}} », le {{date_evenement}} {{heure}}, {{lieu}}.\n\nBien cordialement.';

function InviteModal({ orgId, event, onClose }: { orgId: string; event: EventDto; onClose: () => void }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [subject, setSubject] = useState(`${t('events.defaultSubject')} : {{evenement}}`);
  const [text, setText] = useState(DEFAULT_TEXT);
  const send = useMutation({
    mutationFn: () => inviteGuests(orgId, event.id, { subject, text }),
    onSuccess: async (result) => {
      await queryClient.invalidateQueries({ queryKey: eventKeys.one(orgId, event.id) });
      notify('success', t('events.invited', { count: result.queued }));
      if (result.withoutEmail.length > 0)
        notify('error', t('events.withoutEmail', { names: result.withoutEmail.join(', ') }));
      onClose();
    },
  });
  return (
    <Modal
      opened
      onClose={onClose}
      title={t('events.inviteTitle')}
      size="lg"
      closeButtonProps={{ 'aria-label': t('common.close') }}
    >
      <Stack>
        <ErrorAlert error={send.error} />
        <TextInput
          label={t('events.subject')}
          value={subject}
          onChange={(e) => setSubject(e.currentTarget.value)}
          data-testid="invite-subject"
        />
        <Textarea
          label={t('events.text')}
          autosize
          minRows={6}
          value={text}
          onChange={(e) => setText(e.currentTarget.value)}
          data-testid="invite-text"
        />
        <Text size="sm" c="dimmed">
          {t('events.placeholders')} : {EVENT_PLACEHOLDERS}
        </Text>
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('common.cancel')}
          </Button>
          <Button loading={send.isPending} onClick={() => send.mutate()} data-testid="invite-send">
            {t('events.send')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}

function Guests({ orgId, event, writable }: { orgId: string; event: EventDto; writable: boolean }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [picked, setPicked] = useState<string[]>([]);
  const parties = useQuery({ ...partyOptionsQuery(orgId), enabled: writable });
  const refresh = (updated: EventDto) => queryClient.setQueryData(eventKeys.one(orgId, event.id), updated);
  const onError = (error: unknown) => notify('error', errorMessage(error, t));
  const add = useMutation({
    mutationFn: () => addGuests(orgId, event.id, picked),
    onSuccess: (updated) => {
      refresh(updated);
      setPicked([]);
      notify('success', t('events.guestsAdded'));
    },
    onError,
  });
  const status = useMutation({
    mutationFn: ({ partyId, value }: { partyId: string; value: GuestStatus }) =>
      setGuestStatus(orgId, event.id, partyId, value),
    onSuccess: (updated, { partyId, value }) => {
      refresh(updated);
      const name = updated.guests.find((g) => g.partyId === partyId)?.name ?? '';
      notify('success', t('events.statusSaved', { name, status: t(`events.statuses.${value}`) }));
    },
    onError,
  });
  const remove = useMutation({
    mutationFn: (partyId: string) => removeGuest(orgId, event.id, partyId),
    onSuccess: refresh,
    onError,
  });
  const guestIds = new Set(event.guests.map((g) => g.partyId));
  const options = (parties.data?.items ?? [])
    .filter((p) => !guestIds.has(p.id))
    .map((p) => ({ value: p.id, label: p.name }));
  return (
    <Paper withBorder p="md" mt="lg" maw={900}>
      <Title order={2} size="h4" mb="sm">
        {t('events.guests')} ({event.guests.length}
        {event.capacity ? ` / ${event.capacity}` : ''})
      </Title>
      {writable ? (
        <Group align="flex-end" mb="md">
          <MultiSelect
            label={t('events.pickGuests')}
            data={options}
            value={picked}
            onChange={setPicked}
            searchable
            clearable
            style={{ flex: 1 }}
            data-testid="guest-picker"
          />
          <Button
            disabled={picked.length === 0}
            loading={add.isPending}
            onClick={() => add.mutate()}
            data-testid="guest-add"
          >
            {t('events.addGuests')}
          </Button>
        </Group>
      ) : null}
      {event.guests.length === 0 ? (
        <Text>{t('events.noGuests')}</Text>
      ) : (
        <Table.ScrollContainer minWidth={600}>
          <Table striped data-testid="guests-table">
            <caption>
              <VisuallyHidden>{t('events.guestsCaption')}</VisuallyHidden>
            </caption>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('events.guestName')}</Table.Th>
                <Table.Th>{t('campaigns.city')}</Table.Th>
                <Table.Th>{t('events.guestStatus')}</Table.Th>
                <Table.Th>{t('events.invitedAt')}</Table.Th>
                {writable ? (
                  <Table.Th>
                    <VisuallyHidden>{t('common.actions')}</VisuallyHidden>
                  </Table.Th>
                ) : null}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {event.guests.map((g) => (
                <Table.Tr key={g.partyId} data-testid="guest-row">
                  <Table.Td>{g.name}</Table.Td>
                  <Table.Td>{g.city ?? ''}</Table.Td>
                  <Table.Td>
                    <NativeSelect
                      aria-label={`${t('events.guestStatus')} — ${g.name}`}
                      value={g.status}
                      disabled={!writable}
                      onChange={(e) =>
                        status.mutate({ partyId: g.partyId, value: e.currentTarget.value as GuestStatus })
                      }
                      data={GUEST_STATUSES.map((s) => ({ value: s, label: t(`events.statuses.${s}`) }))}
                      data-testid="guest-status"
                    />
                  </Table.Td>
                  <Table.Td>{g.invitedAt ? formatDate(g.invitedAt) : ''}</Table.Td>
                  {writable ? (
                    <Table.Td>
                      <Button
                        size="compact-xs"
                        variant="subtle"
                        color="red"
                        onClick={() => remove.mutate(g.partyId)}
                      >
                        {t('events.removeGuest')}
                        <VisuallyHidden> {g.name}</VisuallyHidden>
                      </Button>
                    </Table.Td>
                  ) : null}
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
    </Paper>
  );
}

export function EventDetailPage() {
  const { t } = useTranslation();
  const { orgId, eventId } = route.useParams();
  const { can } = useOrgRole(orgId);
  const writable = can('prospecting.write');
  const queryClient = useQueryClient();
  const query = useQuery(eventQuery(orgId, eventId));
  const [inviting, setInviting] = useState(false);
  const save = useMutation({
    mutationFn: ({ body }: { body: EventBody; setErrors: (e: unknown) => void }) =>
      updateEvent(orgId, eventId, body),
    onSuccess: (updated) => {
      queryClient.setQueryData(eventKeys.one(orgId, eventId), updated);
      void queryClient.invalidateQueries({ queryKey: eventKeys.all(orgId) });
      notify('success', t('events.saved'));
    },
    onError: (error, { setErrors }) => {
      setErrors(error);
      notify('error', errorMessage(error, t));
    },
  });
  const sheet = useMutation({
    mutationFn: () => downloadAttendanceSheet(orgId, eventId),
    onSuccess: ({ blob, fileName }) => saveFile(blob, fileName ?? 'emargement.pdf'),
    onError: (error) => notify('error', errorMessage(error, t)),
  });
  if (query.isPending) return <Loader aria-label={t('common.loading')} />;
  if (query.isError) return <LoadError error={query.error} />;
  const event = query.data;
  return (
    <>
      <PageHeader
        title={event.title}
        served={EVENTS_SERVE}
        actions={
          <>
            <Button
              variant="default"
              loading={sheet.isPending}
              onClick={() => sheet.mutate()}
              data-testid="event-sheet"
            >
              {t('events.attendanceSheet')}
            </Button>
            {writable ? (
              <Button
                onClick={() => setInviting(true)}
                disabled={event.guests.length === 0}
                data-testid="event-invite"
              >
                {t('events.invite')}
              </Button>
            ) : null}
          </>
        }
      />
      <EventForm
        key={event.id}
        event={event}
        readOnly={!writable}
        submitting={save.isPending}
        onSave={(body, setErrors) => save.mutate({ body, setErrors })}
      />
      <Guests orgId={orgId} event={event} writable={writable} />
      {inviting ? <InviteModal orgId={orgId} event={event} onClose={() => setInviting(false)} /> : null}
    </>
  );
}
