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
import { formatNumber, takeNextNumber } from '../../kernel/numbering/numbering.ts';
import {
  getEntry,
  letter,
  letteringCandidates,
  listAccounts,
  listFiscalYears,
  post,
  reverse,
  unletter,
} from '../../ledger/index.ts';
import { formatRate, isKnownVatRate } from '../../relations/index.ts';
import { billPosting, PAYABLE_ACCOUNT, paymentPosting } from './bill-posting.ts';
import { getBill } from './bill-read.ts';
import { billTotals } from './bill-totals.ts';
import type { BillDto, BillInput, PaymentInput } from './contract.ts';

// A supplier bill is entered as a draft, then validated: our gap-free number (ACH-2026-0001), the
// purchase entry in journal AC. It never changes afterwards; an unpaid bill is cancelled by reversing its
// entry. Payments post to BQ; the 401 lines are lettered when the bill is paid in full. Every function
// runs in the caller's transaction and writes nothing when it refuses.

/**
 * The parties who send bills and stand on 401: suppliers of goods, service providers and subcontractors
 * (decision 0033).
 */
export const BILLING_ROLES = ['supplier', 'provider', 'subcontractor'] as const;

async function requireSupplier(trx: Db, orgId: string, supplierId: string) {
  const party = await trx
    .selectFrom('party')
    .select(['id', 'name'])
    .where('org_id', '=', orgId)
    .where('id', '=', supplierId)
    .executeTakeFirst();
  if (!party) throw notFound('Fournisseur');
  const role = await trx
    .selectFrom('party_role')
    .select('role')
    .where('org_id', '=', orgId)
    .where('party_id', '=', supplierId)
    .where('role', 'in', BILLING_ROLES)
    .executeTakeFirst();
  if (!role)
    throw invalid(
      `« ${party.name} » n’est ni fournisseur, ni prestataire, ni sous-traitant : ajoutez-lui l’un de ces rôles sur sa fiche pour enregistrer ses factures.`,
      [{ field: 'supplierId', message: 'Tiers sans le rôle fournisseur, prestataire ou sous-traitant.' }],
    );
  return party;
}

/** Lines on postable class 6 or 2 accounts of the chart, at a rate of data/vat.json. */
async function checkLines(trx: Db, orgId: string, input: BillInput) {
  const accounts = new Map(
    (await listAccounts(trx, orgId, { kind: 'general' })).filter((a) => a.postable).map((a) => [a.number, a]),
  );
  const issues: FieldIssue[] = [];
  input.lines.forEach((l, i) => {
    if (!/^[26]/.test(l.account) || !accounts.has(l.account))
      issues.push({
        field: `lines.${i}.account`,
        message: `Le compte ${l.account} n’est pas un compte de charges (classe 6) ou d’immobilisations (classe 2) du plan comptable.`,
      });
    if (!isKnownVatRate(l.vatRate))
      issues.push({
        field: `lines.${i}.vatRate`,
        message: `Taux de TVA inconnu : ${formatRate(l.vatRate)} %.`,
      });
  });
  if (input.dueDate && compareDates(input.dueDate, input.billDate) < 0)
    issues.push({ field: 'dueDate', message: 'L’échéance ne peut pas précéder la date de la facture.' });
  if (issues.length > 0) throw invalid(issues[0]!.message, issues);
}

/**
 * The supplier's invoice number is recorded once per supplier: a bill entered twice is refused. A cancelled
 * bill does not count, so a bill cancelled for a mistake is entered again, corrected, under the same number.
 */
async function checkDuplicate(trx: Db, orgId: string, input: BillInput, exceptId: string | null) {
  let query = trx
    .selectFrom('production_supplier_bill')
    .select(['id', 'number'])
    .where('org_id', '=', orgId)
    .where('supplier_id', '=', input.supplierId)
    .where('supplier_ref', '=', input.supplierRef)
    .where('status', '<>', 'cancelled');
  if (exceptId) query = query.where('id', '<>', exceptId);
  const existing = await query.executeTakeFirst();
  if (existing)
    throw invalid(
      `La facture n° ${input.supplierRef} de ce fournisseur est déjà enregistrée${existing.number ? ` (${existing.number})` : ''} : une facture ne s’enregistre qu’une fois.`,
      [{ field: 'supplierRef', message: 'Numéro déjà enregistré pour ce fournisseur.' }],
    );
}

