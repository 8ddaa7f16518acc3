import '@mantine/charts/styles.css';
import { BarChart } from '@mantine/charts';
import {
  Alert,
  Button,
  Group,
  NumberInput,
  Paper,
  SegmentedControl,
  Select,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { getRouteApi } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useOrgRole } from '../../auth/session.ts';
import { TREASURY_SERVE } from '../../referentiel/activities.ts';
import { ConfirmButton } from '../../ui/ConfirmButton.tsx';
import { ErrorAlert } from '../../ui/ErrorAlert.tsx';
import { ExportButtons } from '../../ui/ExportButtons.tsx';
import { notify } from '../../ui/notify.ts';
import { PageHeader } from '../../ui/PageHeader.tsx';
import { PageLoader } from '../../ui/PageLoader.tsx';
import { LoadError } from '../../ui/StatusPages.tsx';
import { day, money } from '../relations/format.ts';
import { parseEuros } from '../relations/receipt-form-model.ts';
import {
  addForecast,
  type CashPlanDto,
  cashPlanQuery,
  downloadCashPlan,
  type ForecastDto,
  removeForecast,
  treasuryKeys,
} from './treasury-api.ts';

// Production › Trésorerie › Plan de trésorerie (decision 0047): the cash of the books today, then month by
// month what should come in and go out, and the cash left — red where it runs out.

const route = getRouteApi('/orgs/$orgId/production/treasury/cash-plan');
const HORIZONS = ['3', '6', '12'] as const;

/** « nov. 2026 », in the interface's language. */
function useMonthLabel() {
  const { i18n } = useTranslation();
  const format = new Intl.DateTimeFormat(i18n.language, { month: 'short', year: 'numeric', timeZone: 'UTC' });
  return (month: string) => format.format(new Date(`${month}-01T00:00:00Z`));
}

