import { Button, Group, NativeSelect, Paper, SimpleGrid, Table, Text, TextInput, Title } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { SalesDocumentDto } from '../../../../src/relations/sales/contract.ts';
import { errorMessage } from '../../ui/errors.ts';
import { notify } from '../../ui/notify.ts';
import { frenchDecimal } from './invoice-form-model.ts';
import { newIdempotencyKey, relationsKeys } from './relations-api.ts';
import { useOpenDocument } from './SalesListPage.tsx';
import { deliverOrder, downPayment, invoiceOrder, salesKeys } from './sales-api.ts';

const decimalText = (text: string) => text.replace(/[\s\u00A0\u202F]/g, '');

/**
 * The conversions of a confirmed order: deliver (all or part of what remains), ask for a down payment,
 * invoice what was delivered (goods) or ordered (services) and not invoiced yet.
 */
export function OrderActions({ order, orgId }: { order: SalesDocumentDto; orgId: string }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const open = useOpenDocument(orgId);
  const deliverable = order.lines.filter((l) => l.kind === 'goods' && Number(l.toDeliver) > 0);
  const [quantities, setQuantities] = useState<Record<string, string>>(() =>
    Object.fromEntries(deliverable.map((l) => [l.id, frenchDecimal(l.toDeliver ?? '0')])),
  );
  const [percent, setPercent] = useState('30');
  const [mode, setMode] = useState<'percent' | 'amount'>('percent');
  // One key per screen and action: a double click makes one document.
  const [keys] = useState(() => ({
    deliver: newIdempotencyKey(),
    down: newIdempotencyKey(),
    invoice: newIdempotencyKey(),
  }));
  const refresh = async () => {
    await queryClient.invalidateQueries({ queryKey: salesKeys.all(orgId) });
    await queryClient.invalidateQueries({ queryKey: relationsKeys.invoices(orgId) });
  };
  const onError = (error: unknown) => notify('error', errorMessage(error, t));
  const deliver = useMutation({
    mutationFn: () =>
      deliverOrder(
        orgId,
        order.id,
        deliverable.map((l) => ({
          orderLineId: l.id,
          quantity: decimalText(quantities[l.id] ?? '0') || '0',
        })),
        keys.deliver,
      ),
    onSuccess: async (note) => {
      await refresh();
      notify('success', t('relations.sales.order.delivered', { number: note.number }));
      await open('delivery_note', note.id);
    },
    onError,
  });
  const down = useMutation({
    mutationFn: () =>
      downPayment(
        orgId,
        order.id,
        mode === 'percent' ? { percent: decimalText(percent) } : { amount: decimalText(percent) },
        keys.down,
      ),
    onSuccess: async (invoice) => {
      await refresh();
      notify('success', t('relations.sales.order.downPaymentCreated'));
      await open('invoice', invoice.id);
    },
    onError,
  });
  const invoice = useMutation({
    mutationFn: () => invoiceOrder(orgId, order.id, keys.invoice),
    onSuccess: async (created) => {
      await refresh();
      notify('success', t('relations.sales.order.invoiceCreated'));
      await open('invoice', created.id);
    },
    onError,
  });
  const toInvoice = order.lines.some((l) => Number(l.toInvoice) > 0);
  return (
    <SimpleGrid cols={{ base: 1, md: 2 }} spacing="md">
      <Paper withBorder p="md" data-testid="order-delivery">
        <Title order={2} size="h4" mb="sm" id="order-delivery-title">
          {t('relations.sales.order.deliveryTitle')}
        </Title>
        {deliverable.length === 0 ? (
          <Text size="sm">{t('relations.sales.order.allDelivered')}</Text>
        ) : (
          <>
            <Table verticalSpacing={4} aria-labelledby="order-delivery-title">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('relations.invoices.lines.label')}</Table.Th>
                  <Table.Th ta="right">{t('relations.sales.lines.toDeliver')}</Table.Th>
                  <Table.Th ta="right">{t('relations.sales.lines.deliverNow')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {deliverable.map((l) => (
                  <Table.Tr key={l.id}>
                    <Table.Td>{l.label}</Table.Td>
                    <Table.Td ta="right">{frenchDecimal(l.toDeliver ?? '0')}</Table.Td>
                    <Table.Td>
                      <TextInput
                        size="xs"
                        maw={110}
                        ml="auto"
                        inputMode="decimal"
                        aria-label={t('relations.sales.lines.deliverNowOf', { label: l.label })}
                        value={quantities[l.id] ?? ''}
                        onChange={(e) => {
                          const value = e.currentTarget.value;
                          setQuantities((q) => ({ ...q, [l.id]: value }));
                        }}
                        data-testid="deliver-quantity"
                      />
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
            <Button
              mt="sm"
              loading={deliver.isPending}
              onClick={() => deliver.mutate()}
              data-testid="order-deliver"
            >
              {t('relations.sales.order.deliver')}
            </Button>
          </>
        )}
      </Paper>
      <Paper withBorder p="md" data-testid="order-invoicing">
        <Title order={2} size="h4" mb="sm">
          {t('relations.sales.order.invoicingTitle')}
        </Title>
        <Group align="flex-end" gap="sm" mb="md">
          <NativeSelect
            label={t('relations.sales.order.downPaymentMode')}
            value={mode}
            onChange={(e) => setMode(e.currentTarget.value === 'amount' ? 'amount' : 'percent')}
            data={[
              { value: 'percent', label: t('relations.sales.order.downPaymentPercent') },
              { value: 'amount', label: t('relations.sales.order.downPaymentAmount') },
            ]}
            data-testid="down-payment-mode"
          />
          <TextInput
            label={t(
              mode === 'percent'
                ? 'relations.sales.order.downPaymentPercent'
                : 'relations.sales.order.downPaymentAmount',
            )}
            inputMode="decimal"
            maw={160}
            value={percent}
            onChange={(e) => setPercent(e.currentTarget.value)}
            data-testid="down-payment-percent"
          />
          <Button
            variant="default"
            loading={down.isPending}
            onClick={() => down.mutate()}
            data-testid="order-down-payment"
          >
            {t('relations.sales.order.downPayment')}
          </Button>
        </Group>
        <Button
          loading={invoice.isPending}
          disabled={!toInvoice}
          onClick={() => invoice.mutate()}
          data-testid="order-invoice"
        >
          {t('relations.sales.order.invoice')}
        </Button>
        {!toInvoice ? (
          <Text size="sm" mt="xs">
            {t('relations.sales.order.nothingToInvoice')}
          </Text>
        ) : null}
      </Paper>
    </SimpleGrid>
  );
}
