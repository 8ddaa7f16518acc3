import { recordAudit } from '../../kernel/audit/audit.ts';
import type { Db } from '../../kernel/db/index.ts';
import { invalid, notFound, ruleBroken } from '../../kernel/errors/domain-error.ts';
import { newId } from '../../kernel/ids.ts';
import { formatAmount } from '../../kernel/money/index.ts';
import { getEntry } from '../../ledger/index.ts';
import type { CreditUseDto, CreditUseInput, CustomerCreditDto } from './contract.ts';
import { invoicesWithPayments, lockCustomer, organisationToday } from './outstanding.ts';
import { letterWithInvoice, receivableLines } from './receipt-lettering.ts';

// A customer's credit (an advance or an overpayment kept on 411, decision 0010) used on a later invoice
// of theirs (decision 0025). No new money moves and both sides are already on the customer's 411: the
// receipt gains an allocation to the invoice (its unallocated part decreases by as much), and the ledger
// letters the receipt's « avance / trop-perçu » line with the invoice. What is due stays derived from the
// allocations of receipts in force, so cancelling the receipt later opens the invoice again.

async function creditsOf(db: Db, orgId: string, customerId: string) {
  return db
    .selectFrom('relations_receipt')
    .select(['id', 'number', 'receipt_date', 'unallocated', 'ledger_entry_id', 'customer_id'])
    .where('org_id', '=', orgId)
    .where('customer_id', '=', customerId)
    .where('status', '=', 'validated')
    .where('unallocated', '>', 0)
    .orderBy('receipt_date')
    .orderBy('number')
    .execute();
}

export async function customerCredit(db: Db, orgId: string, customerId: string): Promise<CustomerCreditDto> {
  const party = await db
    .selectFrom('party')
    .select('id')
    .where('org_id', '=', orgId)
    .where('id', '=', customerId)
    .executeTakeFirst();
  if (!party) throw notFound('Client');
  const credits = (await creditsOf(db, orgId, customerId)).map((r) => ({
    receiptId: r.id,
    receiptNumber: r.number,
    date: r.receipt_date,
    remaining: Number(r.unallocated),
  }));
  return { customerId, available: credits.reduce((s, c) => s + c.remaining, 0), credits };
}

