import { compareDates, daysBetween } from '../../kernel/dates/index.ts';
import type { AgedBucketsDto, InvoicePaymentDto } from './contract.ts';

// Pure: where an invoice stands on a given day, and in which age bucket its remaining amount falls.

export function paymentOf(
  invoice: { total: number; credited: number; paid: number; dueDate: string | null },
  asOf: string,
): InvoicePaymentDto {
  const remaining = Math.max(invoice.total - invoice.credited - invoice.paid, 0);
  const daysLate =
    remaining > 0 && invoice.dueDate && compareDates(invoice.dueDate, asOf) < 0
      ? daysBetween(invoice.dueDate, asOf)
      : 0;
  const status =
    remaining === 0
      ? 'paid'
      : daysLate > 0
        ? 'overdue'
        : invoice.paid + invoice.credited > 0
          ? 'partially_paid'
          : 'open';
  return { paid: invoice.paid, credited: invoice.credited, remaining, daysLate, status };
}

export const emptyBuckets = (): AgedBucketsDto => ({
  notDue: 0,
  days0to30: 0,
  days31to60: 0,
  days61to90: 0,
  over90: 0,
  total: 0,
});

/** Adds a remaining amount to its bucket: not due yet, 1–30 days late (shown "0–30"), 31–60, 61–90, >90. */
export function addToBuckets(buckets: AgedBucketsDto, remaining: number, daysLate: number, due: boolean) {
  if (!due) buckets.notDue += remaining;
  else if (daysLate <= 30) buckets.days0to30 += remaining;
  else if (daysLate <= 60) buckets.days31to60 += remaining;
  else if (daysLate <= 90) buckets.days61to90 += remaining;
  else buckets.over90 += remaining;
  buckets.total += remaining;
}
