import {
  Alert,
  Button,
  Checkbox,
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
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { todayIn } from '../../../../src/kernel/dates/index.ts';
import { type PaymentMethod, paymentMethods } from '../../../../src/relations/receipts/contract.ts';
import { RECEIPTS_SERVE } from '../../referentiel/activities.ts';
import { errorMessage } from '../../ui/errors.ts';
import { notify } from '../../ui/notify.ts';
import { PageHeader } from '../../ui/PageHeader.tsx';
import { day, money } from './format.ts';
import { PaymentBadge } from './PaymentBadge.tsx';
import { allocateOldestFirst, centsToInput, parseEuros } from './receipt-form-model.ts';
import { receiptKeys, receivablesQuery, recordReceipt } from './receipts-api.ts';
import { customersQuery, newIdempotencyKey, relationsKeys } from './relations-api.ts';

const route = getRouteApi('/orgs/$orgId/relations/receipts/new');

export function parseNewReceiptSearch(search: Record<string, unknown>): {
  customerId?: string;
  invoiceId?: string;
} {
  const id = (v: unknown) => (typeof v === 'string' && v ? v.slice(0, 64) : undefined);
  return { customerId: id(search.customerId), invoiceId: id(search.invoiceId) };
}

export function NewReceiptPage() {
  const { t } = useTranslation();
  const { orgId } = route.useParams();
  const search = route.useSearch();
  const navigate = route.useNavigate();
  const queryClient = useQueryClient();
  const customers = useQuery(customersQuery(orgId));
  const [customerId, setCustomerId] = useState(search.customerId ?? '');
  const [date, setDate] = useState(todayIn());
  const [method, setMethod] = useState<PaymentMethod>('transfer');
  const [reference, setReference] = useState('');
  const [amountText, setAmountText] = useState('');
  const [shares, setShares] = useState<Record<string, string>>({});
  const [keepCredit, setKeepCredit] = useState(false);
  const [idempotencyKey] = useState(newIdempotencyKey);
  const open = useQuery({ ...receivablesQuery(orgId, customerId), enabled: customerId !== '' });
  const invoices = useMemo(() => open.data?.invoices ?? [], [open.data]);

  // Coming from an invoice: its remaining amount, allocated to it.
  useEffect(() => {
    if (!search.invoiceId || amountText !== '') return;
    const invoice = invoices.find((i) => i.invoiceId === search.invoiceId);
    if (!invoice) return;
    setAmountText(centsToInput(invoice.remaining));
    setShares({ [invoice.invoiceId]: centsToInput(invoice.remaining) });
  }, [invoices, search.invoiceId, amountText]);

  const amount = parseEuros(amountText);
  const allocations = invoices
    .map((i) => ({ invoiceId: i.invoiceId, amount: parseEuros(shares[i.invoiceId] ?? '') ?? 0 }))
    .filter((a) => a.amount > 0);
  const allocated = allocations.reduce((s, a) => s + a.amount, 0);
  const excess = amount === null ? 0 : amount - allocated;

  const spread = (cents: number | null) => {
    if (cents === null) return;
    const split = allocateOldestFirst(cents, invoices);
    setShares(Object.fromEntries(Object.entries(split).map(([id, c]) => [id, c > 0 ? centsToInput(c) : ''])));
  };

  const save = useMutation({
    mutationFn: () =>
      recordReceipt(
        orgId,
        {
          customerId,
          date,
          method,
          amount: amount ?? 0,
          reference: reference.trim() || null,
          allocations,
          excess: keepCredit && excess > 0 ? 'keep_as_credit' : null,
        },
        idempotencyKey,
      ),
    onSuccess: async (receipt) => {
      notify('success', t('relations.receipts.recorded', { number: receipt.number }));
      await queryClient.invalidateQueries({ queryKey: receiptKeys.all(orgId) });
      await queryClient.invalidateQueries({ queryKey: receiptKeys.receivables(orgId) });
      await queryClient.invalidateQueries({ queryKey: relationsKeys.invoices(orgId) });
      if (search.invoiceId)
        await navigate({
          to: '/orgs/$orgId/relations/invoices/$invoiceId',
          params: { orgId, invoiceId: search.invoiceId },
        });
      else await navigate({ to: '/orgs/$orgId/relations/receipts', params: { orgId } });
    },
  });

  return (
    <>
      <PageHeader title={t('relations.receipts.newTitle')} served={RECEIPTS_SERVE} />
      <form
        onSubmit={(e) => {
          e.preventDefault();
          save.mutate();
        }}
        data-testid="receipt-form"
      >
        <Stack gap="md">
          <Paper withBorder p="md">
            <SimpleGrid cols={{ base: 1, sm: 2, md: 3 }} spacing="sm">
              <NativeSelect
                label={t('relations.receipts.fields.customer')}
                required
                value={customerId}
                onChange={(e) => {
                  setCustomerId(e.currentTarget.value);
                  setShares({});
                }}
                data={[
                  { value: '', label: t('relations.receipts.chooseCustomer') },
                  ...(customers.data?.items ?? []).map((c) => ({ value: c.id, label: c.name })),
                ]}
                data-testid="receipt-customer"
              />
              <TextInput
                type="date"
                label={t('relations.receipts.fields.date')}
                required
                value={date}
                onChange={(e) => setDate(e.currentTarget.value)}
                data-testid="receipt-date"
              />
              <NativeSelect
                label={t('relations.receipts.fields.method')}
                value={method}
                onChange={(e) => setMethod(e.currentTarget.value as PaymentMethod)}
                data={paymentMethods.map((m) => ({ value: m, label: t(`relations.receipts.methods.${m}`) }))}
                data-testid="receipt-method"
              />
              <TextInput
                label={t('relations.receipts.fields.reference')}
                description={t('relations.receipts.hints.reference')}
                value={reference}
                maxLength={100}
                onChange={(e) => setReference(e.currentTarget.value)}
                data-testid="receipt-reference"
              />
              <TextInput
                label={t('relations.receipts.fields.amount')}
                description={t('relations.receipts.hints.amount')}
                required
                inputMode="decimal"
                value={amountText}
                error={
                  amountText !== '' && amount === null ? t('relations.receipts.errors.amount') : undefined
                }
                onChange={(e) => {
                  setAmountText(e.currentTarget.value);
                  spread(parseEuros(e.currentTarget.value));
                }}
                data-testid="receipt-amount"
              />
            </SimpleGrid>
          </Paper>
          <Paper withBorder p="md">
            <Title order={2} size="h4" mb="sm">
              {t('relations.receipts.openInvoices')}
            </Title>
            {customerId === '' ? (
              <Text size="sm">{t('relations.receipts.pickCustomerFirst')}</Text>
            ) : invoices.length === 0 && !open.isPending ? (
              <Text size="sm" data-testid="receipt-no-invoice">
                {t('relations.receipts.noOpenInvoice')}
              </Text>
            ) : (
              <Table.ScrollContainer minWidth={640}>
                <Table verticalSpacing="xs" data-testid="receipt-allocations">
                  <caption>
                    <VisuallyHidden>{t('relations.receipts.openInvoices')}</VisuallyHidden>
                  </caption>
                  <Table.Thead>
                    <Table.Tr>
                      <Table.Th>{t('relations.invoices.fields.number')}</Table.Th>
                      <Table.Th>{t('relations.invoices.fields.dueDate')}</Table.Th>
                      <Table.Th ta="right">{t('relations.payment.remaining')}</Table.Th>
                      <Table.Th>{t('relations.invoices.fields.status')}</Table.Th>
                      <Table.Th ta="right">{t('relations.receipts.fields.allocated')}</Table.Th>
                    </Table.Tr>
                  </Table.Thead>
                  <Table.Tbody>
                    {invoices.map((i) => (
                      <Table.Tr key={i.invoiceId} data-testid="receipt-allocation-row">
                        <Table.Td fw={600}>{i.number}</Table.Td>
                        <Table.Td>{day(i.dueDate)}</Table.Td>
                        <Table.Td ta="right">{money(i.remaining)}</Table.Td>
                        <Table.Td>
                          <PaymentBadge payment={i} />
                        </Table.Td>
                        <Table.Td ta="right">
                          <TextInput
                            size="xs"
                            w={120}
                            ml="auto"
                            inputMode="decimal"
                            aria-label={t('relations.receipts.allocateTo', { number: i.number })}
                            value={shares[i.invoiceId] ?? ''}
                            onChange={(e) => setShares({ ...shares, [i.invoiceId]: e.currentTarget.value })}
                            data-testid={`receipt-share-${i.number}`}
                          />
                        </Table.Td>
                      </Table.Tr>
                    ))}
                  </Table.Tbody>
                </Table>
              </Table.ScrollContainer>
            )}
            <Group justify="flex-end" gap="lg" mt="sm">
              <Text size="sm" data-testid="receipt-allocated">
                {t('relations.receipts.allocatedTotal', { amount: money(allocated) })}
              </Text>
              {excess > 0 ? (
                <Text size="sm" fw={600} data-testid="receipt-excess">
                  {t('relations.receipts.excess', { amount: money(excess) })}
                </Text>
              ) : null}
            </Group>
            {excess > 0 ? (
              <Checkbox
                mt="sm"
                label={t('relations.receipts.keepCredit', { amount: money(excess) })}
                checked={keepCredit}
                onChange={(e) => setKeepCredit(e.currentTarget.checked)}
                data-testid="receipt-keep-credit"
              />
            ) : null}
          </Paper>
          {save.isError ? (
            <Alert color="red" title={t('relations.receipts.refused')} data-testid="receipt-error">
              {errorMessage(save.error, t)}
            </Alert>
          ) : null}
          <Group>
            <Button type="submit" loading={save.isPending} data-testid="receipt-save">
              {t('relations.receipts.save')}
            </Button>
          </Group>
        </Stack>
      </form>
    </>
  );
}
