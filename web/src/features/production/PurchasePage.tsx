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
import {
  type BillDto,
  type SupplierPaymentMethod,
  supplierPaymentMethods,
} from '../../../../src/production/purchases/contract.ts';
import { formatRate } from '../../../../src/relations/shared/vat-rates.ts';
import { useOrgRole } from '../../auth/session.ts';
import { PURCHASES_SERVE } from '../../referentiel/activities.ts';
import { ErrorAlert } from '../../ui/ErrorAlert.tsx';
import { errorMessage } from '../../ui/errors.ts';
import { notify } from '../../ui/notify.ts';
import { PageHeader } from '../../ui/PageHeader.tsx';
import { day, money } from '../relations/format.ts';
import { centsToInput, parseEuros } from '../relations/receipt-form-model.ts';
import { BillStatusBadge } from './PurchaseListPage.tsx';
import {
  billQuery,
  cancelBill,
  cancelPayment,
  payBill,
  purchaseKeys,
  validateBill,
} from './purchases-api.ts';

const route = getRouteApi('/orgs/$orgId/production/purchases/$billId');

/** A payment; a live one may be cancelled (entered by mistake): its entry is reversed today. */
function PaymentLine({
  orgId,
  bill,
  payment,
  writable,
}: {
  orgId: string;
  bill: BillDto;
  payment: BillDto['payments'][number];
  writable: boolean;
}) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const cancel = useMutation({
    mutationFn: () => cancelPayment(orgId, bill.id, payment.id, todayIn()),
    onSuccess: async () => {
      notify('success', t('production.purchases.paymentCancelledNotice', { number: bill.number }));
      await queryClient.invalidateQueries({ queryKey: purchaseKeys.all(orgId) });
    },
  });
  const cancelled = payment.cancelledOn !== null;
  return (
    <div data-testid="bill-payment">
      <Group gap="sm" wrap="wrap">
        <Text size="sm" td={cancelled ? 'line-through' : undefined} c={cancelled ? 'dimmed' : undefined}>
          {day(payment.date)} — {t(`production.purchases.methods.${payment.method}`)}
          {payment.reference ? ` ${payment.reference}` : ''} — {money(payment.amount)}
        </Text>
        {cancelled ? (
          <Text size="sm" c="dimmed" data-testid="bill-payment-cancelled">
            {t('production.purchases.paymentCancelledOn', { date: day(payment.cancelledOn!) })}
          </Text>
        ) : writable && bill.status === 'validated' ? (
          <Button
            size="compact-xs"
            variant="subtle"
            color="red"
            loading={cancel.isPending}
            onClick={() => {
              if (
                window.confirm(
                  t('production.purchases.paymentCancelConfirm', { amount: money(payment.amount) }),
                )
              )
                cancel.mutate();
            }}
            data-testid="bill-payment-cancel"
          >
            {t('production.purchases.paymentCancel')}
          </Button>
        ) : null}
      </Group>
      <ErrorAlert error={cancel.error} />
    </div>
  );
}

function PaymentForm({ orgId, bill }: { orgId: string; bill: BillDto }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [date, setDate] = useState(todayIn());
  const [method, setMethod] = useState<SupplierPaymentMethod>('transfer');
  const [amountText, setAmountText] = useState(centsToInput(bill.leftToPay));
  const [reference, setReference] = useState('');
  const amount = parseEuros(amountText);
  const pay = useMutation({
    mutationFn: () =>
      payBill(orgId, bill.id, { date, method, amount: amount ?? 0, reference: reference.trim() || null }),
    onSuccess: async (after) => {
      notify('success', t('production.purchases.paidNotice', { number: after.number }));
      setAmountText(centsToInput(after.leftToPay));
      await queryClient.invalidateQueries({ queryKey: purchaseKeys.all(orgId) });
    },
  });
  return (
    <Paper withBorder p="md">
      <Title order={2} size="h4" mb="sm">
        {t('production.purchases.payTitle')}
      </Title>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          pay.mutate();
        }}
        data-testid="bill-pay-form"
      >
        <SimpleGrid cols={{ base: 1, sm: 2, md: 4 }} spacing="sm">
          <TextInput
            type="date"
            label={t('production.purchases.fields.paymentDate')}
            required
            value={date}
            onChange={(e) => setDate(e.currentTarget.value)}
            data-testid="pay-date"
          />
          <NativeSelect
            label={t('production.purchases.fields.method')}
            value={method}
            onChange={(e) => setMethod(e.currentTarget.value as SupplierPaymentMethod)}
            data={supplierPaymentMethods.map((m) => ({
              value: m,
              label: t(`production.purchases.methods.${m}`),
            }))}
            data-testid="pay-method"
          />
          <TextInput
            label={t('production.purchases.fields.amount')}
            required
            inputMode="decimal"
            value={amountText}
            error={amountText !== '' && amount === null ? t('production.purchases.errors.amount') : undefined}
            onChange={(e) => setAmountText(e.currentTarget.value)}
            data-testid="pay-amount"
          />
          <TextInput
            label={t('production.purchases.fields.reference')}
            maxLength={100}
            value={reference}
            onChange={(e) => setReference(e.currentTarget.value)}
            data-testid="pay-reference"
          />
        </SimpleGrid>
        {pay.error ? (
          <Alert color="red" role="alert" mt="sm" data-testid="pay-error">
            {errorMessage(pay.error, t)}
          </Alert>
        ) : null}
        <Button type="submit" mt="sm" loading={pay.isPending} data-testid="pay-submit">
          {t('production.purchases.pay')}
        </Button>
      </form>
    </Paper>
  );
}