function PlanTable({ dto }: { dto: CashPlanDto }) {
  const { t } = useTranslation();
  const monthLabel = useMonthLabel();
  const amounts = (values: readonly number[], testId?: string, strong = false) =>
    values.map((v, i) => (
      <Table.Td
        key={dto.months[i]}
        ta="right"
        fw={strong ? 700 : undefined}
        c={strong && v < 0 ? 'red.9' : undefined}
        data-testid={testId ? `${testId}-${i}` : undefined}
      >
        {money(v)}
      </Table.Td>
    ));
  const section = (direction: 'in' | 'out') =>
    dto.rows
      .filter((r) => r.direction === direction)
      .map((r) => (
        <Table.Tr key={r.key} data-testid={`cash-plan-row-${r.key}`}>
          <Table.Td>
            {r.label}
            {r.overdue > 0 ? (
              <Text size="xs" fw={600}>
                {t('production.cashPlan.overdue', { amount: money(r.overdue) })}
              </Text>
            ) : null}
            {r.source === 'forecast' ? (
              <Text size="xs" fs="italic">
                {t('production.cashPlan.forecast')}
              </Text>
            ) : null}
          </Table.Td>
          {amounts(r.amounts)}
        </Table.Tr>
      ));
  const heading = (label: string) => (
    <Table.Tr>
      <Table.Th colSpan={dto.months.length + 1} scope="rowgroup">
        {label}
      </Table.Th>
    </Table.Tr>
  );
  return (
    <Table.ScrollContainer minWidth={640}>
      <Table striped withTableBorder data-testid="cash-plan-table">
        <caption>{t('production.cashPlan.caption', { date: day(dto.asOf) })}</caption>
        <Table.Thead>
          <Table.Tr>
            <Table.Th />
            {dto.months.map((m) => (
              <Table.Th key={m} ta="right" scope="col">
                {monthLabel(m)}
              </Table.Th>
            ))}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          <Table.Tr>
            <Table.Th scope="row">{t('production.cashPlan.start')}</Table.Th>
            {amounts(dto.totals.start, 'cash-plan-start', true)}
          </Table.Tr>
          {heading(t('production.cashPlan.receipts'))}
          {section('in')}
          <Table.Tr>
            <Table.Th scope="row">{t('production.cashPlan.totalReceipts')}</Table.Th>
            {amounts(dto.totals.receipts, 'cash-plan-receipts', true)}
          </Table.Tr>
          {heading(t('production.cashPlan.disbursements'))}
          {section('out')}
          <Table.Tr>
            <Table.Th scope="row">{t('production.cashPlan.totalDisbursements')}</Table.Th>
            {amounts(dto.totals.disbursements, 'cash-plan-disbursements', true)}
          </Table.Tr>
          <Table.Tr>
            <Table.Th scope="row">{t('production.cashPlan.net')}</Table.Th>
            {amounts(dto.totals.net, 'cash-plan-net', true)}
          </Table.Tr>
          <Table.Tr>
            <Table.Th scope="row">{t('production.cashPlan.end')}</Table.Th>
            {amounts(dto.totals.end, 'cash-plan-end', true)}
          </Table.Tr>
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

function ForecastForm({ orgId, firstMonth }: { orgId: string; firstMonth: string }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [label, setLabel] = useState('');
  const [direction, setDirection] = useState<'in' | 'out'>('out');
  const [amount, setAmount] = useState('');
  const [month, setMonth] = useState(firstMonth);
  const [occurrences, setOccurrences] = useState<number | string>(1);
  const [amountError, setAmountError] = useState<string | null>(null);
  const add = useMutation({
    mutationFn: (cents: number) =>
      addForecast(orgId, {
        label,
        direction,
        amount: cents,
        firstMonth: month,
        occurrences: Number(occurrences),
      }),
    onSuccess: async () => {
      setLabel('');
      setAmount('');
      setOccurrences(1);
      notify('success', t('production.cashPlan.added'));
      await queryClient.invalidateQueries({ queryKey: treasuryKeys.all(orgId) });
    },
  });
  return (
    <form
      onSubmit={(e) => {
        e.preventDefault();
        const cents = parseEuros(amount);
        setAmountError(cents === null ? t('production.cashPlan.amountInvalid') : null);
        if (cents !== null) add.mutate(cents);
      }}
      aria-labelledby="cash-forecast-title"
    >
      <Stack gap="sm">
        <Title order={2} size="h4" id="cash-forecast-title">
          {t('production.cashPlan.addTitle')}
        </Title>
        <Text size="sm" c="dimmed">
          {t('production.cashPlan.addHelp')}
        </Text>
        <Group align="flex-end" gap="sm" wrap="wrap">
          <TextInput
            label={t('production.cashPlan.label')}
            value={label}
            onChange={(e) => setLabel(e.currentTarget.value)}
            maxLength={120}
            required
            w={260}
            data-testid="cash-forecast-label"
          />
          <SegmentedControl
            aria-label={t('production.cashPlan.direction')}
            value={direction}
            onChange={(v) => setDirection(v as 'in' | 'out')}
            data={[
              { value: 'in', label: t('production.cashPlan.in') },
              { value: 'out', label: t('production.cashPlan.out') },
            ]}
            data-testid="cash-forecast-direction"
          />
          <TextInput
            label={t('production.cashPlan.amount')}
            value={amount}
            onChange={(e) => setAmount(e.currentTarget.value)}
            error={amountError}
            inputMode="decimal"
            required
            w={140}
            data-testid="cash-forecast-amount"
          />
          <TextInput
            type="month"
            label={t('production.cashPlan.firstMonth')}
            value={month}
            onChange={(e) => setMonth(e.currentTarget.value)}
            required
            w={170}
            data-testid="cash-forecast-month"
          />
          <NumberInput
            label={t('production.cashPlan.occurrences')}
            value={occurrences}
            onChange={setOccurrences}
            min={1}
            max={60}
            allowDecimal={false}
            w={150}
            data-testid="cash-forecast-occurrences"
          />
          <Button type="submit" loading={add.isPending} data-testid="cash-forecast-submit">
            {t('production.cashPlan.add')}
          </Button>
        </Group>
        <ErrorAlert error={add.error} testId="cash-forecast-error" />
      </Stack>
    </form>
  );
}

function ForecastList({
  orgId,
  forecasts,
  canWrite,
}: {
  orgId: string;
  forecasts: ForecastDto[];
  canWrite: boolean;
}) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const monthLabel = useMonthLabel();
  const remove = useMutation({
    mutationFn: (id: string) => removeForecast(orgId, id),
    onSuccess: async () => {
      notify('success', t('production.cashPlan.removed'));
      await queryClient.invalidateQueries({ queryKey: treasuryKeys.all(orgId) });
    },
    onError: (error) => notify('error', error.message),
  });
  if (forecasts.length === 0)
    return (
      <Text size="sm" c="dimmed">
        {t('production.cashPlan.noForecast')}
      </Text>
    );
  return (
    <Table data-testid="cash-forecast-list">
      <Table.Thead>
        <Table.Tr>
          <Table.Th>{t('production.cashPlan.label')}</Table.Th>
          <Table.Th>{t('production.cashPlan.direction')}</Table.Th>
          <Table.Th ta="right">{t('production.cashPlan.amount')}</Table.Th>
          <Table.Th>{t('production.cashPlan.schedule')}</Table.Th>
          {canWrite ? <Table.Th>{t('production.treasury.columns.actions')}</Table.Th> : null}
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {forecasts.map((f) => (
          <Table.Tr key={f.id}>
            <Table.Td>{f.label}</Table.Td>
            <Table.Td>
              {t(f.direction === 'in' ? 'production.cashPlan.in' : 'production.cashPlan.out')}
            </Table.Td>
            <Table.Td ta="right">{money(f.amount)}</Table.Td>
            <Table.Td>
              {t('production.cashPlan.scheduleValue', {
                count: f.occurrences,
                month: monthLabel(f.firstMonth),
              })}
            </Table.Td>
            {canWrite ? (
              <Table.Td>
                <ConfirmButton
                  question={t('production.cashPlan.removeConfirm', { label: f.label })}
                  onConfirm={() => remove.mutate(f.id)}
                  loading={remove.isPending && remove.variables === f.id}
                >
                  {t('production.cashPlan.remove')}
                </ConfirmButton>
              </Table.Td>
            ) : null}
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}

export function CashPlanPage() {
  const { t } = useTranslation();
  const { orgId } = route.useParams();
  const search = route.useSearch();
  const navigate = route.useNavigate();
  const { can } = useOrgRole(orgId);
  const months = search.months ?? 6;
  const query = useQuery(cashPlanQuery(orgId, search.asOf, months));
  const monthLabel = useMonthLabel();
  const dto = query.data;
  return (
    <>
      <PageHeader
        title={t('production.cashPlan.title')}
        served={TREASURY_SERVE}
        actions={
          dto ? (
            <ExportButtons
              formats={['pdf', 'xlsx', 'csv']}
              fetchFile={(format) => downloadCashPlan(orgId, dto.asOf, months, format)}
              fallbackName={(format) => `plan-de-tresorerie-${dto.asOf}.${format}`}
              testIdPrefix="cash-plan-export"
            />
          ) : null
        }
      />
      <Stack gap="md">
        <Group align="flex-end" gap="sm">
          <TextInput
            type="date"
            label={t('production.cashPlan.asOf')}
            value={search.asOf ?? dto?.asOf ?? ''}
            onChange={(e) => {
              const value = e.currentTarget.value;
              void navigate({ search: (s) => ({ ...s, asOf: value || undefined }), replace: true });
            }}
            data-testid="cash-plan-as-of"
          />
          <Select
            label={t('production.cashPlan.horizon')}
            data={HORIZONS.map((h) => ({
              value: h,
              label: t('production.cashPlan.months', { count: Number(h) }),
            }))}
            value={String(months)}
            onChange={(v) =>
              void navigate({ search: (s) => ({ ...s, months: Number(v ?? 6) }), replace: true })
            }
            allowDeselect={false}
            w={160}
            data-testid="cash-plan-horizon"
          />
        </Group>
        {query.isError ? <LoadError error={query.error} /> : null}
        {!dto && !query.isError ? <PageLoader /> : null}
        {dto ? (
          <>
            <Paper withBorder p="md">
              <Text fw={700} data-testid="cash-plan-opening">
                {t('production.cashPlan.opening', { date: day(dto.asOf), amount: money(dto.opening) })}
              </Text>
              <Text size="sm" c="dimmed">
                {dto.cashAccounts.map((a) => `${a.label} (${a.account}) : ${money(a.balance)}`).join(' · ')}
              </Text>
            </Paper>
            {dto.firstShortfall ? (
              <Alert
                color="red"
                title={t('production.cashPlan.shortfallTitle')}
                data-testid="cash-plan-shortfall"
              >
                {t('production.cashPlan.shortfall', { month: monthLabel(dto.firstShortfall) })}
              </Alert>
            ) : null}
            <PlanTable dto={dto} />
            <Paper withBorder p="md">
              <Title order={2} size="h4" mb="sm">
                {t('production.cashPlan.end')}
              </Title>
              <BarChart
                h={220}
                data={dto.months.map((m, i) => ({ month: monthLabel(m), end: dto.totals.end[i]! / 100 }))}
                dataKey="month"
                series={[{ name: 'end', label: t('production.cashPlan.end'), color: 'blue.8' }]}
                getBarColor={(value) => (value < 0 ? 'red.8' : 'blue.8')}
                valueFormatter={(v) => money(Math.round(v * 100))}
                aria-label={t('production.cashPlan.end')}
                role="img"
              />
            </Paper>
            <Paper withBorder p="md">
              <Stack gap="md">
                {can('ledger.write') ? <ForecastForm orgId={orgId} firstMonth={dto.months[0]!} /> : null}
                <ForecastList orgId={orgId} forecasts={dto.forecasts} canWrite={can('ledger.write')} />
              </Stack>
            </Paper>
          </>
        ) : null}
      </Stack>
    </>
  );
}
