import { recordAudit } from '../../kernel/audit/audit.ts';
import { compareDates, formatDateFr } from '../../kernel/dates/index.ts';
import type { Db } from '../../kernel/db/index.ts';
import {
  conflict,
  type FieldIssue,
  invalid,
  notFound,
  ruleBroken,
} from '../../kernel/errors/domain-error.ts';
import { newId } from '../../kernel/ids.ts';
import { formatAmount } from '../../kernel/money/index.ts';
import { post, reverse } from '../../ledger/index.ts';
import type { ReceiptDto, ReceiptInput } from './contract.ts';
import { invoicesWithPayments, lockCustomer } from './outstanding.ts';
import { letterCancellation, letterWithInvoice, receivableLines } from './receipt-lettering.ts';
import { receiptPosting } from './receipt-posting.ts';
import { getReceipt } from './receipt-read.ts';
import { nextDocumentNumber } from './series.ts';

// A receipt is recorded and validated in one step: number, entry in the bank or cash journal, lettering
// with the invoices it pays. It never changes afterwards; a mistake is cancelled by reversing its entry.

/** Checks the allocations against what is left to pay; refuses with French messages, writes nothing. */
async function checkAllocations(trx: Db, orgId: string, input: ReceiptInput) {
  const ids = input.allocations.map((a) => a.invoiceId);
  if (new Set(ids).size !== ids.length)
    throw invalid('Une facture n’apparaît qu’une fois dans la répartition.', [
      { field: 'allocations', message: 'Facture en double.' },
    ]);
  const invoices = new Map(
    (await invoicesWithPayments(trx, orgId, { invoiceIds: ids }, input.date)).map((i) => [i.invoiceId, i]),
  );
  const issues: FieldIssue[] = [];
  input.allocations.forEach((a, i) => {
    const invoice = invoices.get(a.invoiceId);
    if (!invoice || invoice.customerId !== input.customerId)
      issues.push({
        field: `allocations.${i}.invoiceId`,
        message: 'Facture validée de ce client introuvable.',
      });
    else if (a.amount > invoice.remaining)
      issues.push({
        field: `allocations.${i}.amount`,
        message: `Le montant imputé (${formatAmount(a.amount)}) dépasse le reste dû sur la facture ${invoice.number} (${formatAmount(invoice.remaining)}).`,
      });
  });
  if (issues.length > 0) throw invalid(issues[0]!.message, issues);
  const allocated = input.allocations.reduce((s, a) => s + a.amount, 0);
  if (allocated > input.amount)
    throw invalid(
      `La répartition (${formatAmount(allocated)}) dépasse le montant encaissé (${formatAmount(input.amount)}).`,
      [{ field: 'allocations', message: 'Répartition supérieure au montant encaissé.' }],
    );
  const excess = input.amount - allocated;
  if (excess > 0 && input.excess !== 'keep_as_credit')
    throw invalid(
      `Le paiement (${formatAmount(input.amount)}) dépasse de ${formatAmount(excess)} ce qui est imputé aux factures : choisissez de garder l’excédent au crédit du client, ou corrigez le montant ou la répartition.`,
      [{ field: 'excess', message: 'Choisissez quoi faire de l’excédent.' }],
    );
  return { invoices, excess };
}

