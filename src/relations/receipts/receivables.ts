import type { Db } from '../../kernel/db/index.ts';
import type { AgedReceivablesDto, ReceivablesQuery } from './contract.ts';
import { invoicesWithPayments, organisationToday } from './outstanding.ts';
import { addToBuckets, emptyBuckets } from './payment-status.ts';

/** Aged receivables (balance âgée clients) from the invoices and receipts of area 1, per customer. */
export async function agedReceivables(
  db: Db,
  orgId: string,
  query: ReceivablesQuery,
): Promise<AgedReceivablesDto> {
  const asOf = query.asOf ?? (await organisationToday(db, orgId));
  const invoices = await invoicesWithPayments(
    db,
    orgId,
    { customerId: query.customerId, openOnly: true },
    asOf,
  );
  let creditQuery = db
    .selectFrom('relations_receipt')
    .select((eb) => [
      'customer_id',
      eb.cast<number>(eb.fn.coalesce(eb.fn.sum<number>('unallocated'), eb.lit(0)), 'bigint').as('credit'),
    ])
    .where('org_id', '=', orgId)
    .where('status', '=', 'validated')
    .where('unallocated', '>', 0);
  if (query.customerId) creditQuery = creditQuery.where('customer_id', '=', query.customerId);
  const credits = new Map(
    (await creditQuery.groupBy('customer_id').execute()).map((c) => [c.customer_id, Number(c.credit)]),
  );
  const customers = new Map<string, AgedReceivablesDto['customers'][number]>();
  const totals = emptyBuckets();
  for (const invoice of invoices) {
    let row = customers.get(invoice.customerId);
    if (!row) {
      row = {
        customerId: invoice.customerId,
        customerName: invoice.customerName,
        ...emptyBuckets(),
        credit: credits.get(invoice.customerId) ?? 0,
        lastReminderLevel: 0,
      };
      customers.set(invoice.customerId, row);
    }
    const due = invoice.daysLate > 0;
    addToBuckets(row, invoice.remaining, invoice.daysLate, due);
    addToBuckets(totals, invoice.remaining, invoice.daysLate, due);
    row.lastReminderLevel = Math.max(row.lastReminderLevel, invoice.lastReminderLevel);
  }
  return {
    asOf,
    customers: [...customers.values()].sort(
      (a, b) => b.total - b.notDue - (a.total - a.notDue) || a.customerName.localeCompare(b.customerName),
    ),
    totals,
    invoices,
  };
}
