import {
  Badge,
  Button,
  Group,
  Modal,
  NativeSelect,
  Paper,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
  VisuallyHidden,
} from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { getRouteApi } from '@tanstack/react-router';
import { Fragment, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { todayIn } from '../../../../src/kernel/dates/index.ts';
import { parseAmount } from '../../../../src/kernel/money/index.ts';
import { useOrgRole, useSimulatedToday } from '../../auth/session.ts';
import { PAYROLL_SERVE } from '../../referentiel/activities.ts';
import { ConfirmButton } from '../../ui/ConfirmButton.tsx';
import { ErrorAlert } from '../../ui/ErrorAlert.tsx';
import { ExportButtons } from '../../ui/ExportButtons.tsx';
import { AnchorLink } from '../../ui/links.tsx';
import { notify } from '../../ui/notify.ts';
import { PageHeader } from '../../ui/PageHeader.tsx';
import { LoadError } from '../../ui/StatusPages.tsx';
import { ledgerKeys } from '../accounting/ledger-api.ts';
import { periodLabel } from '../production/vat-returns-api.ts';
import { day, money } from '../relations/format.ts';
import {
  cancelPayRun,
  contributionRate,
  createPayRun,
  deletePayRun,
  downloadPayslip,
  hundredths,
  monthChoices,
  type PayRunDto,
  type PayRunList,
  type PayslipDto,
  payPayRun,
  payRunListQuery,
  payRunQuery,
  payrollKeys,
  updatePayItems,
  validatePayRun,
} from './payroll-api.ts';

// Personnel › Paie (task 3.2.t3): pick a month, prepare its pay run (one payslip per employee present),
// enter each employee's pay items, validate (payslips numbered, entry in PA), pay the net salaries, download
// each payslip as PDF. A validated month never changes; an unpaid one may be cancelled (reversal).

const route = getRouteApi('/orgs/$orgId/personnel/payroll');
type Band = PayRunDto['headcountBand'];
const BANDS: readonly Band[] = ['lt11', '11to49', 'ge50'];

/** « 0,70 » → 70 (hundredths of a percent); null when unreadable. */
function readHundredths(text: string): number | null {
  try {
    const value = parseAmount(text || '0');
    return value >= 0 ? value : null;
  } catch {
    return null;
  }
}

function useRefresh(orgId: string) {
  const queryClient = useQueryClient();
  return async (run?: PayRunDto) => {
    if (run) queryClient.setQueryData(payrollKeys.one(orgId, run.id), run);
    await Promise.all([
      queryClient.invalidateQueries({ queryKey: payrollKeys.all(orgId) }),
      queryClient.invalidateQueries({ queryKey: ledgerKeys.all(orgId) }),
    ]);
  };
}

/**
 * A month's pay run is created with the organisation's headcount band and rates; they change rarely (the
 * AT/MP rate once a year), so the form starts from the latest pay run's.
 */
function CreateRunForm({
  orgId,
  month,
  previous,
}: {
  orgId: string;
  month: string;
  previous?: PayRunList['items'][number];
}) {
  const { t } = useTranslation();
  const refresh = useRefresh(orgId);
  const [band, setBand] = useState<Band>(previous?.headcountBand ?? 'lt11');
  const [atMp, setAtMp] = useState(previous ? hundredths(previous.atMpRate) : '');
  const [mobility, setMobility] = useState(previous?.mobilityRate ? hundredths(previous.mobilityRate) : '');
  const [invalid, setInvalid] = useState(false);
  const create = useMutation({
    mutationFn: (body: { atMpRate: number; mobilityRate: number }) =>
      createPayRun(orgId, { month, headcountBand: band, ...body }),
    onSuccess: async (run) => {
      notify('success', t('personnel.payroll.createdNotice', { month: periodLabel(month, t) }));
      await refresh(run);
    },
  });
  return (
    <Paper withBorder p="md" data-testid="payroll-create">
      <form
        onSubmit={(e) => {
          e.preventDefault();
          const atMpRate = readHundredths(atMp);
          const mobilityRate = band === 'lt11' ? 0 : readHundredths(mobility);
          setInvalid(atMpRate === null || mobilityRate === null || atMp.trim() === '');
          if (atMpRate !== null && mobilityRate !== null && atMp.trim() !== '')
            create.mutate({ atMpRate, mobilityRate });
        }}
      >
        <Stack gap="sm">
          <Title order={2} size="h4">
            {t('personnel.payroll.create.title', { month: periodLabel(month, t) })}
          </Title>
          <Text size="sm">{t('personnel.payroll.create.help')}</Text>
          {previous ? (
            <Text size="sm" data-testid="payroll-create-previous">
              {t('personnel.payroll.create.fromPrevious', { month: periodLabel(previous.month, t) })}
            </Text>
          ) : null}
          <Group align="flex-end" gap="sm" wrap="wrap">
            <NativeSelect
              label={t('personnel.payroll.create.band')}
              value={band}
              onChange={(e) => setBand(e.currentTarget.value as Band)}
              data={BANDS.map((b) => ({ value: b, label: t(`personnel.payroll.bands.${b}`) }))}
              data-testid="payroll-band"
            />
            <TextInput
              label={t('personnel.payroll.create.atMp')}
              description={t('personnel.payroll.create.atMpHelp')}
              value={atMp}
              onChange={(e) => setAtMp(e.currentTarget.value)}
              required
              inputMode="decimal"
              w={200}
              data-testid="payroll-at-mp"
            />
            {band === 'lt11' ? null : (
              <TextInput
                label={t('personnel.payroll.create.mobility')}
                description={t('personnel.payroll.create.mobilityHelp')}
                value={mobility}
                onChange={(e) => setMobility(e.currentTarget.value)}
                inputMode="decimal"
                w={200}
                data-testid="payroll-mobility"
              />
            )}
            <Button type="submit" loading={create.isPending} data-testid="payroll-create-submit">
              {t('personnel.payroll.create.submit')}
            </Button>
          </Group>
          {invalid ? (
            <Text size="sm" c="red.8" role="alert">
              {t('personnel.payroll.create.invalidRate')}
            </Text>
          ) : null}
          <ErrorAlert error={create.error} testId="payroll-create-error" />
        </Stack>
      </form>
    </Paper>
  );
}

function ItemsModal({
  orgId,
  run,
  slip,
  onClose,
}: {
  orgId: string;
  run: PayRunDto;
  slip: PayslipDto;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const refresh = useRefresh(orgId);
  const [values, setValues] = useState({
    overtime25Hours: hundredths(slip.items.overtime25Hours),
    overtime50Hours: hundredths(slip.items.overtime50Hours),
    bonus: hundredths(slip.items.bonus),
    absenceHours: hundredths(slip.items.absenceHours),
  });
  const [invalid, setInvalid] = useState(false);
  const save = useMutation({
    mutationFn: (body: Record<keyof typeof values, number>) => updatePayItems(orgId, run.id, slip.id, body),
    onSuccess: async (updated) => {
      onClose();
      notify(
        'success',
        t('personnel.payroll.items.savedNotice', { name: `${slip.firstName} ${slip.lastName}` }),
      );
      await refresh(updated);
    },
  });
  const fields = ['overtime25Hours', 'overtime50Hours', 'bonus', 'absenceHours'] as const;
  return (
    <Modal
      opened
      onClose={onClose}
      title={t('personnel.payroll.items.title', { name: `${slip.firstName} ${slip.lastName}` })}
      closeButtonProps={{ 'aria-label': t('common.close') }}
    >
      <form
        onSubmit={(e) => {
          e.preventDefault();
          const parsed = Object.fromEntries(fields.map((f) => [f, readHundredths(values[f])])) as Record<
            (typeof fields)[number],
            number | null
          >;
          const ok = fields.every((f) => parsed[f] !== null);
          setInvalid(!ok);
          if (ok) save.mutate(parsed as Record<(typeof fields)[number], number>);
        }}
      >
        <Stack gap="sm" data-testid="payroll-items-dialog">
          <Text size="sm">
            {t('personnel.payroll.items.help', { rate: money(Math.round(slip.hourlyRate / 100)) })}
          </Text>
          {fields.map((f) => (
            <TextInput
              key={f}
              label={t(`personnel.payroll.items.${f}`)}
              value={values[f]}
              onChange={(e) => {
                const value = e.currentTarget.value;
                setValues((v) => ({ ...v, [f]: value }));
              }}
              inputMode="decimal"
              data-testid={`payroll-item-${f}`}
            />
          ))}
          {invalid ? (
            <Text size="sm" c="red.8" role="alert">
              {t('personnel.payroll.items.invalid')}
            </Text>
          ) : null}
          <ErrorAlert error={save.error} testId="payroll-items-error" />
          <Group justify="flex-end" gap="sm">
            <Button variant="default" onClick={onClose}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={save.isPending} data-testid="payroll-items-save">
              {t('personnel.payroll.items.save')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}

function ValidateModal({ orgId, run, onClose }: { orgId: string; run: PayRunDto; onClose: () => void }) {
  const { t } = useTranslation();
  const refresh = useRefresh(orgId);
  const validate = useMutation({
    mutationFn: () => validatePayRun(orgId, run.id),
    onSuccess: async (validated) => {
      onClose();
      notify('success', t('personnel.payroll.validatedNotice', { month: periodLabel(run.month, t) }));
      await refresh(validated);
    },
  });
  return (
    <Modal
      opened
      onClose={onClose}
      title={t('personnel.payroll.confirm.title', { month: periodLabel(run.month, t) })}
      closeButtonProps={{ 'aria-label': t('common.close') }}
    >
      <Stack gap="sm" data-testid="payroll-validate-dialog">
        <Text size="sm">
          {t('personnel.payroll.confirm.body', {
            count: run.payslips.length,
            net: money(run.totals.netToPay),
            cost: money(run.totals.employerCost),
          })}
        </Text>
        <Text size="sm">{t('personnel.payroll.confirm.final')}</Text>
        <ErrorAlert error={validate.error} testId="payroll-validate-error" />
        <Group justify="flex-end" gap="sm">
          <Button variant="default" onClick={onClose}>
            {t('common.cancel')}
          </Button>
          <Button
            loading={validate.isPending}
            onClick={() => validate.mutate()}
            data-testid="payroll-validate-confirm"
          >
            {t('personnel.payroll.validate')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}

function PayslipLines({ slip }: { slip: PayslipDto }) {
  const { t } = useTranslation();
  return (
    <Table verticalSpacing={2} fz="sm" withTableBorder data-testid="payroll-lines">
      <caption>
        <VisuallyHidden>
          {t('personnel.payroll.lines.caption', { name: `${slip.firstName} ${slip.lastName}` })}
        </VisuallyHidden>
      </caption>
      <Table.Thead>
        <Table.Tr>
          <Table.Th>{t('personnel.payroll.lines.label')}</Table.Th>
          <Table.Th ta="right">{t('personnel.payroll.lines.base')}</Table.Th>
          <Table.Th ta="right">{t('personnel.payroll.lines.employeeRate')}</Table.Th>
          <Table.Th ta="right">{t('personnel.payroll.lines.employeeAmount')}</Table.Th>
          <Table.Th ta="right">{t('personnel.payroll.lines.employerRate')}</Table.Th>
          <Table.Th ta="right">{t('personnel.payroll.lines.employerAmount')}</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {slip.lines.map((l) => (
          <Table.Tr key={l.code}>
            <Table.Td>{l.label}</Table.Td>
            <Table.Td ta="right">{money(l.base)}</Table.Td>
            <Table.Td ta="right">{contributionRate(l.employeeRate)}</Table.Td>
            <Table.Td ta="right">{l.employeeAmount ? money(l.employeeAmount) : ''}</Table.Td>
            <Table.Td ta="right">{contributionRate(l.employerRate)}</Table.Td>
            <Table.Td ta="right">{l.employerAmount ? money(l.employerAmount) : ''}</Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}

function PayslipRow({ orgId, run, slip }: { orgId: string; run: PayRunDto; slip: PayslipDto }) {
  const { t } = useTranslation();
  const { can } = useOrgRole(orgId);
  const [editing, setEditing] = useState(false);
  const [open, setOpen] = useState(false);
  const name = `${slip.lastName.toUpperCase()} ${slip.firstName}`;
  return (
    <Fragment>
      <Table.Tr data-testid="payroll-slip">
        <Table.Th scope="row" fw={600}>
          {name}
          <Text size="xs" c="dimmed" component="span" display="block">
            {slip.number ?? t('personnel.payroll.unnumbered')} – {slip.jobTitle}
          </Text>
        </Table.Th>
        <Table.Td ta="right" data-testid="payroll-slip-gross">
          {money(slip.gross)}
        </Table.Td>
        <Table.Td ta="right">{money(slip.totalEmployee)}</Table.Td>
        <Table.Td ta="right">{money(slip.netBeforeTax)}</Table.Td>
        <Table.Td ta="right">{money(slip.withholdingTax)}</Table.Td>
        <Table.Td ta="right" fw={700} data-testid="payroll-slip-net">
          {money(slip.netToPay)}
        </Table.Td>
        <Table.Td ta="right" data-testid="payroll-slip-cost">
          {money(slip.employerCost)}
        </Table.Td>
        <Table.Td>
          <Group gap={4} wrap="nowrap">
            <Button
              size="compact-sm"
              variant="default"
              onClick={() => setOpen((o) => !o)}
              aria-expanded={open}
              data-testid="payroll-slip-detail"
            >
              {t('personnel.payroll.detail')}
            </Button>
            {run.status === 'draft' && can('personnel.write') ? (
              <Button
                size="compact-sm"
                variant="default"
                onClick={() => setEditing(true)}
                data-testid="payroll-slip-items"
              >
                {t('personnel.payroll.items.open')}
              </Button>
            ) : null}
            <ExportButtons
              formats={['pdf']}
              fetchFile={() => downloadPayslip(orgId, run.id, slip.id)}
              fallbackName={() => `bulletin-${run.month}.pdf`}
              testIdPrefix="payroll-slip"
              size="xs"
              align="start"
              labelOf={() => t('personnel.payroll.pdf')}
            />
          </Group>
          {editing ? (
            <ItemsModal orgId={orgId} run={run} slip={slip} onClose={() => setEditing(false)} />
          ) : null}
        </Table.Td>
      </Table.Tr>
      {open ? (
        <Table.Tr>
          <Table.Td colSpan={8}>
            <Stack gap={4}>
              <Text size="sm" data-testid="payroll-pay-summary">
                {t('personnel.payroll.pay', {
                  hours: hundredths(slip.monthlyHours),
                  base: money(slip.monthlyGross),
                  overtime: money(slip.overtime25Pay + slip.overtime50Pay),
                  bonus: money(slip.items.bonus),
                  absence: money(slip.absenceDeduction),
                })}
              </Text>
              <Text size="sm">
                {t('personnel.payroll.summary', {
                  taxable: money(slip.taxable),
                  exempt: money(slip.overtimeTaxExempt),
                  rate: hundredths(slip.taxRate),
                  coefficient: (slip.rgduCoefficient / 10000).toFixed(4).replace('.', ','),
                  rgdu: money(slip.rgduAmount),
                })}
              </Text>
              <PayslipLines slip={slip} />
            </Stack>
          </Table.Td>
        </Table.Tr>
      ) : null}
    </Fragment>
  );
}

function RunActions({ orgId, run }: { orgId: string; run: PayRunDto }) {
  const { t } = useTranslation();
  const { can } = useOrgRole(orgId);
  const refresh = useRefresh(orgId);
  const [confirming, setConfirming] = useState(false);
  const monthEnd = periodEnd(run.month);
  // Salaries are paid on the month's last day by default (monthly pay, C. trav. L3242-1).
  const [date, setDate] = useState(monthEnd);
  const pay = useMutation({
    mutationFn: () => payPayRun(orgId, run.id, date),
    onSuccess: async (paid) => {
      notify('success', t('personnel.payroll.paidNotice'));
      await refresh(paid);
    },
  });
  const cancel = useMutation({
    mutationFn: () => cancelPayRun(orgId, run.id, date),
    onSuccess: async (cancelled) => {
      notify('success', t('personnel.payroll.cancelledNotice'));
      await refresh(cancelled);
    },
  });
  const remove = useMutation({
    mutationFn: () => deletePayRun(orgId, run.id),
    onSuccess: async () => {
      notify('success', t('personnel.payroll.deletedNotice'));
      await refresh();
    },
  });
  if (!can('personnel.write')) return null;
  if (run.status === 'draft')
    return (
      <Stack gap="xs">
        <Group gap="sm">
          <Button onClick={() => setConfirming(true)} data-testid="payroll-validate">
            {t('personnel.payroll.validate')}
          </Button>
          <ConfirmButton
            question={t('personnel.payroll.deleteQuestion')}
            onConfirm={() => remove.mutate()}
            loading={remove.isPending}
          >
            {t('personnel.payroll.delete')}
          </ConfirmButton>
        </Group>
        <ErrorAlert error={remove.error} testId="payroll-delete-error" />
        {confirming ? <ValidateModal orgId={orgId} run={run} onClose={() => setConfirming(false)} /> : null}
      </Stack>
    );
  if (run.status !== 'validated' || run.paid) return null;
  return (
    <Paper withBorder p="sm">
      <Stack gap="xs">
        <Title order={3} size="h5">
          {t('personnel.payroll.payment.title', { amount: money(run.totals.netToPay) })}
        </Title>
        <Group align="flex-end" gap="sm" wrap="wrap">
          <TextInput
            type="date"
            label={t('personnel.payroll.payment.date')}
            value={date}
            onChange={(e) => setDate(e.currentTarget.value)}
            required
            data-testid="payroll-payment-date"
          />
          <Button loading={pay.isPending} onClick={() => pay.mutate()} data-testid="payroll-pay">
            {t('personnel.payroll.payment.submit')}
          </Button>
          <ConfirmButton
            question={t('personnel.payroll.cancelQuestion')}
            onConfirm={() => cancel.mutate()}
            loading={cancel.isPending}
          >
            {t('personnel.payroll.cancel')}
          </ConfirmButton>
        </Group>
        <ErrorAlert error={pay.error ?? cancel.error} testId="payroll-payment-error" />
      </Stack>
    </Paper>
  );
}

/** The last day of a month 'YYYY-MM'. */
function periodEnd(month: string): string {
  const [y, m] = month.split('-').map(Number) as [number, number];
  return `${month}-${String(new Date(Date.UTC(y, m, 0)).getUTCDate()).padStart(2, '0')}`;
}

const STATUS_COLORS = { draft: 'gray', validated: 'blue', paid: 'teal', cancelled: 'red' } as const;

function statusOf(run: Pick<PayRunDto, 'status' | 'paid'>) {
  return run.status === 'validated' && run.paid ? 'paid' : run.status;
}

function RunView({ orgId, payRunId }: { orgId: string; payRunId: string }) {
  const { t } = useTranslation();
  const query = useQuery(payRunQuery(orgId, payRunId));
  if (query.isError) return <ErrorAlert error={query.error} testId="payroll-run-error" />;
  if (!query.data) return <Text size="sm">{t('common.loading')}</Text>;
  const run = query.data;
  const status = statusOf(run);
  return (
    <Paper withBorder p="md" data-testid="payroll-run">
      <Group justify="space-between" align="flex-start" mb="sm" wrap="wrap" gap="sm">
        <Stack gap={4}>
          <Title order={2} size="h4">
            {t('personnel.payroll.runTitle', { month: periodLabel(run.month, t) })}
          </Title>
          <Text size="sm">
            {t('personnel.payroll.settings', {
              band: t(`personnel.payroll.bands.${run.headcountBand}`),
              atMp: hundredths(run.atMpRate),
              mobility: hundredths(run.mobilityRate),
            })}
          </Text>
        </Stack>
        <Badge size="lg" variant="light" color={STATUS_COLORS[status]} data-testid="payroll-status">
          {t(`personnel.payroll.statuses.${status}`, { date: run.paidOn ? day(run.paidOn) : '' })}
        </Badge>
      </Group>
      <Stack gap="md">
        {run.ledgerEntryId ? (
          <Group gap="md">
            <AnchorLink
              to="/orgs/$orgId/accounting/entries/$entryId"
              params={{ orgId, entryId: run.ledgerEntryId }}
              data-testid="payroll-entry-link"
            >
              {t('personnel.payroll.entry')}
            </AnchorLink>
            {run.paymentEntryId ? (
              <AnchorLink
                to="/orgs/$orgId/accounting/entries/$entryId"
                params={{ orgId, entryId: run.paymentEntryId }}
              >
                {t('personnel.payroll.paymentEntry')}
              </AnchorLink>
            ) : null}
            {run.cancellationEntryId ? (
              <AnchorLink
                to="/orgs/$orgId/accounting/entries/$entryId"
                params={{ orgId, entryId: run.cancellationEntryId }}
              >
                {t('personnel.payroll.cancellationEntry')}
              </AnchorLink>
            ) : null}
          </Group>
        ) : null}
        <Table.ScrollContainer minWidth={900}>
          <Table verticalSpacing="xs" withTableBorder data-testid="payroll-slips">
            <caption>
              <VisuallyHidden>
                {t('personnel.payroll.runTitle', { month: periodLabel(run.month, t) })}
              </VisuallyHidden>
            </caption>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('personnel.payroll.columns.employee')}</Table.Th>
                <Table.Th ta="right">{t('personnel.payroll.columns.gross')}</Table.Th>
                <Table.Th ta="right">{t('personnel.payroll.columns.employee_contributions')}</Table.Th>
                <Table.Th ta="right">{t('personnel.payroll.columns.netBeforeTax')}</Table.Th>
                <Table.Th ta="right">{t('personnel.payroll.columns.tax')}</Table.Th>
                <Table.Th ta="right">{t('personnel.payroll.columns.net')}</Table.Th>
                <Table.Th ta="right">{t('personnel.payroll.columns.cost')}</Table.Th>
                <Table.Th>{t('personnel.payroll.columns.actions')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {run.payslips.map((slip) => (
                <PayslipRow key={slip.id} orgId={orgId} run={run} slip={slip} />
              ))}
              <Table.Tr fw={700} data-testid="payroll-totals">
                <Table.Th scope="row">{t('personnel.payroll.columns.total')}</Table.Th>
                <Table.Td ta="right">{money(run.totals.gross)}</Table.Td>
                <Table.Td ta="right">{money(run.totals.totalEmployee)}</Table.Td>
                <Table.Td ta="right">{money(run.totals.gross - run.totals.totalEmployee)}</Table.Td>
                <Table.Td ta="right">{money(run.totals.withholdingTax)}</Table.Td>
                <Table.Td ta="right" data-testid="payroll-total-net">
                  {money(run.totals.netToPay)}
                </Table.Td>
                <Table.Td ta="right">{money(run.totals.employerCost)}</Table.Td>
                <Table.Td />
              </Table.Tr>
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
        <RunActions orgId={orgId} run={run} />
      </Stack>
    </Paper>
  );
}

export function PayrollPage() {
  const { t } = useTranslation();
  const { orgId } = route.useParams();
  const search = route.useSearch();
  const navigate = route.useNavigate();
  const { can } = useOrgRole(orgId);
  const simulatedToday = useSimulatedToday(orgId);
  const list = useQuery(payRunListQuery(orgId));
  const choices = monthChoices(simulatedToday ?? todayIn());
  const month = search.month ?? choices[0] ?? '2026-01';
  const live = list.data?.items.find((r) => r.month === month && r.status !== 'cancelled');
  // The latest pay run before this month, whose settings the new one starts from.
  const previous = list.data?.items
    .filter((r) => r.status !== 'cancelled' && r.month < month)
    .sort((a, b) => (a.month < b.month ? 1 : -1))[0];
  return (
    <>
      <PageHeader title={t('personnel.payroll.title')} served={PAYROLL_SERVE} />
      {list.isError ? <LoadError error={list.error} /> : null}
      <Stack gap="md">
        <NativeSelect
          label={t('personnel.payroll.month')}
          value={month}
          onChange={(e) => void navigate({ search: { month: e.currentTarget.value }, replace: true })}
          data={(choices.includes(month) ? choices : [month, ...choices]).map((m) => ({
            value: m,
            label: periodLabel(m, t),
          }))}
          maw={320}
          data-testid="payroll-month"
        />
        {list.isPending ? <Text size="sm">{t('common.loading')}</Text> : null}
        {list.data && live ? <RunView orgId={orgId} payRunId={live.id} /> : null}
        {list.data && !live ? (
          can('personnel.write') ? (
            <CreateRunForm key={month} orgId={orgId} month={month} previous={previous} />
          ) : (
            <Text size="sm">{t('personnel.payroll.none')}</Text>
          )
        ) : null}
        <Paper withBorder p="md">
          <Title order={2} size="h4" mb="sm">
            {t('personnel.payroll.listTitle')}
          </Title>
          {list.data && list.data.items.length === 0 ? (
            <Text size="sm">{t('personnel.payroll.noRuns')}</Text>
          ) : null}
          {list.data && list.data.items.length > 0 ? (
            <Table.ScrollContainer minWidth={560}>
              <Table verticalSpacing="xs" data-testid="payroll-runs">
                <caption>
                  <VisuallyHidden>{t('personnel.payroll.listTitle')}</VisuallyHidden>
                </caption>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>{t('personnel.payroll.month')}</Table.Th>
                    <Table.Th>{t('personnel.payroll.columns.status')}</Table.Th>
                    <Table.Th ta="right">{t('personnel.payroll.columns.count')}</Table.Th>
                    <Table.Th ta="right">{t('personnel.payroll.columns.gross')}</Table.Th>
                    <Table.Th ta="right">{t('personnel.payroll.columns.net')}</Table.Th>
                    <Table.Th ta="right">{t('personnel.payroll.columns.cost')}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {list.data.items.map((r) => (
                    <Table.Tr key={r.id} data-testid="payroll-run-row">
                      <Table.Td>
                        <AnchorLink
                          to="/orgs/$orgId/personnel/payroll"
                          params={{ orgId }}
                          search={{ month: r.month }}
                          size="sm"
                          aria-current={r.month === month && r.status !== 'cancelled' ? 'page' : undefined}
                        >
                          {periodLabel(r.month, t)}
                        </AnchorLink>
                      </Table.Td>
                      <Table.Td>
                        {t(`personnel.payroll.statuses.${statusOf(r)}`, {
                          date: r.paidOn ? day(r.paidOn) : '',
                        })}
                      </Table.Td>
                      <Table.Td ta="right">{r.payslipCount}</Table.Td>
                      <Table.Td ta="right">{money(r.totals.gross)}</Table.Td>
                      <Table.Td ta="right">{money(r.totals.netToPay)}</Table.Td>
                      <Table.Td ta="right">{money(r.totals.employerCost)}</Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
          ) : null}
        </Paper>
      </Stack>
    </>
  );
}