async function writeLines(trx: Db, orgId: string, billId: string, input: BillInput) {
  await trx
    .insertInto('production_supplier_bill_line')
    .values(
      input.lines.map((l, position) => ({
        org_id: orgId,
        id: newId(),
        bill_id: billId,
        position,
        label: l.label,
        account: l.account,
        net_amount: l.netAmount,
        vat_rate: l.vatRate,
      })),
    )
    .execute();
}

export async function createBill(
  trx: Db,
  orgId: string,
  input: BillInput,
  actorId: string | null,
): Promise<BillDto> {
  await requireSupplier(trx, orgId, input.supplierId);
  await checkLines(trx, orgId, input);
  await checkDuplicate(trx, orgId, input, null);
  const totals = billTotals(input.lines);
  const id = newId();
  const now = new Date().toISOString();
  await trx
    .insertInto('production_supplier_bill')
    .values({
      org_id: orgId,
      id,
      status: 'draft',
      number: null,
      supplier_id: input.supplierId,
      supplier_ref: input.supplierRef,
      bill_date: input.billDate,
      due_date: input.dueDate,
      total_net: totals.totalNet,
      total_vat: totals.totalVat,
      total: totals.total,
      ledger_entry_id: null,
      cancellation_entry_id: null,
      cancelled_on: null,
      validated_at: null,
      validated_by: null,
      created_at: now,
      created_by: actorId,
      updated_at: now,
    })
    .execute();
  await writeLines(trx, orgId, id, input);
  await recordAudit(trx, {
    orgId,
    actorId,
    action: 'production.supplier_bill.created',
    entity: 'production_supplier_bill',
    entityId: id,
    after: { ...input, ...totals },
  });
  return getBill(trx, orgId, id);
}

/** Claims a draft for this transaction (the update locks the row); 404 if unknown, 409 if validated. */
async function claimDraft(trx: Db, orgId: string, billId: string) {
  const result = await trx
    .updateTable('production_supplier_bill')
    .set({ updated_at: new Date().toISOString() })
    .where('org_id', '=', orgId)
    .where('id', '=', billId)
    .where('status', '=', 'draft')
    .executeTakeFirst();
  if (Number(result.numUpdatedRows) === 1) return;
  await getBill(trx, orgId, billId);
  throw conflict('Cette facture est validée : elle ne change plus (annulez-la si elle n’est pas payée).');
}

export async function updateBill(
  trx: Db,
  orgId: string,
  billId: string,
  input: BillInput,
  actorId: string | null,
): Promise<BillDto> {
  await claimDraft(trx, orgId, billId);
  const before = await getBill(trx, orgId, billId);
  await requireSupplier(trx, orgId, input.supplierId);
  await checkLines(trx, orgId, input);
  await checkDuplicate(trx, orgId, input, billId);
  const totals = billTotals(input.lines);
  await trx
    .deleteFrom('production_supplier_bill_line')
    .where('org_id', '=', orgId)
    .where('bill_id', '=', billId)
    .execute();
  await writeLines(trx, orgId, billId, input);
  await trx
    .updateTable('production_supplier_bill')
    .set({
      supplier_id: input.supplierId,
      supplier_ref: input.supplierRef,
      bill_date: input.billDate,
      due_date: input.dueDate,
      total_net: totals.totalNet,
      total_vat: totals.totalVat,
      total: totals.total,
    })
    .where('org_id', '=', orgId)
    .where('id', '=', billId)
    .execute();
  await recordAudit(trx, {
    orgId,
    actorId,
    action: 'production.supplier_bill.updated',
    entity: 'production_supplier_bill',
    entityId: billId,
    before: { supplierId: before.supplierId, supplierRef: before.supplierRef, total: before.total },
    after: { ...input, ...totals },
  });
  return getBill(trx, orgId, billId);
}

/** Our number per fiscal year (named by the year it ends in, as the sales series are): ACH-2026-0001. */
async function nextBillNumber(trx: Db, orgId: string, date: string) {
  const year = (await listFiscalYears(trx, orgId)).find(
    (y) => compareDates(y.start_date, date) <= 0 && compareDates(date, y.end_date) <= 0,
  );
  if (!year)
    throw ruleBroken(
      `Aucun exercice comptable ne contient le ${formatDateFr(date)} : ouvrez l’exercice d’abord.`,
      'no-fiscal-year',
    );
  if (year.status !== 'open')
    throw ruleBroken(`L’exercice contenant le ${formatDateFr(date)} est clôturé.`, 'fiscal-year-closed');
  const label = year.end_date.slice(0, 4);
  return formatNumber('ACH', label, await takeNextNumber(trx, orgId, `production.ACH:${label}`), 4);
}

