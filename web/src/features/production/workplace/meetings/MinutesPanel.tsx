import {
  ActionIcon,
  Alert,
  Button,
  Group,
  NativeSelect,
  Paper,
  Stack,
  Text,
  Textarea,
  TextInput,
  Title,
} from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { MeetingDto } from '../../../../../../src/production/workplace/meetings/contract.ts';
import { errorMessage } from '../../../../ui/errors.ts';
import { notify } from '../../../../ui/notify.ts';
import { day } from '../../../relations/format.ts';
import { approveMinutes, meetingKeys, saveMinutes } from './meetings-api.ts';

const k = 'production.workplace.meetings';
type Action = { description: string; owner: string; dueDate: string; agendaItemId: string };

/** The minutes: a decision per agenda item, a summary, the actions decided; then their approval. */
export function MinutesPanel({
  orgId,
  meeting,
  writable,
}: {
  orgId: string;
  meeting: MeetingDto;
  writable: boolean;
}) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [summary, setSummary] = useState(meeting.summary ?? '');
  const [decisions, setDecisions] = useState<Record<string, string>>(() =>
    Object.fromEntries(meeting.agenda.map((a) => [a.id, a.decision ?? ''])),
  );
  const [actions, setActions] = useState<Action[]>(() =>
    meeting.actions.map((a) => ({
      description: a.description,
      owner: a.owner,
      dueDate: a.dueDate ?? '',
      agendaItemId: a.agendaItemId ?? '',
    })),
  );
  const refresh = () => queryClient.invalidateQueries({ queryKey: meetingKeys.all(orgId) });
  const save = useMutation({
    mutationFn: () =>
      saveMinutes(orgId, meeting.id, {
        summary: summary.trim() || null,
        decisions: Object.entries(decisions).map(([agendaItemId, d]) => ({
          agendaItemId,
          decision: d.trim() || null,
        })),
        actions: actions
          .filter((a) => a.description.trim())
          .map((a) => ({
            description: a.description,
            owner: a.owner,
            dueDate: a.dueDate || null,
            agendaItemId: a.agendaItemId || null,
          })),
      }),
    onSuccess: async () => {
      notify('success', t(`${k}.minutesSaved`));
      await refresh();
    },
  });
  const approve = useMutation({
    mutationFn: () => approveMinutes(orgId, meeting.id),
    onSuccess: refresh,
  });
  const setAction = (i: number, patch: Partial<Action>) =>
    setActions((list) => list.map((a, j) => (j === i ? { ...a, ...patch } : a)));
  if (!writable)
    return (
      <Paper withBorder p="md" data-testid="minutes-view">
        <Title order={2} size="h4" mb="sm">
          {t(`${k}.minutesTitle`)}
        </Title>
        {meeting.agenda.map((a) => (
          <Text key={a.id}>
            {a.position}. {a.title} — {a.decision ?? t(`${k}.noDecision`)}
          </Text>
        ))}
        {meeting.summary ? <Text mt="sm">{meeting.summary}</Text> : null}
        {meeting.actions.map((a) => (
          <Text key={a.id} size="sm">
            • {a.description} — {a.owner}
            {a.dueDate ? `, ${day(a.dueDate)}` : ''}
          </Text>
        ))}
      </Paper>
    );
  return (
    <Paper withBorder p="md">
      <Title order={2} size="h4" mb="sm">
        {t(`${k}.minutesTitle`)}
      </Title>
      <Stack gap="sm">
        {meeting.agenda.map((a) => (
          <Textarea
            key={a.id}
            autosize
            minRows={2}
            label={t(`${k}.decisionOn`, { n: a.position, title: a.title })}
            value={decisions[a.id] ?? ''}
            onChange={(e) => {
              const value = e.currentTarget.value;
              setDecisions((all) => ({ ...all, [a.id]: value }));
            }}
            data-testid="minutes-decision"
          />
        ))}
        <Textarea
          autosize
          minRows={2}
          label={t(`${k}.summary`)}
          value={summary}
          onChange={(e) => setSummary(e.currentTarget.value)}
          data-testid="minutes-summary"
        />
        <Title order={3} size="h5">
          {t(`${k}.actionsDecided`)}
        </Title>
        {actions.map((a, i) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: action lines have no id before saving
          <Group key={i} align="flex-end" wrap="wrap">
            <TextInput
              style={{ flex: 3 }}
              label={t(`${k}.action.description`)}
              value={a.description}
              onChange={(e) => setAction(i, { description: e.currentTarget.value })}
              data-testid="action-description"
            />
            <TextInput
              style={{ flex: 2 }}
              label={t(`${k}.action.owner`)}
              value={a.owner}
              onChange={(e) => setAction(i, { owner: e.currentTarget.value })}
              data-testid="action-owner"
            />
            <TextInput
              type="date"
              label={t(`${k}.action.dueDate`)}
              value={a.dueDate}
              onChange={(e) => setAction(i, { dueDate: e.currentTarget.value })}
              data-testid="action-due"
            />
            <NativeSelect
              label={t(`${k}.action.item`)}
              value={a.agendaItemId}
              onChange={(e) => setAction(i, { agendaItemId: e.currentTarget.value })}
              data={[
                { value: '', label: '—' },
                ...meeting.agenda.map((x) => ({ value: x.id, label: `${x.position}. ${x.title}` })),
              ]}
            />
            <ActionIcon
              mb={4}
              variant="subtle"
              color="red"
              aria-label={t(`${k}.remove`, { what: a.description || String(i + 1) })}
              onClick={() => setActions((list) => list.filter((_, j) => j !== i))}
            >
              ×
            </ActionIcon>
          </Group>
        ))}
        <Group>
          <Button
            variant="default"
            onClick={() =>
              setActions((list) => [...list, { description: '', owner: '', dueDate: '', agendaItemId: '' }])
            }
            data-testid="action-add"
          >
            {t(`${k}.addAction`)}
          </Button>
        </Group>
        {save.error || approve.error ? (
          <Alert color="red" role="alert" data-testid="minutes-error">
            {errorMessage(save.error ?? approve.error, t)}
          </Alert>
        ) : null}
        <Group>
          <Button onClick={() => save.mutate()} loading={save.isPending} data-testid="minutes-save">
            {t(`${k}.saveMinutes`)}
          </Button>
          <Button
            variant="outline"
            onClick={() => approve.mutate()}
            loading={approve.isPending}
            data-testid="minutes-approve"
          >
            {t(`${k}.approveMinutes`)}
          </Button>
        </Group>
      </Stack>
    </Paper>
  );
}
