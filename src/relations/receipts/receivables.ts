import type { Db } from '../../kernel/db/index.ts';
import { accountBalance } from '../../ledger/index.ts';
import { RECEIVABLE_ACCOUNT } from '../invoices/invoice-posting.ts';
import type { AgedReceivablesDto, AvailableCreditDto, OpenInvoiceDto, ReceivablesQuery } from './contract.ts';
import { invoicesWithPayments, organisationToday } from './outstanding.ts';
import { addToBuckets, emptyBuckets } from './payment-status.ts';

// Aged receivables (balance âgée clients) from the invoices and receipts of area 1, per customer, as the
// documents stood on `asOf`, and how they add up to the customer accounts of the ledger: open invoices
// − available credits (decision 0027) = net amount due = balance of 411 on `asOf`.

/**
 * The parts of receipts kept as credit on `asOf`: what is unallocated today, plus what was allocated
 * since to invoices issued after `asOf` (a credit used later was still available then).
 */
async function receiptCredits(
  db: Db,
  orgId: string,
  asOf: string,
  customerId: string | undefined,
): Promise<AvailableCreditDto[]> {
  const receipts = () =>
    db
      .selectFrom('relations_receipt as r')
      .innerJoin('party as p', (j) =>
        j.onRef('p.org_id', '=', 'r.org_id').onRef('p.id', '=', 'r.customer_id'),
      );
  const inForce = (q: ReturnType<typeof receipts>) =>
    q
      .where('r.org_id', '=', orgId)
      .where('r.receipt_date', '<=', asOf)
      // A receipt cancelled after `asOf` was still in force on it (its reversal is dated later).
      .where((eb) => eb.or([eb('r.status', '=', 'validated'), eb('r.cancelled_on', '>', asOf)]))
      .$if(customerId !== undefined, (q) => q.where('r.customer_id', '=', customerId!));
  const [unallocated, usedLater] = await Promise.all([
    inForce(receipts())
      .select([
        'r.id',
        'r.number',
        'r.receipt_date',
        'r.customer_id',
        'p.name as customer_name',
        'r.unallocated',
      ])
      .where('r.unallocated', '>', 0)
      .execute(),
    // Usually none: credits used since on invoices issued after `asOf`.
    inForce(receipts())
      .innerJoin('relations_receipt_allocation as a', (j) =>
        j.onRef('a.org_id', '=', 'r.org_id').onRef('a.receipt_id', '=', 'r.id'),
      )
      .innerJoin('relations_invoice as i', (j) =>
        j.onRef('i.org_id', '=', 'a.org_id').onRef('i.id', '=', 'a.invoice_id'),
      )
      .select(['r.id', 'r.number', 'r.receipt_date', 'r.customer_id', 'p.name as customer_name', 'a.amount'])
      .where('i.issue_date', '>', asOf)
      .execute(),
  ]);
  const credits = new Map<string, AvailableCreditDto>();
  for (const r of [
    ...unallocated.map((r) => ({ ...r, amount: Number(r.unallocated) })),
    ...usedLater.map((r) => ({ ...r, amount: Number(r.amount) })),
  ]) {
    const credit = credits.get(r.id) ?? {
      source: 'receipt' as const,
      documentId: r.id,
      number: r.number,
      date: r.receipt_date,
      customerId: r.customer_id,
      customerName: r.customer_name,
      invoiceId: null,
      invoiceNumber: null,
      amount: 0,
    };
    credit.amount += r.amount;
    credits.set(r.id, credit);
  }
  return [...credits.values()];
}

/**
 * Credit notes beyond what was left to pay on their invoice (an invoice paid, then credited): the excess
 * stays on the customer's 411 as a credit. It is put on the latest credit notes of the invoice first.
 */
