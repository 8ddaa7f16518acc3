import { Alert, Badge, Button, NativeSelect, Paper, Table, Text, Title } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  type Attendance,
  attendances,
  type MeetingDto,
} from '../../../../../../src/production/workplace/meetings/contract.ts';
import { errorMessage } from '../../../../ui/errors.ts';
import { notify } from '../../../../ui/notify.ts';
import { meetingKeys, saveAttendance } from './meetings-api.ts';

const k = 'production.workplace.meetings';
type Entry = { attendance: Attendance | ''; proxyHolderId: string };

/** Who came: present, excused, absent, or represented by a present member holding their proxy. */
export function AttendancePanel({
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
  const [entries, setEntries] = useState<Record<string, Entry>>(() =>
    Object.fromEntries(
      meeting.participants.map((p) => [
        p.id,
        { attendance: p.attendance ?? '', proxyHolderId: p.proxyHolderId ?? '' },
      ]),
    ),
  );
  const save = useMutation({
    mutationFn: () =>
      saveAttendance(
        orgId,
        meeting.id,
        Object.entries(entries)
          .filter(([, e]) => e.attendance)
          .map(([participantId, e]) => ({
            participantId,
            attendance: e.attendance as Attendance,
            proxyHolderId: e.attendance === 'represented' ? e.proxyHolderId || null : null,
          })),
      ),
    onSuccess: async () => {
      notify('success', t(`${k}.attendanceSaved`));
      await queryClient.invalidateQueries({ queryKey: meetingKeys.all(orgId) });
    },
  });
  const set = (id: string, patch: Partial<Entry>) =>
    setEntries((all) => ({ ...all, [id]: { ...all[id]!, ...patch } }));
  const q = meeting.quorum;
  return (
    <Paper withBorder p="md">
      <Title order={2} size="h4" mb="sm">
        {t(`${k}.attendanceTitle`)}
      </Title>
      {q ? (
        <Text mb="sm" aria-live="polite" data-testid="meeting-quorum">
          {t(`${k}.quorum`, { counted: q.counted, members: q.members, required: q.required })}{' '}
          <Badge color={q.met ? 'teal' : 'red'} variant="light">
            {q.met ? t(`${k}.quorumMet`) : t(`${k}.quorumNotMet`)}
          </Badge>
        </Text>
      ) : null}
      <Table data-testid="attendance-table">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t(`${k}.fields.participant`)}</Table.Th>
            <Table.Th>{t(`${k}.fields.attendance`)}</Table.Th>
            <Table.Th>{t(`${k}.fields.proxy`)}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {meeting.participants.map((p) => {
            const e = entries[p.id]!;
            return (
              <Table.Tr key={p.id} data-testid="attendance-row">
                <Table.Td>
                  {p.name}
                  {p.voting ? '' : ` (${t(`${k}.noVote`)})`}
                </Table.Td>
                <Table.Td>
                  <NativeSelect
                    aria-label={t(`${k}.attendanceOf`, { name: p.name })}
                    disabled={!writable}
                    value={e.attendance}
                    onChange={(ev) => set(p.id, { attendance: ev.currentTarget.value as Attendance | '' })}
                    data={[
                      { value: '', label: '—' },
                      ...attendances.map((a) => ({ value: a, label: t(`${k}.attendances.${a}`) })),
                    ]}
                    data-testid="attendance-select"
                  />
                </Table.Td>
                <Table.Td>
                  {e.attendance === 'represented' ? (
                    <NativeSelect
                      aria-label={t(`${k}.proxyOf`, { name: p.name })}
                      disabled={!writable}
                      value={e.proxyHolderId}
                      onChange={(ev) => set(p.id, { proxyHolderId: ev.currentTarget.value })}
                      data={[
                        { value: '', label: '—' },
                        ...meeting.participants
                          .filter((x) => x.id !== p.id)
                          .map((x) => ({ value: x.id, label: x.name })),
                      ]}
                      data-testid="proxy-select"
                    />
                  ) : null}
                </Table.Td>
              </Table.Tr>
            );
          })}
        </Table.Tbody>
      </Table>
      {save.error ? (
        <Alert mt="sm" color="red" role="alert" data-testid="attendance-error">
          {errorMessage(save.error, t)}
        </Alert>
      ) : null}
      {writable ? (
        <Button mt="sm" onClick={() => save.mutate()} loading={save.isPending} data-testid="attendance-save">
          {t(`${k}.saveAttendance`)}
        </Button>
      ) : null}
    </Paper>
  );
}
