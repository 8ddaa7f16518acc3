import { recordAudit } from '../../kernel/audit/audit.ts';
import { compareDates, todayIn } from '../../kernel/dates/index.ts';
import type { Db } from '../../kernel/db/index.ts';
import { invalid, ruleBroken } from '../../kernel/errors/domain-error.ts';
import { addPartyRole } from '../../kernel/parties/party.ts';
import type { SalesDocumentDto } from './contract.ts';
import { getSalesDocument, loadSalesDocument } from './document-read.ts';
import { insertSalesDocument, linesFrom, moveStatus, nextSalesNumber, orgContext } from './documents.ts';
import type { SalesDocumentStatus } from './tables.ts';

// The life of a quote: draft → sent (numbered DE-…) → accepted (becomes a sales order BC-… with the same
// lines) / refused / expired. Each step is one transaction and one audit event.

async function audit(trx: Db, orgId: string, id: string, action: string, actorId: string | null) {
  const after = await getSalesDocument(trx, orgId, id);
  await recordAudit(trx, {
    orgId,
    actorId,
    action,
    entity: 'relations_sales_document',
    entityId: id,
    after: { status: after.status, number: after.number },
  });
  return after;
}

export async function sendQuote(trx: Db, orgId: string, id: string, actorId: string | null) {
  const { row } = await loadSalesDocument(trx, orgId, id, 'quote');
  const number = await nextSalesNumber(trx, orgId, 'quote', row.issue_date);
  await moveStatus(trx, orgId, id, 'quote', 'draft', 'sent', 'Ce devis a déjà été envoyé.', {
    number,
    validated_at: new Date().toISOString(),
  });
  return audit(trx, orgId, id, 'relations.quote.sent', actorId);
}

/**
 * Accepting a quote makes the sales order, numbered at once (the customer has agreed), and makes a
 * prospect a customer.
 */
export async function acceptQuote(
  trx: Db,
  orgId: string,
  id: string,
  actorId: string | null,
  /** The day the customer accepted (a signed quote received earlier, the demo's past year); today by default. */
  options: { acceptedOn?: string } = {},
): Promise<{ quote: SalesDocumentDto; order: SalesDocumentDto }> {
  const { row, lines } = await loadSalesDocument(trx, orgId, id, 'quote');
  const org = await orgContext(trx, orgId);
  const realToday = todayIn(org.time_zone);
  const today = options.acceptedOn ?? realToday;
  if (compareDates(today, realToday) > 0)
    throw invalid('Un devis ne peut pas être accepté à une date future.', [
      { field: 'acceptedOn', message: 'Date future.' },
    ]);
  if (row.status === 'sent' && row.validity_date && compareDates(row.validity_date, today) < 0)
    throw ruleBroken(
      `Ce devis a expiré le ${row.validity_date} : établissez un nouveau devis.`,
      'quote-expired',
    );
  await moveStatus(
    trx,
    orgId,
    id,
    'quote',
    'sent',
    'accepted',
    row.status === 'draft'
      ? 'Envoyez le devis avant de l’accepter (il reçoit alors son numéro).'
      : 'Ce devis n’est plus en attente de réponse.',
  );
  const issueDate = compareDates(today, row.issue_date) < 0 ? row.issue_date : today;
  const orderId = await insertSalesDocument(
    trx,
    orgId,
    {
      kind: 'order',
      status: 'confirmed',
      number: await nextSalesNumber(trx, orgId, 'order', issueDate),
      party_id: row.party_id,
      issue_date: issueDate,
      validity_date: null,
      source_id: row.id,
      customer_ref: row.customer_ref,
      notes: row.notes,
      document_discount: Number(row.document_discount),
    },
    linesFrom(lines),
    actorId,
  );
  // A prospect who accepts a quote becomes a customer (kept as a prospect too: the history stays).
  await addPartyRole(trx, orgId, row.party_id, 'customer', actorId);
  const quote = await audit(trx, orgId, id, 'relations.quote.accepted', actorId);
  const order = await audit(trx, orgId, orderId, 'relations.order.confirmed', actorId);
  return { quote, order };
}

export async function refuseQuote(trx: Db, orgId: string, id: string, actorId: string | null) {
  await moveStatus(trx, orgId, id, 'quote', 'sent', 'refused', 'Seul un devis envoyé peut être refusé.');
  return audit(trx, orgId, id, 'relations.quote.refused', actorId);
}

export async function expireQuote(trx: Db, orgId: string, id: string, actorId: string | null) {
  const { row } = await loadSalesDocument(trx, orgId, id, 'quote');
  const org = await orgContext(trx, orgId);
  if (row.validity_date && compareDates(row.validity_date, todayIn(org.time_zone)) >= 0)
    throw ruleBroken(`Ce devis est valable jusqu’au ${row.validity_date}.`, 'quote-still-valid');
  await moveStatus(trx, orgId, id, 'quote', 'sent', 'expired', 'Seul un devis envoyé peut expirer.');
  return audit(trx, orgId, id, 'relations.quote.expired', actorId);
}

/** An order typed directly (no quote) is numbered when confirmed. */
export async function confirmOrder(trx: Db, orgId: string, id: string, actorId: string | null) {
  const { row } = await loadSalesDocument(trx, orgId, id, 'order');
  const number = await nextSalesNumber(trx, orgId, 'order', row.issue_date);
  const from: SalesDocumentStatus = 'draft';
  await moveStatus(trx, orgId, id, 'order', from, 'confirmed', 'Cette commande est déjà confirmée.', {
    number,
    validated_at: new Date().toISOString(),
  });
  return audit(trx, orgId, id, 'relations.order.confirmed', actorId);
}