export async function useCustomerCredit(
  trx: Db,
  orgId: string,
  invoiceId: string,
  input: CreditUseInput,
  actorId: string | null,
): Promise<CreditUseDto> {
  const invoice = await trx
    .selectFrom('relations_invoice')
    .select(['id', 'number', 'kind', 'status', 'customer_id'])
    .where('org_id', '=', orgId)
    .where('id', '=', invoiceId)
    .executeTakeFirst();
  if (!invoice) throw notFound('Facture');
  if (invoice.kind !== 'invoice')
    throw ruleBroken('Le crédit client s’impute sur une facture, pas sur un avoir.', 'credit-on-credit-note');
  if (invoice.status !== 'validated' || !invoice.number)
    throw ruleBroken(
      'La facture doit être validée avant d’y imputer un crédit client.',
      'credit-on-draft-invoice',
    );
  // The customer's row locked first (as recordReceipt does): two uses of one credit, or a use and a
  // receipt for the same invoice, wait for each other and the second sees what the first took.
  await lockCustomer(trx, orgId, invoice.customer_id);
  const today = await organisationToday(trx, orgId);
  const [state] = await invoicesWithPayments(trx, orgId, { invoiceIds: [invoice.id] }, today);
  const remaining = state?.remaining ?? 0;
  if (remaining === 0) throw ruleBroken(`La facture ${invoice.number} est déjà soldée.`, 'invoice-paid');
  if (input.amount > remaining)
    throw invalid(
      `Le montant à imputer (${formatAmount(input.amount)}) dépasse le reste dû sur la facture ${invoice.number} (${formatAmount(remaining)}).`,
      [{ field: 'amount', message: 'Montant supérieur au reste dû.' }],
    );
  let credits = await creditsOf(trx, orgId, invoice.customer_id);
  if (input.receiptId) {
    const chosen = await trx
      .selectFrom('relations_receipt')
      .select(['customer_id', 'number', 'status'])
      .where('org_id', '=', orgId)
      .where('id', '=', input.receiptId)
      .executeTakeFirst();
    if (!chosen) throw notFound('Encaissement');
    if (chosen.customer_id !== invoice.customer_id)
      throw invalid(
        `Le crédit de l’encaissement ${chosen.number} appartient à un autre client que celui de la facture ${invoice.number}.`,
        [{ field: 'receiptId', message: 'Crédit d’un autre client.' }],
      );
    credits = credits.filter((c) => c.id === input.receiptId);
    if (credits.length === 0)
      throw invalid(`L’encaissement ${chosen.number} n’a plus de crédit disponible.`, [
        { field: 'receiptId', message: 'Aucun crédit disponible sur cet encaissement.' },
      ]);
  }
  const available = credits.reduce((s, c) => s + Number(c.unallocated), 0);
  if (available === 0)
    throw invalid('Ce client n’a pas de crédit disponible.', [{ field: 'amount', message: 'Aucun crédit.' }]);
  if (input.amount > available)
    throw invalid(
      `Le montant à imputer (${formatAmount(input.amount)}) dépasse le crédit disponible du client (${formatAmount(available)}).`,
      [{ field: 'amount', message: 'Montant supérieur au crédit disponible.' }],
    );

  const uses: CreditUseDto['uses'] = [];
  let left = input.amount;
  for (const credit of credits) {
    if (left === 0) break;
    const take = Math.min(left, Number(credit.unallocated));
    left -= take;
    const existing = await trx
      .selectFrom('relations_receipt_allocation')
      .select(['id', 'amount'])
      .where('org_id', '=', orgId)
      .where('receipt_id', '=', credit.id)
      .where('invoice_id', '=', invoice.id)
      .executeTakeFirst();
    if (existing)
      await trx
        .updateTable('relations_receipt_allocation')
        .set({ amount: Number(existing.amount) + take })
        .where('org_id', '=', orgId)
        .where('id', '=', existing.id)
        .execute();
    else
      await trx
        .insertInto('relations_receipt_allocation')
        .values({ org_id: orgId, id: newId(), receipt_id: credit.id, invoice_id: invoice.id, amount: take })
        .execute();
    await trx
      .updateTable('relations_receipt')
      .set({ unallocated: Number(credit.unallocated) - take })
      .where('org_id', '=', orgId)
      .where('id', '=', credit.id)
      .execute();
    // The credit is the last 411 line of the receipt's entry (receipt-posting.ts).
    const creditLine = receivableLines(await getEntry(trx, orgId, credit.ledger_entry_id)).at(-1);
    if (creditLine) await letterWithInvoice(trx, orgId, invoice.id, creditLine.id, actorId);
    uses.push({ receiptId: credit.id, receiptNumber: credit.number, amount: take });
  }
  const [after] = await invoicesWithPayments(trx, orgId, { invoiceIds: [invoice.id] }, today);
  const creditLeft = (await creditsOf(trx, orgId, invoice.customer_id)).reduce(
    (s, c) => s + Number(c.unallocated),
    0,
  );
  await recordAudit(trx, {
    orgId,
    actorId,
    action: 'relations.customer_credit.used',
    entity: 'relations_invoice',
    entityId: invoice.id,
    before: { remaining },
    after: { remaining: after!.remaining, amount: input.amount, uses },
  });
  return {
    invoiceId: invoice.id,
    invoiceNumber: invoice.number,
    amount: input.amount,
    uses,
    payment: {
      paid: after!.paid,
      credited: after!.credited,
      remaining: after!.remaining,
      daysLate: after!.daysLate,
      status: after!.status,
    },
    creditLeft,
  };
}
