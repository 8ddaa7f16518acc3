import {
  ActionIcon,
  Alert,
  Button,
  Checkbox,
  Group,
  NativeSelect,
  NumberInput,
  Paper,
  SimpleGrid,
  Stack,
  Table,
  TextInput,
  Title,
} from '@mantine/core';
import { useMutation, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { todayIn } from '../../../../../../src/kernel/dates/index.ts';
import {
  type MeetingDto,
  type MeetingKind,
  type MeetingMode,
  meetingKinds,
  meetingModes,
} from '../../../../../../src/production/workplace/meetings/contract.ts';
import { errorMessage } from '../../../../ui/errors.ts';
import { type MeetingBody, staffQuery } from './meetings-api.ts';

const k = 'production.workplace.meetings';

type Person = MeetingBody['participants'][number] & { label: string };
type Item = { title: string; presenter: string; duration: number | string };

const peopleOf = (m: MeetingDto): Person[] =>
  m.participants.map((p) =>
    p.employeeId
      ? { employeeId: p.employeeId, voting: p.voting, label: p.name }
      : p.partyId
        ? { partyId: p.partyId, voting: p.voting, label: p.name }
        : { name: p.name, email: p.email, voting: p.voting, label: p.name },
  );

/** The form of a meeting: a new one, or one not held yet (participants and agenda are replaced). */
export function MeetingForm({
  orgId,
  initial,
  submit,
  submitLabel,
}: {
  orgId: string;
  initial?: MeetingDto;
  submit: (body: MeetingBody) => Promise<unknown>;
  submitLabel: string;
}) {
  const { t } = useTranslation();
  const staff = useQuery(staffQuery(orgId));
  const [title, setTitle] = useState(initial?.title ?? '');
  const [kind, setKind] = useState<MeetingKind>(initial?.kind ?? 'service_meeting');
  const [date, setDate] = useState(initial?.date ?? todayIn());
  const [startTime, setStartTime] = useState(initial?.startTime ?? '09:00');
  const [endTime, setEndTime] = useState(initial?.endTime ?? '10:00');
  const [mode, setMode] = useState<MeetingMode>(initial?.mode ?? 'in_person');
  const [room, setRoom] = useState(initial?.room ?? '');
  const [link, setLink] = useState(initial?.link ?? '');
  const [organiser, setOrganiser] = useState(initial?.organiser ?? '');
  const [people, setPeople] = useState<Person[]>(initial ? peopleOf(initial) : []);
  const [pick, setPick] = useState('');
  const [guestName, setGuestName] = useState('');
  const [guestEmail, setGuestEmail] = useState('');
  const [agenda, setAgenda] = useState<Item[]>(
    initial?.agenda.length
      ? initial.agenda.map((a) => ({
          title: a.title,
          presenter: a.presenter ?? '',
          duration: a.durationMinutes ?? '',
        }))
      : [{ title: '', presenter: '', duration: '' }],
  );
  const present = (staff.data?.items ?? []).filter((e) => e.leftOn === null || e.leftOn >= todayIn());

  const save = useMutation({
    mutationFn: () =>
      submit({
        title,
        kind,
        date,
        startTime,
        endTime,
        mode,
        room: mode === 'remote' ? null : room.trim() || null,
        link: mode === 'in_person' ? null : link.trim() || null,
        organiser,
        participants: people.map(({ label: _label, ...p }) => p),
        agenda: agenda
          .filter((a) => a.title.trim())
          .map((a) => ({
            title: a.title,
            presenter: a.presenter.trim() || null,
            durationMinutes: a.duration === '' ? null : Number(a.duration),
          })),
      }),
  });
  const setItem = (index: number, patch: Partial<Item>) =>
    setAgenda((list) => list.map((a, i) => (i === index ? { ...a, ...patch } : a)));

  return (
    <form
      onSubmit={(e) => {
        e.preventDefault();
        save.mutate();
      }}
      data-testid="meeting-form"
    >
      <Stack gap="md" maw={900}>
        <Paper withBorder p="md">
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
            <TextInput
              label={t(`${k}.fields.title`)}
              required
              autoFocus
              value={title}
              onChange={(e) => setTitle(e.currentTarget.value)}
              data-testid="meeting-title"
            />
            <NativeSelect
              label={t(`${k}.fields.kind`)}
              value={kind}
              onChange={(e) => setKind(e.currentTarget.value as MeetingKind)}
              data={meetingKinds.map((x) => ({ value: x, label: t(`${k}.kinds.${x}`) }))}
              data-testid="meeting-kind"
            />
            <TextInput
              type="date"
              label={t(`${k}.fields.date`)}
              required
              value={date}
              onChange={(e) => setDate(e.currentTarget.value)}
              data-testid="meeting-date"
            />
            <Group grow>
              <TextInput
                type="time"
                label={t(`${k}.fields.start`)}
                required
                value={startTime}
                onChange={(e) => setStartTime(e.currentTarget.value)}
                data-testid="meeting-start"
              />
              <TextInput
                type="time"
                label={t(`${k}.fields.end`)}
                required
                value={endTime}
                onChange={(e) => setEndTime(e.currentTarget.value)}
                data-testid="meeting-end"
              />
            </Group>
            <NativeSelect
              label={t(`${k}.fields.mode`)}
              value={mode}
              onChange={(e) => setMode(e.currentTarget.value as MeetingMode)}
              data={meetingModes.map((x) => ({ value: x, label: t(`${k}.modes.${x}`) }))}
              data-testid="meeting-mode"
            />
            <TextInput
              label={t(`${k}.fields.organiser`)}
              required
              value={organiser}
              onChange={(e) => setOrganiser(e.currentTarget.value)}
              data-testid="meeting-organiser"
            />
            {mode !== 'remote' ? (
              <TextInput
                label={t(`${k}.fields.room`)}
                required
                value={room}
                onChange={(e) => setRoom(e.currentTarget.value)}
                data-testid="meeting-room"
              />
            ) : null}
            {mode !== 'in_person' ? (
              <TextInput
                type="url"
                label={t(`${k}.fields.link`)}
                required
                placeholder="https://"
                value={link}
                onChange={(e) => setLink(e.currentTarget.value)}
                data-testid="meeting-link"
              />
            ) : null}
          </SimpleGrid>
        </Paper>
        <Paper withBorder p="md">
          <Title order={2} size="h4" mb="sm">
            {t(`${k}.participantsTitle`)}
          </Title>
          <Group align="flex-end" mb="sm">
            <NativeSelect
              label={t(`${k}.addEmployee`)}
              value={pick}
              onChange={(e) => setPick(e.currentTarget.value)}
              data={[
                { value: '', label: t(`${k}.chooseEmployee`) },
                ...present
                  .filter((e) => !people.some((p) => p.employeeId === e.id))
                  .map((e) => ({ value: e.id, label: `${e.lastName} ${e.firstName}` })),
              ]}
              data-testid="meeting-employee"
            />
            <Button
              variant="default"
              disabled={!pick}
              onClick={() => {
                const e = present.find((x) => x.id === pick);
                if (!e) return;
                setPeople((list) => [
                  ...list,
                  { employeeId: e.id, voting: true, label: `${e.firstName} ${e.lastName}` },
                ]);
                setPick('');
              }}
              data-testid="meeting-add-employee"
            >
              {t(`${k}.add`)}
            </Button>
            <TextInput
              label={t(`${k}.guestName`)}
              value={guestName}
              onChange={(e) => setGuestName(e.currentTarget.value)}
              data-testid="meeting-guest-name"
            />
            <TextInput
              type="email"
              label={t(`${k}.guestEmail`)}
              value={guestEmail}
              onChange={(e) => setGuestEmail(e.currentTarget.value)}
              data-testid="meeting-guest-email"
            />
            <Button
              variant="default"
              disabled={!guestName.trim()}
              onClick={() => {
                setPeople((list) => [
                  ...list,
                  {
                    name: guestName.trim(),
                    email: guestEmail.trim() || null,
                    voting: true,
                    label: guestName.trim(),
                  },
                ]);
                setGuestName('');
                setGuestEmail('');
              }}
              data-testid="meeting-add-guest"
            >
              {t(`${k}.add`)}
            </Button>
          </Group>
          <Table data-testid="meeting-people">
            <Table.Tbody>
              {people.map((p, i) => (
                // biome-ignore lint/suspicious/noArrayIndexKey: two guests may share a name; no id before saving
                <Table.Tr key={`${p.employeeId ?? p.name}-${i}`}>
                  <Table.Td>{p.label}</Table.Td>
                  <Table.Td>
                    <Checkbox
                      label={t(`${k}.fields.voting`)}
                      checked={p.voting}
                      onChange={(e) => {
                        const voting = e.currentTarget.checked;
                        setPeople((list) => list.map((x, j) => (j === i ? { ...x, voting } : x)));
                      }}
                    />
                  </Table.Td>
                  <Table.Td>
                    <ActionIcon
                      variant="subtle"
                      color="red"
                      aria-label={t(`${k}.remove`, { what: p.label })}
                      onClick={() => setPeople((list) => list.filter((_, j) => j !== i))}
                    >
                      ×
                    </ActionIcon>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Paper>
        <Paper withBorder p="md">
          <Title order={2} size="h4" mb="sm">
            {t(`${k}.agendaTitle`)}
          </Title>
          <Stack gap="xs">
            {agenda.map((a, i) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: agenda lines have no id before saving
              <Group key={i} align="flex-end" wrap="nowrap">
                <TextInput
                  style={{ flex: 3 }}
                  label={t(`${k}.item.title`, { n: i + 1 })}
                  value={a.title}
                  onChange={(e) => setItem(i, { title: e.currentTarget.value })}
                  data-testid="agenda-title"
                />
                <TextInput
                  style={{ flex: 2 }}
                  label={t(`${k}.item.presenter`)}
                  value={a.presenter}
                  onChange={(e) => setItem(i, { presenter: e.currentTarget.value })}
                  data-testid="agenda-presenter"
                />
                <NumberInput
                  style={{ flex: 1 }}
                  label={t(`${k}.item.duration`)}
                  min={1}
                  max={600}
                  allowDecimal={false}
                  value={a.duration}
                  onChange={(v) => setItem(i, { duration: v })}
                  data-testid="agenda-duration"
                />
                <ActionIcon
                  mb={4}
                  variant="subtle"
                  color="red"
                  aria-label={t(`${k}.remove`, { what: a.title || String(i + 1) })}
                  onClick={() => setAgenda((list) => list.filter((_, j) => j !== i))}
                >
                  ×
                </ActionIcon>
              </Group>
            ))}
          </Stack>
          <Button
            mt="sm"
            variant="default"
            onClick={() => setAgenda((list) => [...list, { title: '', presenter: '', duration: '' }])}
            data-testid="agenda-add"
          >
            {t(`${k}.addItem`)}
          </Button>
        </Paper>
        {save.error ? (
          <Alert color="red" role="alert" data-testid="meeting-error">
            {errorMessage(save.error, t)}
          </Alert>
        ) : null}
        <Group>
          <Button type="submit" loading={save.isPending} data-testid="meeting-save">
            {submitLabel}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
