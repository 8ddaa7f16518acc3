import { Badge } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { InvoicePaymentDto } from '../../../../src/relations/receipts/contract.ts';

const COLORS = { paid: 'teal', partially_paid: 'blue', overdue: 'red', open: 'gray' } as const;

/** « Payée », « Partiellement payée », « En retard » or « À régler », from the invoice's payment state. */
export function PaymentBadge({ payment }: { payment: InvoicePaymentDto | null }) {
  const { t } = useTranslation();
  if (!payment) return null;
  return (
    <Badge size="sm" variant="light" color={COLORS[payment.status]} data-testid="invoice-payment-status">
      {t(`relations.payment.statuses.${payment.status}`)}
    </Badge>
  );
}
