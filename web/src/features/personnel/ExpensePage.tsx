import {
  Alert,
  Button,
  Group,
  NativeSelect,
  Paper,
  SimpleGrid,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
  VisuallyHidden,
} from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { getRouteApi } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { todayIn } from '../../../../src/kernel/dates/index.ts';
import type { ExpenseReportDto } from '../../../../src/personnel/expenses/contract.ts';
import { useOrgRole } from '../../auth/session.ts';
import { TRAVEL_SERVE } from '../../referentiel/activities.ts';
import { errorMessage } from '../../ui/errors.ts';
import { ButtonLink } from '../../ui/links.tsx';
import { notify } from '../../ui/notify.ts';
import { PageHeader } from '../../ui/PageHeader.tsx';
import { day, money } from '../relations/format.ts';
import { saveFile } from '../relations/relations-api.ts';
import { ExpenseStatusBadge } from './ExpenseListPage.tsx';
import {
  cancelExpenseReport,
  downloadExpenseReport,
  expenseReportQuery,
  type Payment,
  reimburseExpenseReport,
  travelKeys,
  validateExpenseReport,
} from './expenses-api.ts';

const route = getRouteApi('/orgs/$orgId/personnel/expenses/$reportId/');

function ReimburseForm({ orgId, report }: { orgId: string; report: ExpenseReportDto }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [date, setDate] = useState(todayIn());
  const [method, setMethod] = useState<Payment['method']>('transfer');
  const pay = useMutation({
    mutationFn: () => reimburseExpenseReport(orgId, report.id, { date, method }),
    onSuccess: async (after) => {
      notify('success', t('personnel.expenses.reimbursedNotice', { number: after.number }));
      await queryClient.invalidateQueries({ queryKey: travelKeys.reports(orgId) });
    },
  });
  return (
    <Paper withBorder p="md">
      <Title order={2} size="h4" mb="sm">
        {t('personnel.expenses.reimburseTitle')}
      </Title>
      <Text size="sm" mb="sm" data-testid="expense-due">
        {report.amountDue >= 0
          ? t('personnel.expenses.toPay', { amount: money(report.amountDue) })
          : t('personnel.expenses.toPayBack', { amount: money(-report.amountDue) })}
      </Text>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          pay.mutate();
        }}
        data-testid="expense-reimburse-form"
      >
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
          <TextInput
            type="date"
            label={t('personnel.expenses.fields.paymentDate')}
            required
            value={date}
            onChange={(e) => setDate(e.currentTarget.value)}
            data-testid="reimburse-date"
          />
          <NativeSelect
            label={t('personnel.expenses.fields.method')}
            value={method}
            onChange={(e) => setMethod(e.currentTarget.value as Payment['method'])}
            data={(['transfer', 'cheque'] as const).map((m) => ({
              value: m,
              label: t(`personnel.expenses.methods.${m}`),
            }))}
            data-testid="reimburse-method"
          />
        </SimpleGrid>
        {pay.error ? (
          <Alert color="red" role="alert" mt="sm" data-testid="reimburse-error">
            {errorMessage(pay.error, t)}
          </Alert>
        ) : null}
        <Button type="submit" mt="sm" loading={pay.isPending} data-testid="reimburse-submit">
          {t('personnel.expenses.reimburse')}
        </Button>
      </form>
    </Paper>
  );
}

