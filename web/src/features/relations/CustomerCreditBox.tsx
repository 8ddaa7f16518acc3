import { Button, Group, Paper, Text, TextInput, Title } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { InvoiceDto } from '../../../../src/relations/invoices/contract.ts';
import { errorMessage } from '../../ui/errors.ts';
import { notify } from '../../ui/notify.ts';
import { money } from './format.ts';
import { centsToInput, parseEuros } from './receipt-form-model.ts';
import { applyCustomerCredit, customerCreditQuery, receiptKeys } from './receipts-api.ts';
import { invoiceQuery, relationsKeys } from './relations-api.ts';

/**
 * « Imputer le crédit client »: a customer's unused credit (an advance or an overpayment kept as credit)
 * settles part or all of this invoice; shown only when the customer has some and the invoice is not paid.
 */
export function CustomerCreditBox({ orgId, invoice }: { orgId: string; invoice: InvoiceDto }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const credit = useQuery(customerCreditQuery(orgId, invoice.customerId));
  const remaining = invoice.payment?.remaining ?? 0;
  const available = credit.data?.available ?? 0;
  const [text, setText] = useState<string | null>(null);
  const suggested = Math.min(available, remaining);
  const amountText = text ?? (suggested > 0 ? centsToInput(suggested) : '');
  const amount = parseEuros(amountText);
  const apply = useMutation({
    mutationFn: () => applyCustomerCredit(orgId, invoice.id, amount ?? 0),
    onSuccess: async (result) => {
      setText(null);
      await Promise.all([
        queryClient.invalidateQueries({ queryKey: invoiceQuery(orgId, invoice.id).queryKey }),
        queryClient.invalidateQueries({ queryKey: [...relationsKeys.invoices(orgId), 'list'] }),
        queryClient.invalidateQueries({ queryKey: receiptKeys.all(orgId) }),
        queryClient.invalidateQueries({ queryKey: receiptKeys.receivables(orgId) }),
      ]);
      notify('success', t('relations.credit.applied', { amount: money(result.amount) }));
    },
    onError: (error) => notify('error', errorMessage(error, t)),
  });
  if (remaining === 0 || available === 0) return null;
  return (
    <Paper withBorder p="md" data-testid="customer-credit">
      <Title order={2} size="h4" mb="xs">
        {t('relations.credit.title')}
      </Title>
      <Text size="sm" mb="sm" data-testid="customer-credit-available">
        {t('relations.credit.available', { amount: money(available) })}
      </Text>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          if (amount !== null && amount > 0) apply.mutate();
        }}
      >
        <Group align="flex-end" gap="sm">
          <TextInput
            label={t('relations.credit.amount')}
            inputMode="decimal"
            value={amountText}
            onChange={(e) => setText(e.currentTarget.value)}
            error={amountText !== '' && amount === null ? t('relations.receipts.errors.amount') : undefined}
            data-testid="customer-credit-amount"
          />
          <Button
            type="submit"
            loading={apply.isPending}
            disabled={amount === null || amount <= 0}
            data-testid="customer-credit-apply"
          >
            {t('relations.credit.apply')}
          </Button>
        </Group>
      </form>
    </Paper>
  );
}

/** On the customer file: the credit left to use, and from which receipts (nothing when there is none). */
export function CustomerCreditSummary({ orgId, customerId }: { orgId: string; customerId: string }) {
  const { t } = useTranslation();
  const credit = useQuery(customerCreditQuery(orgId, customerId));
  if (!credit.data || credit.data.available === 0) return null;
  return (
    <Text size="sm" data-testid="customer-file-credit">
      {t('relations.credit.onFile', {
        amount: money(credit.data.available),
        receipts: credit.data.credits.map((c) => c.receiptNumber).join(', '),
      })}
    </Text>
  );
}
