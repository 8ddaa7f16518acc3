import { todayIn } from '../../kernel/dates/index.ts';
import type { Db } from '../../kernel/db/index.ts';
import type { OpenInvoiceDto } from './contract.ts';
import { paymentOf } from './payment-status.ts';

// What is left to pay on validated invoices: total − validated credit notes on it − allocations of the
// receipts still in force. Derived each time from the documents (never a stored balance to keep in step);
// the ledger's lettering mirrors it for the accountant.

export async function organisationToday(db: Db, orgId: string): Promise<string> {
  const org = await db
    .selectFrom('organisation')
    .select('time_zone')
    .where('org_id', '=', orgId)
    .executeTakeFirstOrThrow();
  return todayIn(org.time_zone);
}

/**
 * Locks a customer's row until commit (a no-op update): receipts and uses of customer credit for the same
 * customer serialise, so an invoice is never paid twice by two of them at once.
 */
export async function lockCustomer(trx: Db, orgId: string, customerId: string): Promise<void> {
  await trx
    .updateTable('party')
    .set((eb) => ({ updated_at: eb.ref('updated_at') }))
    .where('org_id', '=', orgId)
    .where('id', '=', customerId)
    .execute();
}

/**
 * Credit notes, allocations and reminder levels per invoice. With `upTo`, only what stood on that day:
 * credit notes issued by then, allocations of receipts dated by then and not cancelled by then.
 */
async function sumsByInvoice(db: Db, orgId: string, invoiceIds: readonly string[], upTo?: string) {
  const credited = new Map<string, number>();
  const paid = new Map<string, number>();
  const reminded = new Map<string, number>();
  for (let i = 0; i < invoiceIds.length; i += 500) {
    const chunk = invoiceIds.slice(i, i + 500);
    let notes = db
      .selectFrom('relations_invoice')
      .select((eb) => [
        'credited_invoice_id',
        eb.cast<number>(eb.fn.coalesce(eb.fn.sum<number>('total'), eb.lit(0)), 'bigint').as('sum'),
      ])
      .where('org_id', '=', orgId)
      .where('status', '=', 'validated')
      .where('credited_invoice_id', 'in', chunk);
    let allocations = db
      .selectFrom('relations_receipt_allocation as a')
      .innerJoin('relations_receipt as r', (j) =>
        j.onRef('r.org_id', '=', 'a.org_id').onRef('r.id', '=', 'a.receipt_id'),
      )
      .select((eb) => [
        'a.invoice_id',
        eb.cast<number>(eb.fn.coalesce(eb.fn.sum<number>('a.amount'), eb.lit(0)), 'bigint').as('sum'),
      ])
      .where('a.org_id', '=', orgId)
      .where('a.invoice_id', 'in', chunk);
    if (upTo) {
      notes = notes.where('issue_date', '<=', upTo);
      // A receipt cancelled later was still in force: its reversal is dated after `upTo`.
      allocations = allocations
        .where('r.receipt_date', '<=', upTo)
        .where((eb) => eb.or([eb('r.status', '=', 'validated'), eb('r.cancelled_on', '>', upTo)]));
    } else allocations = allocations.where('r.status', '=', 'validated');
    const [noteSums, allocationSums, reminders] = await Promise.all([
      notes.groupBy('credited_invoice_id').execute(),
      allocations.groupBy('a.invoice_id').execute(),
      db
        .selectFrom('relations_reminder_invoice as ri')
        .innerJoin('relations_reminder as m', (j) =>
          j.onRef('m.org_id', '=', 'ri.org_id').onRef('m.id', '=', 'ri.reminder_id'),
        )
        .select((eb) => ['ri.invoice_id', eb.cast<number>(eb.fn.max('m.level'), 'bigint').as('level')])
        .where('ri.org_id', '=', orgId)
        .where('ri.invoice_id', 'in', chunk)
        .groupBy('ri.invoice_id')
        .execute(),
    ]);
    for (const n of noteSums) credited.set(n.credited_invoice_id!, Number(n.sum));
    for (const a of allocationSums) paid.set(a.invoice_id, Number(a.sum));
    for (const r of reminders) reminded.set(r.invoice_id, Number(r.level));
  }
  return { credited, paid, reminded };
}

/**
 * The payment state of validated invoices (credit notes excluded), on `asOf`. With `upTo`, as the
 * documents stood on that day (invoices issued by then, see `sumsByInvoice`), as the ledger has them.
 */
export async function invoicesWithPayments(
  db: Db,
  orgId: string,
  filter: { invoiceIds?: readonly string[]; customerId?: string; openOnly?: boolean; upTo?: string },
  asOf: string,
): Promise<OpenInvoiceDto[]> {
  if (filter.invoiceIds && filter.invoiceIds.length === 0) return [];
  let select = db
    .selectFrom('relations_invoice as i')
    .innerJoin('party as p', (j) => j.onRef('p.org_id', '=', 'i.org_id').onRef('p.id', '=', 'i.customer_id'))
    .select([
      'i.id',
      'i.number',
      'i.customer_id',
      'p.name as customer_name',
      'i.issue_date',
      'i.due_date',
      'i.total',
    ])
    .where('i.org_id', '=', orgId)
    .where('i.status', '=', 'validated')
    .where('i.kind', '=', 'invoice');
  if (filter.invoiceIds) select = select.where('i.id', 'in', [...filter.invoiceIds]);
  if (filter.customerId) select = select.where('i.customer_id', '=', filter.customerId);
  if (filter.upTo) select = select.where('i.issue_date', '<=', filter.upTo);
  const rows = await select.orderBy('i.due_date').orderBy('i.number').execute();
  const sums = await sumsByInvoice(
    db,
    orgId,
    rows.map((r) => r.id),
    filter.upTo,
  );
  const all = rows.map((r) => ({
    invoiceId: r.id,
    number: r.number!,
    customerId: r.customer_id,
    customerName: r.customer_name,
    issueDate: r.issue_date!,
    dueDate: r.due_date,
    total: Number(r.total),
    ...paymentOf(
      {
        total: Number(r.total),
        credited: sums.credited.get(r.id) ?? 0,
        paid: sums.paid.get(r.id) ?? 0,
        dueDate: r.due_date,
      },
      asOf,
    ),
    lastReminderLevel: sums.reminded.get(r.id) ?? 0,
  }));
  return filter.openOnly ? all.filter((i) => i.remaining > 0) : all;
}
