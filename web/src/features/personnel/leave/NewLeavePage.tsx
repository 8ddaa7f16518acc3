import {
  Alert,
  Button,
  Checkbox,
  Group,
  NativeSelect,
  Paper,
  SimpleGrid,
  Stack,
  Text,
  Textarea,
  TextInput,
} from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { getRouteApi } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  addDays,
  isCalendarDate,
  paidLeaveHalfDays,
  publicHolidayOn,
  todayIn,
  workedHalfDays,
} from '../../../../../src/kernel/dates/index.ts';
import { type LeaveType, leaveTypes } from '../../../../../src/personnel/leave/contract.ts';
import { LEAVE_SERVE } from '../../../referentiel/activities.ts';
import { errorMessage } from '../../../ui/errors.ts';
import { notify } from '../../../ui/notify.ts';
import { PageHeader } from '../../../ui/PageHeader.tsx';
import { day } from '../../relations/format.ts';
import {
  createLeave,
  employeeBalanceQuery,
  employeesQuery,
  halfDaysFr,
  hundredthsFr,
  leaveKeys,
} from './leave-api.ts';

const route = getRouteApi('/orgs/$orgId/personnel/leave/new');

/** The public holidays between two dates, named: they are not counted. */
function holidaysBetween(from: string, to: string): string[] {
  const names: string[] = [];
  // A year at most: the form shows them while the dates are typed.
  for (let date = from, n = 0; date <= to && n < 366; date = addDays(date, 1), n++) {
    const name = publicHolidayOn(date);
    if (name) names.push(`${name} (${day(date)})`);
  }
  return names;
}

export function NewLeavePage() {
  const { t } = useTranslation();
  const { orgId } = route.useParams();
  const navigate = route.useNavigate();
  const queryClient = useQueryClient();
  const employees = useQuery(employeesQuery(orgId));
  const [employeeId, setEmployeeId] = useState('');
  const [type, setType] = useState<LeaveType>('paid_leave');
  const [from, setFrom] = useState(todayIn());
  const [to, setTo] = useState(todayIn());
  const [startsAfternoon, setStartsAfternoon] = useState(false);
  const [endsMorning, setEndsMorning] = useState(false);
  const [comment, setComment] = useState('');
  const valid = isCalendarDate(from) && isCalendarDate(to) && to >= from;
  const span = { from, to, startsAfternoon, endsMorning };
  const halfDays = valid ? (type === 'paid_leave' ? paidLeaveHalfDays(span) : workedHalfDays(span)) : null;
  const balance = useQuery({
    ...employeeBalanceQuery(orgId, employeeId, isCalendarDate(from) ? from : ''),
    enabled: type === 'paid_leave' && Boolean(employeeId) && isCalendarDate(from),
  });
  const present = (employees.data?.items ?? []).filter((e) => e.leftOn === null || e.leftOn >= todayIn());

  const save = useMutation({
    mutationFn: () =>
      createLeave(orgId, {
        employeeId,
        type,
        from,
        to,
        startsAfternoon,
        endsMorning,
        comment: comment.trim() || null,
      }),
    onSuccess: async () => {
      notify('success', t('personnel.leave.saved'));
      await queryClient.invalidateQueries({ queryKey: leaveKeys.all(orgId) });
      await navigate({ to: '/orgs/$orgId/personnel/leave', params: { orgId }, search: {} });
    },
  });

  return (
    <>
      <PageHeader title={t('personnel.leave.newTitle')} served={LEAVE_SERVE} />
      <form
        onSubmit={(e) => {
          e.preventDefault();
          save.mutate();
        }}
        data-testid="leave-form"
      >
        <Stack gap="md" maw={760}>
          <Paper withBorder p="md">
            <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
              <NativeSelect
                label={t('personnel.leave.fields.employee')}
                required
                autoFocus
                value={employeeId}
                onChange={(e) => setEmployeeId(e.currentTarget.value)}
                data={[
                  { value: '', label: t('personnel.leave.chooseEmployee') },
                  ...present.map((e) => ({ value: e.id, label: `${e.lastName} ${e.firstName}` })),
                ]}
                data-testid="leave-employee"
              />
              <NativeSelect
                label={t('personnel.leave.fields.type')}
                required
                value={type}
                onChange={(e) => setType(e.currentTarget.value as LeaveType)}
                data={leaveTypes.map((x) => ({ value: x, label: t(`personnel.leave.types.${x}`) }))}
                data-testid="leave-type"
              />
              <TextInput
                type="date"
                label={t('personnel.leave.fields.from')}
                required
                value={from}
                onChange={(e) => {
                  const value = e.currentTarget.value;
                  setFrom(value);
                  if (to < value) setTo(value);
                }}
                data-testid="leave-from"
              />
              <TextInput
                type="date"
                label={t('personnel.leave.fields.to')}
                required
                value={to}
                error={
                  isCalendarDate(to) && isCalendarDate(from) && to < from
                    ? t('personnel.leave.errors.toBeforeFrom')
                    : undefined
                }
                onChange={(e) => setTo(e.currentTarget.value)}
                data-testid="leave-to"
              />
              <Checkbox
                label={t('personnel.leave.fields.startsAfternoon')}
                checked={startsAfternoon}
                onChange={(e) => setStartsAfternoon(e.currentTarget.checked)}
                data-testid="leave-starts-afternoon"
              />
              <Checkbox
                label={t('personnel.leave.fields.endsMorning')}
                checked={endsMorning}
                onChange={(e) => setEndsMorning(e.currentTarget.checked)}
                data-testid="leave-ends-morning"
              />
            </SimpleGrid>
            <Textarea
              mt="sm"
              label={t('personnel.leave.fields.comment')}
              maxLength={500}
              value={comment}
              onChange={(e) => setComment(e.currentTarget.value)}
              data-testid="leave-comment"
            />
          </Paper>
          <Paper withBorder p="md" aria-live="polite" data-testid="leave-live">
            <Text fw={700} data-testid="leave-live-count">
              {halfDays === null
                ? t('personnel.leave.live.invalid')
                : t(
                    type === 'paid_leave' ? 'personnel.leave.live.ouvrables' : 'personnel.leave.live.ouvres',
                    {
                      days: halfDaysFr(halfDays),
                    },
                  )}
            </Text>
            {valid && holidaysBetween(from, to).length > 0 ? (
              <Text size="sm">
                {t('personnel.leave.live.holidays', { list: holidaysBetween(from, to).join(', ') })}
              </Text>
            ) : null}
            <Text size="sm" c="dimmed">
              {t(
                type === 'paid_leave'
                  ? 'personnel.leave.live.ruleOuvrables'
                  : 'personnel.leave.live.ruleOuvres',
              )}
            </Text>
            {type === 'paid_leave' && balance.data ? (
              <Text size="sm" data-testid="leave-live-balance">
                {t('personnel.leave.live.available', {
                  date: day(from),
                  days: hundredthsFr(balance.data.remaining - balance.data.pending),
                })}
              </Text>
            ) : null}
          </Paper>
          {save.error ? (
            <Alert color="red" role="alert" data-testid="leave-error">
              {errorMessage(save.error, t)}
            </Alert>
          ) : null}
          <Group>
            <Button type="submit" loading={save.isPending} disabled={!halfDays} data-testid="leave-save">
              {t('personnel.leave.save')}
            </Button>
          </Group>
        </Stack>
      </form>
    </>
  );
}
