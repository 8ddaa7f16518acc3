import {
  ActionIcon,
  Alert,
  Button,
  Checkbox,
  Group,
  NativeSelect,
  Paper,
  SimpleGrid,
  Stack,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { getRouteApi, useNavigate } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { todayIn } from '../../../../src/kernel/dates/index.ts';
import {
  type ExpenseKind,
  type ExpenseReportDto,
  expenseKinds,
  MEAL_TYPES,
  type MealType,
} from '../../../../src/personnel/expenses/contract.ts';
import { TRAVEL_SERVE } from '../../referentiel/activities.ts';
import { errorMessage } from '../../ui/errors.ts';
import { notify } from '../../ui/notify.ts';
import { PageHeader } from '../../ui/PageHeader.tsx';
import { money } from '../relations/format.ts';
import { emptyLineRow, type LineRow, lineRowOf, liveFigures, toLineInput } from './expense-form-model.ts';
import {
  createExpenseReport,
  employeesQuery,
  expenseReportQuery,
  mileageYearQuery,
  travelKeys,
  travelOrdersQuery,
  updateExpenseReport,
} from './expenses-api.ts';

const newRoute = getRouteApi('/orgs/$orgId/personnel/expenses/new');
const editRoute = getRouteApi('/orgs/$orgId/personnel/expenses/$reportId/edit');

/** A new expense report. */
export function NewExpensePage() {
  const { orgId } = newRoute.useParams();
  return <ExpenseForm orgId={orgId} report={null} />;
}

/** A draft expense report, corrected before validation (a validated one never changes). */
export function EditExpensePage() {
  const { t } = useTranslation();
  const { orgId, reportId } = editRoute.useParams();
  const query = useQuery(expenseReportQuery(orgId, reportId));
  if (query.error)
    return (
      <Alert color="red" role="alert">
        {errorMessage(query.error, t)}
      </Alert>
    );
  if (!query.data) return <Text>{t('common.loading')}</Text>;
  if (query.data.status !== 'draft')
    return (
      <Alert color="orange" role="alert" data-testid="expense-not-draft">
        {t('personnel.expenses.notDraft', { number: query.data.number })}
      </Alert>
    );
  return <ExpenseForm orgId={orgId} report={query.data} key={query.data.id} />;
}

/** The report's lines typed at the keyboard, the mileage allowance computed as they are. */
function ExpenseForm({ orgId, report }: { orgId: string; report: ExpenseReportDto | null }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const employees = useQuery(employeesQuery(orgId));
  const orders = useQuery(travelOrdersQuery(orgId));
  const [employeeId, setEmployeeId] = useState(report?.employeeId ?? '');
  const [travelOrderId, setTravelOrderId] = useState(report?.travelOrderId ?? '');
  const [title, setTitle] = useState(report?.title ?? '');
  const [reportDate, setReportDate] = useState(report?.reportDate ?? todayIn());
  const [rows, setRows] = useState<LineRow[]>(() =>
    report ? report.lines.map(lineRowOf) : [emptyLineRow(todayIn())],
  );
  const year = useQuery(mileageYearQuery(orgId, employeeId, reportDate.slice(0, 4)));
  const live = liveFigures(rows, year.data);
  const setRow = (key: number, patch: Partial<LineRow>) =>
    setRows((all) => all.map((r) => (r.key === key ? { ...r, ...patch } : r)));
  const employeeOrders = (orders.data?.items ?? []).filter(
    (o) => o.employeeId === employeeId && (o.status === 'approved' || o.status === 'done'),
  );

  const save = useMutation({
    mutationFn: () => {
      const body = {
        employeeId,
        travelOrderId: travelOrderId || null,
        title: title.trim(),
        reportDate,
        lines: rows.map(toLineInput),
      };
      return report ? updateExpenseReport(orgId, report.id, body) : createExpenseReport(orgId, body);
    },
    onSuccess: async (saved) => {
      notify('success', t('personnel.expenses.saved'));
      await queryClient.invalidateQueries({ queryKey: travelKeys.reports(orgId) });
      await navigate({
        to: '/orgs/$orgId/personnel/expenses/$reportId',
        params: { orgId, reportId: saved.id },
      });
    },
  });

  return (
    <>
      <PageHeader
        title={report ? t('personnel.expenses.editTitle') : t('personnel.expenses.newTitle')}
        served={TRAVEL_SERVE}
      />
      <form
        onSubmit={(e) => {
          e.preventDefault();
          save.mutate();
        }}
        data-testid="expense-form"
      >
        <Stack gap="md">
          <Paper withBorder p="md">
            <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
              <NativeSelect
                label={t('personnel.expenses.fields.employee')}
                required
                value={employeeId}
                onChange={(e) => {
                  setEmployeeId(e.currentTarget.value);
                  setTravelOrderId('');
                }}
                data={[
                  { value: '', label: t('personnel.travel.chooseEmployee') },
                  ...(employees.data?.items ?? []).map((e) => ({
                    value: e.id,
                    label: `${e.lastName} ${e.firstName}`,
                  })),
                ]}
                data-testid="expense-employee"
              />
              <NativeSelect
                label={t('personnel.expenses.fields.travelOrder')}
                value={travelOrderId}
                onChange={(e) => {
                  const id = e.currentTarget.value;
                  setTravelOrderId(id);
                  // The order's personal car fills the mileage lines' horsepower not typed yet.
                  const car = employeeOrders.find((o) => o.id === id && o.fiscalPower !== null);
                  if (car)
                    setRows((all) =>
                      all.map((r) =>
                        r.kind === 'mileage' && r.fiscalPower === ''
                          ? { ...r, fiscalPower: String(car.fiscalPower), electric: car.electric }
                          : r,
                      ),
                    );
                }}
                data={[
                  { value: '', label: t('personnel.expenses.noTravelOrder') },
                  ...employeeOrders.map((o) => ({
                    value: o.id,
                    label: `${o.number} – ${o.destination}`,
                  })),
                ]}
                data-testid="expense-order"
              />
              <TextInput
                label={t('personnel.expenses.fields.title')}
                required
                maxLength={200}
                value={title}
                onChange={(e) => setTitle(e.currentTarget.value)}
                data-testid="expense-title"
              />
              <TextInput
                type="date"
                label={t('personnel.expenses.fields.reportDate')}
                required
                value={reportDate}
                onChange={(e) => setReportDate(e.currentTarget.value)}
                data-testid="expense-date"
              />
            </SimpleGrid>
          </Paper>
          {rows.map((r, i) => {
            const figures = live.lines[i]!;
            const n = i + 1;
            return (
              <Paper withBorder p="md" key={r.key} data-testid="expense-line">
                <Group justify="space-between" mb="xs">
                  <Title order={2} size="h5">
                    {t('personnel.expenses.lineTitle', { n })}
                  </Title>
                  <ActionIcon
                    variant="subtle"
                    color="red"
                    disabled={rows.length === 1}
                    onClick={() => setRows((all) => all.filter((x) => x.key !== r.key))}
                    aria-label={t('personnel.expenses.removeLine', { n })}
                  >
                    ×
                  </ActionIcon>
                </Group>
                <SimpleGrid cols={{ base: 1, sm: 2, md: 4 }} spacing="sm">
                  <NativeSelect
                    label={t('personnel.expenses.fields.kind')}
                    value={r.kind}
                    onChange={(e) => setRow(r.key, { kind: e.currentTarget.value as ExpenseKind })}
                    data={expenseKinds.map((k) => ({ value: k, label: t(`personnel.expenses.kinds.${k}`) }))}
                    data-testid="line-kind"
                  />
                  <TextInput
                    type="date"
                    label={t('personnel.expenses.fields.date')}
                    required
                    value={r.date}
                    onChange={(e) => setRow(r.key, { date: e.currentTarget.value })}
                    data-testid="line-date"
                  />
                  {r.kind === 'mileage' ? (
                    <>
                      <TextInput
                        label={t('personnel.expenses.fields.fromPlace')}
                        required
                        value={r.fromPlace}
                        onChange={(e) => setRow(r.key, { fromPlace: e.currentTarget.value })}
                        data-testid="line-from"
                      />
                      <TextInput
                        label={t('personnel.expenses.fields.toPlace')}
                        required
                        value={r.toPlace}
                        onChange={(e) => setRow(r.key, { toPlace: e.currentTarget.value })}
                        data-testid="line-to"
                      />
                      <TextInput
                        label={t('personnel.expenses.fields.km')}
                        required
                        inputMode="numeric"
                        value={r.km}
                        onChange={(e) => setRow(r.key, { km: e.currentTarget.value })}
                        data-testid="line-km"
                      />
                      <TextInput
                        label={t('personnel.expenses.fields.fiscalPower')}
                        required
                        inputMode="numeric"
                        value={r.fiscalPower}
                        onChange={(e) => setRow(r.key, { fiscalPower: e.currentTarget.value })}
                        data-testid="line-power"
                      />
                      <Checkbox
                        mt="lg"
                        label={t('personnel.expenses.fields.electric')}
                        checked={r.electric}
                        onChange={(e) => setRow(r.key, { electric: e.currentTarget.checked })}
                        data-testid="line-electric"
                      />
                    </>
                  ) : (
                    <>
                      <TextInput
                        label={t('personnel.expenses.fields.label')}
                        maxLength={200}
                        value={r.label}
                        onChange={(e) => setRow(r.key, { label: e.currentTarget.value })}
                        data-testid="line-label"
                      />
                      {r.kind === 'meal' ? (
                        <NativeSelect
                          label={t('personnel.expenses.fields.mealType')}
                          value={r.mealType}
                          onChange={(e) => setRow(r.key, { mealType: e.currentTarget.value as MealType })}
                          data={MEAL_TYPES.map((m) => ({
                            value: m,
                            label: t(`personnel.expenses.mealTypes.${m}`),
                          }))}
                          data-testid="line-meal-type"
                        />
                      ) : null}
                      <TextInput
                        label={t('personnel.expenses.fields.amount')}
                        required
                        inputMode="decimal"
                        value={r.amount}
                        onChange={(e) => setRow(r.key, { amount: e.currentTarget.value })}
                        data-testid="line-amount"
                      />
                      <TextInput
                        label={t('personnel.expenses.fields.vat')}
                        inputMode="decimal"
                        value={r.vat}
                        onChange={(e) => setRow(r.key, { vat: e.currentTarget.value })}
                        data-testid="line-vat"
                      />
                    </>
                  )}
                </SimpleGrid>
                <Text size="sm" mt="xs" data-testid="line-live">
                  {r.kind === 'mileage'
                    ? figures.formula
                      ? t('personnel.expenses.liveMileage', {
                          amount: money(figures.amount),
                          formula: figures.formula,
                          before: figures.kmBefore,
                        })
                      : t('personnel.expenses.liveMileageEmpty')
                    : figures.exemptLimit !== null
                      ? t('personnel.expenses.liveMeal', {
                          limit: money(figures.exemptLimit),
                          excess: money(figures.excess),
                        })
                      : null}
                </Text>
              </Paper>
            );
          })}
          <Group>
            <Button
              variant="light"
              onClick={() => setRows((all) => [...all, emptyLineRow(reportDate, 'meal')])}
              data-testid="expense-add-line"
            >
              {t('personnel.expenses.addLine')}
            </Button>
          </Group>
          <Paper withBorder p="md" aria-live="polite" data-testid="expense-live-totals">
            <Text size="sm">
              {t('personnel.expenses.fields.mileageTotal')} : {money(live.totals.mileageTotal)}
            </Text>
            <Text size="sm">
              {t('personnel.expenses.fields.totalVat')} : {money(live.totals.totalVat)}
            </Text>
            <Text fw={700} data-testid="expense-live-total">
              {t('personnel.expenses.fields.total')} : {money(live.totals.total)}
            </Text>
          </Paper>
          {save.error ? (
            <Alert color="red" role="alert" data-testid="expense-error">
              {errorMessage(save.error, t)}
            </Alert>
          ) : null}
          <Group>
            <Button type="submit" loading={save.isPending} data-testid="expense-save">
              {t('personnel.expenses.saveDraft')}
            </Button>
          </Group>
        </Stack>
      </form>
    </>
  );
}