export async function validateBill(
  trx: Db,
  orgId: string,
  billId: string,
  actorId: string | null,
): Promise<BillDto> {
  await claimDraft(trx, orgId, billId);
  const bill = await getBill(trx, orgId, billId);
  const totals = billTotals(bill.lines);
  if (totals.total <= 0)
    throw invalid('Une facture fournisseur nulle ne s’enregistre pas.', [
      { field: 'lines', message: 'Total nul.' },
    ]);
  const number = await nextBillNumber(trx, orgId, bill.billDate);
  const entry = await post(
    trx,
    orgId,
    billPosting({
      id: billId,
      number,
      supplierId: bill.supplierId,
      supplierName: bill.supplierName,
      supplierRef: bill.supplierRef,
      billDate: bill.billDate,
      dueDate: bill.dueDate,
      lines: bill.lines,
      totals,
    }),
    actorId,
  );
  const now = new Date().toISOString();
  await trx
    .updateTable('production_supplier_bill')
    .set({
      status: 'validated',
      number,
      total_net: totals.totalNet,
      total_vat: totals.totalVat,
      total: totals.total,
      ledger_entry_id: entry.id,
      validated_at: now,
      validated_by: actorId,
      updated_at: now,
    })
    .where('org_id', '=', orgId)
    .where('id', '=', billId)
    .where('status', '=', 'draft')
    .execute();
  await recordAudit(trx, {
    orgId,
    actorId,
    action: 'production.supplier_bill.validated',
    entity: 'production_supplier_bill',
    entityId: billId,
    after: { number, ...totals, ledgerEntryId: entry.id },
  });
  return getBill(trx, orgId, billId);
}

/** Locks a validated bill's row for the transaction (payments and cancellation wait for each other). */
async function claimValidated(trx: Db, orgId: string, billId: string): Promise<BillDto> {
  await trx
    .updateTable('production_supplier_bill')
    .set((eb) => ({ updated_at: eb.ref('updated_at') }))
    .where('org_id', '=', orgId)
    .where('id', '=', billId)
    .execute();
  const bill = await getBill(trx, orgId, billId);
  if (bill.status === 'draft') throw conflict('Validez d’abord la facture.');
  if (bill.status === 'cancelled') throw conflict('Cette facture est annulée.');
  return bill;
}

export async function payBill(
  trx: Db,
  orgId: string,
  billId: string,
  input: PaymentInput,
  actorId: string | null,
): Promise<BillDto> {
  const bill = await claimValidated(trx, orgId, billId);
  if (input.amount > bill.leftToPay)
    throw invalid(
      bill.leftToPay === 0
        ? `La facture ${bill.number} est déjà payée.`
        : `Le montant (${formatAmount(input.amount)}) dépasse le reste à payer sur la facture ${bill.number} (${formatAmount(bill.leftToPay)}).`,
      [{ field: 'amount', message: 'Montant supérieur au reste à payer.' }],
    );
  if (compareDates(input.date, bill.billDate) < 0)
    throw invalid(`Le paiement ne peut pas précéder la facture (${formatDateFr(bill.billDate)}).`, [
      { field: 'date', message: 'Date antérieure à la facture.' },
    ]);
  const id = newId();
  const entry = await post(
    trx,
    orgId,
    paymentPosting({
      id,
      billNumber: bill.number!,
      supplierId: bill.supplierId,
      supplierName: bill.supplierName,
      supplierRef: bill.supplierRef,
      date: input.date,
      method: input.method,
      amount: input.amount,
    }),
    actorId,
  );
  await trx
    .insertInto('production_supplier_payment')
    .values({
      org_id: orgId,
      id,
      bill_id: billId,
      payment_date: input.date,
      method: input.method,
      amount: input.amount,
      reference: input.reference,
      ledger_entry_id: entry.id,
      created_at: new Date().toISOString(),
      created_by: actorId,
      cancelled_on: null,
      cancellation_entry_id: null,
    })
    .execute();
  if (input.amount === bill.leftToPay) {
    // Paid in full: the bill's 401 credit and the payments' 401 debits balance; letter them together.
    const live = bill.payments.filter((p) => p.cancelledOn === null);
    const entryIds = [bill.ledgerEntryId!, ...live.map((p) => p.ledgerEntryId), entry.id];
    const lineIds: string[] = [];
    for (const entryId of entryIds)
      for (const l of (await getEntry(trx, orgId, entryId)).lines)
        if (l.account === PAYABLE_ACCOUNT && l.lettering === null) lineIds.push(l.id);
    if (lineIds.length === entryIds.length)
      await letter(trx, orgId, { lineIds, partial: false }, actorId, { audit: false });
  }
  await recordAudit(trx, {
    orgId,
    actorId,
    action: 'production.supplier_bill.paid',
    entity: 'production_supplier_bill',
    entityId: billId,
    after: { paymentId: id, ...input, ledgerEntryId: entry.id },
  });
  return getBill(trx, orgId, billId);
}