export async function recordReceipt(
  trx: Db,
  orgId: string,
  input: ReceiptInput,
  actorId: string | null,
): Promise<ReceiptDto> {
  const customer = await trx
    .selectFrom('party')
    .select(['id', 'name'])
    .where('org_id', '=', orgId)
    .where('id', '=', input.customerId)
    .executeTakeFirst();
  if (!customer) throw notFound('Client');
  await lockCustomer(trx, orgId, customer.id);
  // The number first: its counter row stays locked until commit, so two receipts recorded at once wait
  // for each other and the second sees what the first allocated (no invoice paid twice). A refusal
  // rolls back and gives the number back.
  const number = await nextDocumentNumber(trx, orgId, 'RC', input.date);
  const { invoices, excess } = await checkAllocations(trx, orgId, input);
  const id = newId();
  const allocations = input.allocations.map((a) => ({
    ...a,
    invoiceNumber: invoices.get(a.invoiceId)!.number,
  }));
  const entry = await post(
    trx,
    orgId,
    receiptPosting({
      id,
      number,
      date: input.date,
      method: input.method,
      amount: input.amount,
      reference: input.reference,
      customerId: customer.id,
      customerName: customer.name,
      allocations,
      unallocated: excess,
    }),
    actorId,
  );
  await trx
    .insertInto('relations_receipt')
    .values({
      org_id: orgId,
      id,
      number,
      customer_id: customer.id,
      receipt_date: input.date,
      method: input.method,
      amount: input.amount,
      reference: input.reference,
      unallocated: excess,
      status: 'validated',
      ledger_entry_id: entry.id,
      deposit_slip_id: null,
      cancelled_on: null,
      cancellation_entry_id: null,
      created_at: new Date().toISOString(),
      created_by: actorId,
    })
    .execute();
  if (allocations.length > 0)
    await trx
      .insertInto('relations_receipt_allocation')
      .values(
        allocations.map((a) => ({
          org_id: orgId,
          id: newId(),
          receipt_id: id,
          invoice_id: a.invoiceId,
          amount: a.amount,
        })),
      )
      .execute();
  // The 411 credit lines come in the order of the allocations (receipt-posting.ts).
  const lines = receivableLines(entry);
  for (const [i, a] of allocations.entries())
    await letterWithInvoice(trx, orgId, a.invoiceId, lines[i]!.id, actorId);
  await recordAudit(trx, {
    orgId,
    actorId,
    action: 'relations.receipt.recorded',
    entity: 'relations_receipt',
    entityId: id,
    after: {
      number,
      customerId: customer.id,
      date: input.date,
      method: input.method,
      amount: input.amount,
      allocations: input.allocations,
      unallocated: excess,
      ledgerEntryId: entry.id,
    },
  });
  return getReceipt(trx, orgId, id);
}

/**
 * Cancels a receipt (a bounced cheque, a payment recorded twice): its entry is reversed on `date`, its
 * lettering undone (the invoices are open again) and the reversal lettered with it.
 */
export async function cancelReceipt(
  trx: Db,
  orgId: string,
  receiptId: string,
  date: string,
  actorId: string | null,
): Promise<ReceiptDto> {
  const before = await getReceipt(trx, orgId, receiptId);
  if (before.status === 'cancelled') throw conflict('Cet encaissement est déjà annulé.');
  if (compareDates(date, before.date) < 0)
    throw invalid(`L’annulation ne peut pas précéder l’encaissement (${formatDateFr(before.date)}).`, [
      { field: 'date', message: 'Date antérieure à l’encaissement.' },
    ]);
  if (before.depositSlipId)
    throw ruleBroken(
      `Ce chèque a été remis en banque (bordereau ${before.depositSlipNumber}) : enregistrez l’impayé par une écriture de banque.`,
      'receipt-deposited',
    );
  const reversal = await reverse(trx, orgId, before.ledgerEntryId, date, actorId);
  await letterCancellation(trx, orgId, before.ledgerEntryId, reversal, actorId);
  await trx
    .updateTable('relations_receipt')
    .set({ status: 'cancelled', cancelled_on: date, cancellation_entry_id: reversal.id })
    .where('org_id', '=', orgId)
    .where('id', '=', receiptId)
    .where('status', '=', 'validated')
    .execute();
  const after = await getReceipt(trx, orgId, receiptId);
  await recordAudit(trx, {
    orgId,
    actorId,
    action: 'relations.receipt.cancelled',
    entity: 'relations_receipt',
    entityId: receiptId,
    before: { status: before.status },
    after: { status: after.status, cancelledOn: date, cancellationEntryId: reversal.id },
  });
  return after;
}
