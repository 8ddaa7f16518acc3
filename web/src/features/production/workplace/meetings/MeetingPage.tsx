import {
  Alert,
  Badge,
  Button,
  Checkbox,
  Group,
  Paper,
  SimpleGrid,
  Stack,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { getRouteApi } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { MeetingDto } from '../../../../../../src/production/workplace/meetings/contract.ts';
import { useOrgRole } from '../../../../auth/session.ts';
import { MEETINGS_SERVE } from '../../../../referentiel/activities.ts';
import { downloadBlob } from '../../../../ui/download.ts';
import { ExportButtons } from '../../../../ui/ExportButtons.tsx';
import { errorMessage } from '../../../../ui/errors.ts';
import { notify } from '../../../../ui/notify.ts';
import { PageHeader } from '../../../../ui/PageHeader.tsx';
import { LoadError } from '../../../../ui/StatusPages.tsx';
import { day } from '../../../relations/format.ts';
import { AttendancePanel } from './AttendancePanel.tsx';
import { MeetingForm } from './MeetingForm.tsx';
import { MinutesPanel } from './MinutesPanel.tsx';
import {
  cancelMeeting,
  conveneMeeting,
  downloadConvocation,
  downloadInvitation,
  downloadMinutes,
  MEETING_STATUS_COLORS,
  meetingKeys,
  meetingQuery,
  updateMeeting,
} from './meetings-api.ts';

const route = getRouteApi('/orgs/$orgId/production/workplace/meetings/$meetingId');
const k = 'production.workplace.meetings';

export function MeetingPage() {
  const { t } = useTranslation();
  const { orgId, meetingId } = route.useParams();
  const { can } = useOrgRole(orgId);
  const query = useQuery(meetingQuery(orgId, meetingId));
  const queryClient = useQueryClient();
  const [editing, setEditing] = useState(false);
  if (query.isError) return <LoadError error={query.error} />;
  if (!query.data) return <Text>{t('common.loading')}</Text>;
  const m = query.data;
  const writable = can('production.write');
  return (
    <>
      <PageHeader
        title={m.title}
        served={MEETINGS_SERVE}
        actions={
          <ExportButtons
            formats={['pdf']}
            fetchFile={() => downloadConvocation(orgId, m.id)}
            fallbackName={() => 'convocation.pdf'}
            labelOf={() => t(`${k}.convocationPdf`)}
            testIdPrefix="meeting-convocation"
          >
            <Button
              variant="default"
              onClick={async () => {
                const file = await downloadInvitation(orgId, m.id);
                downloadBlob(file.blob, file.fileName ?? 'invitation.ics');
              }}
              data-testid="meeting-ics"
            >
              {t(`${k}.ics`)}
            </Button>
            {m.status === 'held' || m.status === 'minutes_approved' ? (
              <ExportButtons
                formats={['pdf']}
                fetchFile={() => downloadMinutes(orgId, m.id)}
                fallbackName={() => 'compte-rendu.pdf'}
                labelOf={() => t(`${k}.minutesPdf`)}
                testIdPrefix="meeting-minutes"
              />
            ) : null}
          </ExportButtons>
        }
      />
      <Stack gap="md">
        {editing ? (
          <MeetingForm
            orgId={orgId}
            initial={m}
            submitLabel={t(`${k}.saveChanges`)}
            submit={async (body) => {
              await updateMeeting(orgId, m.id, body);
              notify('success', t(`${k}.updated`));
              await queryClient.invalidateQueries({ queryKey: meetingKeys.all(orgId) });
              setEditing(false);
            }}
          />
        ) : (
          <Details meeting={m} />
        )}
        {writable && !editing && (m.status === 'planned' || m.status === 'convened') ? (
          <Group>
            <Button variant="default" onClick={() => setEditing(true)} data-testid="meeting-edit">
              {t(`${k}.edit`)}
            </Button>
          </Group>
        ) : null}
        {writable && (m.status === 'planned' || m.status === 'convened') ? (
          <ConvenePanel orgId={orgId} meeting={m} />
        ) : null}
        {m.status !== 'planned' && m.status !== 'cancelled' ? (
          <AttendancePanel orgId={orgId} meeting={m} writable={writable && m.status !== 'minutes_approved'} />
        ) : null}
        {m.status === 'held' || m.status === 'minutes_approved' ? (
          <MinutesPanel orgId={orgId} meeting={m} writable={writable && m.status === 'held'} />
        ) : null}
      </Stack>
    </>
  );
}

function Details({ meeting: m }: { meeting: MeetingDto }) {
  const { t } = useTranslation();
  return (
    <Paper withBorder p="md">
      <Group mb="sm">
        <Badge variant="light" color={MEETING_STATUS_COLORS[m.status]} data-testid="meeting-status">
          {t(`${k}.statuses.${m.status}`)}
        </Badge>
        <Text>{t(`${k}.kinds.${m.kind}`)}</Text>
      </Group>
      <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="xs">
        <Text>
          {t(`${k}.fields.date`)} : {day(m.date)}, {m.startTime}–{m.endTime}
        </Text>
        <Text>
          {t(`${k}.fields.mode`)} : {t(`${k}.modes.${m.mode}`)}
        </Text>
        {m.room ? (
          <Text>
            {t(`${k}.fields.room`)} : {m.room}
          </Text>
        ) : null}
        {m.link ? (
          <Text>
            {t(`${k}.fields.link`)} : {m.link}
          </Text>
        ) : null}
        <Text>
          {t(`${k}.fields.organiser`)} : {m.organiser}
        </Text>
        {m.convenedAt ? (
          <Text data-testid="meeting-convened">
            {t(`${k}.convenedOn`, { date: day(m.convenedAt.slice(0, 10)), count: m.convocationEmails })}
          </Text>
        ) : null}
        {m.cancelReason ? (
          <Text c="red">
            {t(`${k}.cancelReason`)} : {m.cancelReason}
          </Text>
        ) : null}
      </SimpleGrid>
      <Title order={2} size="h5" mt="md">
        {t(`${k}.agendaTitle`)}
      </Title>
      <ol data-testid="meeting-agenda">
        {m.agenda.map((a) => (
          <li key={a.id}>
            {a.title}
            {a.presenter || a.durationMinutes
              ? ` (${[a.presenter, a.durationMinutes ? `${a.durationMinutes} min` : null].filter(Boolean).join(', ')})`
              : ''}
          </li>
        ))}
      </ol>
    </Paper>
  );
}

function ConvenePanel({ orgId, meeting }: { orgId: string; meeting: MeetingDto }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [sendEmails, setSendEmails] = useState(false);
  const [reason, setReason] = useState('');
  const refresh = () => queryClient.invalidateQueries({ queryKey: meetingKeys.all(orgId) });
  const convene = useMutation({
    mutationFn: () => conveneMeeting(orgId, meeting.id, sendEmails),
    onSuccess: async (r) => {
      notify('success', t(`${k}.convened`, { count: r.queued }));
      await refresh();
    },
  });
  const cancel = useMutation({
    mutationFn: () => cancelMeeting(orgId, meeting.id, reason),
    onSuccess: refresh,
  });
  const withEmail = meeting.participants.filter((p) => p.email).length;
  return (
    <Paper withBorder p="md">
      <Title order={2} size="h4" mb="sm">
        {t(`${k}.conveneTitle`)}
      </Title>
      <Group align="flex-end">
        <Checkbox
          label={t(`${k}.sendEmails`, { count: withEmail })}
          checked={sendEmails}
          onChange={(e) => setSendEmails(e.currentTarget.checked)}
          data-testid="meeting-send-emails"
        />
        <Button onClick={() => convene.mutate()} loading={convene.isPending} data-testid="meeting-convene">
          {meeting.status === 'convened' ? t(`${k}.reconvene`) : t(`${k}.convene`)}
        </Button>
        <TextInput
          label={t(`${k}.cancelReason`)}
          value={reason}
          onChange={(e) => setReason(e.currentTarget.value)}
          data-testid="meeting-cancel-reason"
        />
        <Button
          color="red"
          variant="light"
          disabled={!reason.trim()}
          onClick={() => cancel.mutate()}
          loading={cancel.isPending}
          data-testid="meeting-cancel"
        >
          {t(`${k}.cancel`)}
        </Button>
      </Group>
      {convene.error || cancel.error ? (
        <Alert mt="sm" color="red" role="alert" data-testid="meeting-convene-error">
          {errorMessage(convene.error ?? cancel.error, t)}
        </Alert>
      ) : null}
    </Paper>
  );
}