/** Cancels an unpaid validated bill: its entry is reversed on `date`; the number stays used. */
export async function cancelBill(
  trx: Db,
  orgId: string,
  billId: string,
  date: string,
  actorId: string | null,
): Promise<BillDto> {
  const bill = await claimValidated(trx, orgId, billId);
  if (bill.paid > 0)
    throw ruleBroken(
      `La facture ${bill.number} a déjà été payée (${formatAmount(bill.paid)}) : elle ne peut plus être annulée.`,
      'supplier-bill-paid',
    );
  if (compareDates(date, bill.billDate) < 0)
    throw invalid(`L’annulation ne peut pas précéder la facture (${formatDateFr(bill.billDate)}).`, [
      { field: 'date', message: 'Date antérieure à la facture.' },
    ]);
  const reversal = await reverse(trx, orgId, bill.ledgerEntryId!, date, actorId);
  await trx
    .updateTable('production_supplier_bill')
    .set({ status: 'cancelled', cancelled_on: date, cancellation_entry_id: reversal.id })
    .where('org_id', '=', orgId)
    .where('id', '=', billId)
    .where('status', '=', 'validated')
    .execute();
  await recordAudit(trx, {
    orgId,
    actorId,
    action: 'production.supplier_bill.cancelled',
    entity: 'production_supplier_bill',
    entityId: billId,
    after: { date, cancellationEntryId: reversal.id },
  });
  return getBill(trx, orgId, billId);
}

/**
 * Cancels a payment entered by mistake (wrong amount, wrong bill, a cheque that bounced): its entry is
 * reversed on `date`, its 401 line leaves the lettering it was in and is lettered with its reversal, and the
 * bill is owed again by that amount. The payment stays listed, marked cancelled (decision 0039).
 */
export async function cancelPayment(
  trx: Db,
  orgId: string,
  billId: string,
  paymentId: string,
  date: string,
  actorId: string | null,
): Promise<BillDto> {
  const bill = await claimValidated(trx, orgId, billId);
  const payment = bill.payments.find((p) => p.id === paymentId);
  if (!payment) throw notFound('Paiement');
  if (payment.cancelledOn)
    throw conflict(`Ce paiement a déjà été annulé le ${formatDateFr(payment.cancelledOn)}.`);
  if (compareDates(date, payment.date) < 0)
    throw invalid(`L’annulation ne peut pas précéder le paiement (${formatDateFr(payment.date)}).`, [
      { field: 'date', message: 'Date antérieure au paiement.' },
    ]);
  const line = (await getEntry(trx, orgId, payment.ledgerEntryId)).lines.find(
    (l) => l.account === PAYABLE_ACCOUNT,
  )!;
  if (line.lettering !== null) {
    // The bill was paid in full: its 401 lines were lettered together; it is no longer paid.
    const candidates = await letteringCandidates(trx, orgId, {
      account: PAYABLE_ACCOUNT,
      auxiliary: line.auxiliary ?? undefined,
      state: 'all',
    });
    const letteringId = candidates.find((c) => c.id === line.id)?.letteringId;
    if (letteringId) await unletter(trx, orgId, letteringId, actorId);
  }
  const reversal = await reverse(trx, orgId, payment.ledgerEntryId, date, actorId);
  const reversed = reversal.lines.find((l) => l.account === PAYABLE_ACCOUNT)!;
  await letter(trx, orgId, { lineIds: [line.id, reversed.id], partial: false }, actorId, { audit: false });
  await trx
    .updateTable('production_supplier_payment')
    .set({ cancelled_on: date, cancellation_entry_id: reversal.id })
    .where('org_id', '=', orgId)
    .where('id', '=', paymentId)
    .where('cancelled_on', 'is', null)
    .execute();
  await recordAudit(trx, {
    orgId,
    actorId,
    action: 'production.supplier_payment.cancelled',
    entity: 'production_supplier_payment',
    entityId: paymentId,
    before: { billId, date: payment.date, amount: payment.amount },
    after: { date, cancellationEntryId: reversal.id },
  });
  return getBill(trx, orgId, billId);
}