export function PurchasePage() {
  const { t } = useTranslation();
  const { orgId, billId } = route.useParams();
  const { can } = useOrgRole(orgId);
  const queryClient = useQueryClient();
  const query = useQuery(billQuery(orgId, billId));
  const refresh = () => queryClient.invalidateQueries({ queryKey: purchaseKeys.all(orgId) });
  const validate = useMutation({
    mutationFn: () => validateBill(orgId, billId),
    onSuccess: async (b) => {
      notify('success', t('production.purchases.validatedNotice', { number: b.number }));
      await refresh();
    },
  });
  const cancel = useMutation({
    mutationFn: () => cancelBill(orgId, billId, todayIn()),
    onSuccess: async (b) => {
      notify('success', t('production.purchases.cancelledNotice', { number: b.number }));
      await refresh();
    },
  });
  const bill = query.data;
  if (query.error)
    return (
      <Alert color="red" role="alert">
        {errorMessage(query.error, t)}
      </Alert>
    );
  if (!bill) return <Text>{t('common.loading')}</Text>;
  const writable = can('purchases.write');
  const actionError = validate.error ?? cancel.error;
  return (
    <>
      <PageHeader
        title={t('production.purchases.billTitle', {
          number: bill.number ?? t('production.purchases.draftNumber'),
        })}
        served={PURCHASES_SERVE}
        actions={
          <Group>
            {writable && bill.status === 'draft' ? (
              <Button
                loading={validate.isPending}
                onClick={() => validate.mutate()}
                data-testid="bill-validate"
              >
                {t('production.purchases.validate')}
              </Button>
            ) : null}
            {writable && bill.status === 'validated' && bill.paid === 0 ? (
              <Button
                color="red"
                variant="light"
                loading={cancel.isPending}
                onClick={() => {
                  if (window.confirm(t('production.purchases.cancelConfirm', { number: bill.number })))
                    cancel.mutate();
                }}
                data-testid="bill-cancel"
              >
                {t('production.purchases.cancel')}
              </Button>
            ) : null}
          </Group>
        }
      />
      <Stack gap="md">
        {actionError ? (
          <Alert color="red" role="alert" data-testid="bill-action-error">
            {errorMessage(actionError, t)}
          </Alert>
        ) : null}
        <Paper withBorder p="md" data-testid="bill-summary">
          <SimpleGrid cols={{ base: 1, sm: 2, md: 3 }} spacing="xs">
            <Text size="sm">
              {t('production.purchases.fields.status')} : <BillStatusBadge bill={bill} />
            </Text>
            <Text size="sm">
              {t('production.purchases.fields.supplier')} : {bill.supplierName}
            </Text>
            <Text size="sm">
              {t('production.purchases.fields.supplierRef')} : {bill.supplierRef}
            </Text>
            <Text size="sm">
              {t('production.purchases.fields.billDate')} : {day(bill.billDate)}
            </Text>
            <Text size="sm">
              {t('production.purchases.fields.dueDate')} : {day(bill.dueDate) || '—'}
            </Text>
            {bill.status === 'validated' ? (
              <Text size="sm" data-testid="bill-left-to-pay">
                {t('production.purchases.fields.leftToPay')} : {money(bill.leftToPay)}
              </Text>
            ) : null}
          </SimpleGrid>
        </Paper>
        <Table.ScrollContainer minWidth={640}>
          <Table verticalSpacing="xs" data-testid="bill-detail-lines">
            <caption>
              <VisuallyHidden>{t('production.purchases.linesCaption')}</VisuallyHidden>
            </caption>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('production.purchases.fields.label')}</Table.Th>
                <Table.Th>{t('production.purchases.fields.account')}</Table.Th>
                <Table.Th>{t('production.purchases.fields.vatRate')}</Table.Th>
                <Table.Th ta="right">{t('production.purchases.fields.netAmount')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {bill.lines.map((l, i) => (
                // biome-ignore lint/suspicious/noArrayIndexKey: lines have no id of their own in the DTO
                <Table.Tr key={i}>
                  <Table.Td>{l.label}</Table.Td>
                  <Table.Td>{l.account}</Table.Td>
                  <Table.Td>{formatRate(l.vatRate)} %</Table.Td>
                  <Table.Td ta="right">{money(l.netAmount)}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
            <Table.Tfoot>
              <Table.Tr>
                <Table.Th colSpan={3}>{t('production.purchases.fields.totalNet')}</Table.Th>
                <Table.Td ta="right">{money(bill.totalNet)}</Table.Td>
              </Table.Tr>
              {bill.vatBreakdown.map((g) => (
                <Table.Tr key={g.rate}>
                  <Table.Th colSpan={3}>
                    {t('production.purchases.vatAt', { rate: formatRate(g.rate) })}
                  </Table.Th>
                  <Table.Td ta="right">{money(g.vat)}</Table.Td>
                </Table.Tr>
              ))}
              <Table.Tr>
                <Table.Th colSpan={3}>{t('production.purchases.fields.total')}</Table.Th>
                <Table.Td ta="right" fw={700} data-testid="bill-total">
                  {money(bill.total)}
                </Table.Td>
              </Table.Tr>
            </Table.Tfoot>
          </Table>
        </Table.ScrollContainer>
        {bill.payments.length > 0 ? (
          <Paper withBorder p="md" data-testid="bill-payments">
            <Title order={2} size="h4" mb="sm">
              {t('production.purchases.paymentsTitle')}
            </Title>
            <Stack gap={4}>
              {bill.payments.map((p) => (
                <PaymentLine key={p.id} orgId={orgId} bill={bill} payment={p} writable={writable} />
              ))}
            </Stack>
          </Paper>
        ) : null}
        {writable && bill.status === 'validated' && bill.leftToPay > 0 ? (
          <PaymentForm key={bill.leftToPay} orgId={orgId} bill={bill} />
        ) : null}
      </Stack>
    </>
  );
}