async function creditNoteCredits(
  db: Db,
  orgId: string,
  asOf: string,
  invoices: readonly OpenInvoiceDto[],
): Promise<AvailableCreditDto[]> {
  const over = new Map(
    invoices.filter((i) => i.paid + i.credited > i.total).map((i) => [i.invoiceId, i] as const),
  );
  if (over.size === 0) return [];
  const credits: AvailableCreditDto[] = [];
  const ids = [...over.keys()];
  const left = new Map([...over.values()].map((i) => [i.invoiceId, i.paid + i.credited - i.total]));
  for (let i = 0; i < ids.length; i += 500) {
    const notes = await db
      .selectFrom('relations_invoice')
      .select(['id', 'number', 'issue_date', 'total', 'credited_invoice_id'])
      .where('org_id', '=', orgId)
      .where('kind', '=', 'credit_note')
      .where('status', '=', 'validated')
      .where('issue_date', '<=', asOf)
      .where('credited_invoice_id', 'in', ids.slice(i, i + 500))
      .orderBy('issue_date', 'desc')
      .orderBy('number', 'desc')
      .execute();
    for (const note of notes) {
      const invoice = over.get(note.credited_invoice_id!)!;
      const amount = Math.min(left.get(invoice.invoiceId) ?? 0, Number(note.total));
      if (amount <= 0) continue;
      left.set(invoice.invoiceId, (left.get(invoice.invoiceId) ?? 0) - amount);
      credits.push({
        source: 'credit_note',
        documentId: note.id,
        number: note.number!,
        date: note.issue_date!,
        customerId: invoice.customerId,
        customerName: invoice.customerName,
        invoiceId: invoice.invoiceId,
        invoiceNumber: invoice.number,
        amount,
      });
    }
  }
  return credits;
}

export async function agedReceivables(
  db: Db,
  orgId: string,
  query: ReceivablesQuery,
): Promise<AgedReceivablesDto> {
  const asOf = query.asOf ?? (await organisationToday(db, orgId));
  const all = await invoicesWithPayments(db, orgId, { customerId: query.customerId, upTo: asOf }, asOf);
  const invoices = all.filter((i) => i.remaining > 0);
  const credits = [
    ...(await receiptCredits(db, orgId, asOf, query.customerId)),
    ...(await creditNoteCredits(db, orgId, asOf, all)),
  ].sort(
    (a, b) =>
      a.customerName.localeCompare(b.customerName) ||
      a.date.localeCompare(b.date) ||
      a.number.localeCompare(b.number),
  );
  const creditOf = new Map<string, number>();
  for (const c of credits) creditOf.set(c.customerId, (creditOf.get(c.customerId) ?? 0) + c.amount);

  const customers = new Map<string, AgedReceivablesDto['customers'][number]>();
  const totals = emptyBuckets();
  for (const invoice of invoices) {
    let row = customers.get(invoice.customerId);
    if (!row) {
      row = {
        customerId: invoice.customerId,
        customerName: invoice.customerName,
        ...emptyBuckets(),
        credit: creditOf.get(invoice.customerId) ?? 0,
        lastReminderLevel: 0,
      };
      customers.set(invoice.customerId, row);
    }
    const due = invoice.daysLate > 0;
    addToBuckets(row, invoice.remaining, invoice.daysLate, due);
    addToBuckets(totals, invoice.remaining, invoice.daysLate, due);
    row.lastReminderLevel = Math.max(row.lastReminderLevel, invoice.lastReminderLevel);
  }

  const creditTotal = credits.reduce((s, c) => s + c.amount, 0);
  const netDue = totals.total - creditTotal;
  const ledgerBalance = await accountBalance(db, orgId, {
    accountPrefix: RECEIVABLE_ACCOUNT,
    asOf,
    partyId: query.customerId,
  });
  return {
    asOf,
    customers: [...customers.values()].sort(
      (a, b) => b.total - b.notDue - (a.total - a.notDue) || a.customerName.localeCompare(b.customerName),
    ),
    totals,
    invoices,
    credits,
    reconciliation: {
      openInvoices: totals.total,
      credits: creditTotal,
      netDue,
      account: RECEIVABLE_ACCOUNT,
      ledgerBalance,
      difference: netDue - ledgerBalance,
    },
  };
}