/** One expense report: its lines with the mileage computation, validation, reimbursement, PDF. */
export function ExpensePage() {
  const { t } = useTranslation();
  const { orgId, reportId } = route.useParams();
  const { can } = useOrgRole(orgId);
  const queryClient = useQueryClient();
  const query = useQuery(expenseReportQuery(orgId, reportId));
  const refresh = () => queryClient.invalidateQueries({ queryKey: travelKeys.reports(orgId) });
  const validate = useMutation({
    mutationFn: () => validateExpenseReport(orgId, reportId),
    onSuccess: async (r) => {
      notify('success', t('personnel.expenses.validatedNotice', { number: r.number }));
      await refresh();
    },
  });
  const cancel = useMutation({
    mutationFn: () => cancelExpenseReport(orgId, reportId, todayIn()),
    onSuccess: async (r) => {
      notify('success', t('personnel.expenses.cancelledNotice', { number: r.number }));
      await refresh();
    },
  });
  const pdf = useMutation({
    mutationFn: () => downloadExpenseReport(orgId, reportId),
    onSuccess: ({ blob, fileName }) => saveFile(blob, fileName ?? 'note-de-frais.pdf'),
    onError: (error) => notify('error', errorMessage(error, t)),
  });
  const report = query.data;
  if (query.error)
    return (
      <Alert color="red" role="alert">
        {errorMessage(query.error, t)}
      </Alert>
    );
  if (!report) return <Text>{t('common.loading')}</Text>;
  const writable = can('personnel.write');
  const actionError = validate.error ?? cancel.error;
  return (
    <>
      <PageHeader
        title={t('personnel.expenses.reportTitle', {
          number: report.number ?? t('personnel.expenses.draftNumber'),
        })}
        served={TRAVEL_SERVE}
        actions={
          <Group>
            <Button
              variant="default"
              loading={pdf.isPending}
              onClick={() => pdf.mutate()}
              data-testid="expense-pdf"
            >
              {t('personnel.expenses.pdf')}
            </Button>
            {writable && report.status === 'draft' ? (
              <ButtonLink
                variant="default"
                to="/orgs/$orgId/personnel/expenses/$reportId/edit"
                params={{ orgId, reportId }}
                data-testid="expense-edit"
              >
                {t('personnel.expenses.edit')}
              </ButtonLink>
            ) : null}
            {writable && report.status === 'draft' ? (
              <Button
                loading={validate.isPending}
                onClick={() => validate.mutate()}
                data-testid="expense-validate"
              >
                {t('personnel.expenses.validate')}
              </Button>
            ) : null}
            {writable && report.status === 'validated' ? (
              <Button
                color="red"
                variant="light"
                loading={cancel.isPending}
                onClick={() => {
                  if (window.confirm(t('personnel.expenses.cancelConfirm', { number: report.number })))
                    cancel.mutate();
                }}
                data-testid="expense-cancel"
              >
                {t('personnel.expenses.cancel')}
              </Button>
            ) : null}
          </Group>
        }
      />
      <Stack gap="md">
        {actionError ? (
          <Alert color="red" role="alert" data-testid="expense-action-error">
            {errorMessage(actionError, t)}
          </Alert>
        ) : null}
        <Paper withBorder p="md" data-testid="expense-summary">
          <SimpleGrid cols={{ base: 1, sm: 2, md: 3 }} spacing="xs">
            <Text size="sm">
              {t('personnel.expenses.fields.status')} : <ExpenseStatusBadge status={report.status} />
            </Text>
            <Text size="sm">
              {t('personnel.expenses.fields.employee')} : {report.employeeName}
            </Text>
            <Text size="sm">
              {t('personnel.expenses.fields.title')} : {report.title}
            </Text>
            <Text size="sm">
              {t('personnel.expenses.fields.reportDate')} : {day(report.reportDate)}
            </Text>
            <Text size="sm">
              {t('personnel.expenses.fields.travelOrder')} : {report.travelOrderNumber ?? '—'}
            </Text>
            {report.reimbursedOn ? (
              <Text size="sm">
                {t('personnel.expenses.fields.reimbursedOn')} : {day(report.reimbursedOn)}
              </Text>
            ) : null}
          </SimpleGrid>
        </Paper>
        <Table.ScrollContainer minWidth={760}>
          <Table verticalSpacing="xs" data-testid="expense-lines">
            <caption>
              <VisuallyHidden>{t('personnel.expenses.linesCaption')}</VisuallyHidden>
            </caption>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('personnel.expenses.fields.date')}</Table.Th>
                <Table.Th>{t('personnel.expenses.fields.kind')}</Table.Th>
                <Table.Th>{t('personnel.expenses.fields.detail')}</Table.Th>
                <Table.Th ta="right">{t('personnel.expenses.fields.vat')}</Table.Th>
                <Table.Th ta="right">{t('personnel.expenses.fields.amount')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {report.lines.map((l, i) => (
                // biome-ignore lint/suspicious/noArrayIndexKey: lines have no id of their own in the DTO
                <Table.Tr key={i} data-testid="expense-detail-line">
                  <Table.Td>{day(l.date)}</Table.Td>
                  <Table.Td>{t(`personnel.expenses.kinds.${l.kind}`)}</Table.Td>
                  <Table.Td>
                    {l.kind === 'mileage'
                      ? `${l.fromPlace} → ${l.toPlace}, ${l.km} km, ${l.fiscalPower} CV${l.electric ? ' ⚡' : ''}`
                      : (l.label ?? '')}
                    {l.formula ? (
                      <Text size="xs" c="dimmed">
                        {t('personnel.expenses.computation', {
                          formula: l.formula,
                          before: l.kmBefore,
                          after: (l.kmBefore ?? 0) + (l.km ?? 0),
                        })}
                      </Text>
                    ) : null}
                    {l.excess > 0 ? (
                      <Text size="xs" fs="italic" data-testid="line-excess">
                        {t('personnel.expenses.excess', {
                          limit: money(l.exemptLimit ?? 0),
                          excess: money(l.excess),
                        })}
                      </Text>
                    ) : null}
                  </Table.Td>
                  <Table.Td ta="right">{money(l.vat)}</Table.Td>
                  <Table.Td ta="right">{money(l.amount)}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
            <Table.Tfoot>
              <Table.Tr>
                <Table.Th colSpan={4}>{t('personnel.expenses.fields.total')}</Table.Th>
                <Table.Td ta="right" fw={700} data-testid="expense-total">
                  {money(report.total)}
                </Table.Td>
              </Table.Tr>
              {report.advance !== 0 ? (
                <Table.Tr>
                  <Table.Th colSpan={4}>{t('personnel.expenses.fields.advance')}</Table.Th>
                  <Table.Td ta="right">{money(-report.advance)}</Table.Td>
                </Table.Tr>
              ) : null}
            </Table.Tfoot>
          </Table>
        </Table.ScrollContainer>
        {writable && report.status === 'validated' ? <ReimburseForm orgId={orgId} report={report} /> : null}
      </Stack>
    </>
  );
}
