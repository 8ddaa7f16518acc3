import { recordAudit } from '../../kernel/audit/audit.ts';
import { compareDates, todayIn } from '../../kernel/dates/index.ts';
import type { Db } from '../../kernel/db/index.ts';
import { type FieldIssue, invalid, ruleBroken } from '../../kernel/errors/domain-error.ts';
import { lineAmounts } from '../invoices/invoice-totals.ts';
import { fromScaledInteger } from '../shared/scaled.ts';
import type { DeliveryInput, SalesDocumentDto } from './contract.ts';
import { getSalesDocument, loadSalesDocument, orderProgress } from './document-read.ts';
import { insertSalesDocument, linesFrom, nextSalesNumber, orgContext } from './documents.ts';

// Delivery notes (bons de livraison, BL-…) deliver the goods of a confirmed order, all at once or in
// parts: each line says how much of an order line leaves, never more than what remains to deliver.

export async function requireConfirmedOrder(trx: Db, orgId: string, orderId: string) {
  const order = await loadSalesDocument(trx, orgId, orderId, 'order');
  if (order.row.status !== 'confirmed')
    throw ruleBroken('Confirmez la commande d’abord (elle reçoit alors son numéro).', 'order-not-confirmed');
  // Lock the order for this transaction, so two deliveries or invoices of it run one after the other.
  await trx
    .updateTable('relations_sales_document')
    .set({ updated_at: new Date().toISOString() })
    .where('org_id', '=', orgId)
    .where('id', '=', orderId)
    .execute();
  return order;
}

export async function createDeliveryNote(
  trx: Db,
  orgId: string,
  orderId: string,
  input: DeliveryInput,
  actorId: string | null,
): Promise<SalesDocumentDto> {
  const { row, lines } = await requireConfirmedOrder(trx, orgId, orderId);
  const { delivered } = await orderProgress(
    trx,
    orgId,
    lines.map((l) => l.id),
  );
  const remaining = new Map(
    lines
      .filter((l) => l.kind === 'goods')
      .map((l) => [l.id, Number(l.quantity) - (delivered.get(l.id) ?? 0)]),
  );
  const wanted = input.lines ?? [...remaining].map(([orderLineId, quantity]) => ({ orderLineId, quantity }));
  const issues: FieldIssue[] = [];
  wanted.forEach((w, i) => {
    const left = remaining.get(w.orderLineId);
    if (left === undefined)
      issues.push({
        field: `lines.${i}.orderLineId`,
        message: 'Cette ligne n’est pas un bien de la commande (les services ne se livrent pas).',
      });
    else if (w.quantity > left)
      issues.push({
        field: `lines.${i}.quantity`,
        message: `Quantité supérieure au reste à livrer (${fromScaledInteger(left, 3)}).`,
      });
  });
  if (issues.length > 0) throw invalid('Certaines quantités livrées sont invalides.', issues);
  const quantities = new Map<string, number>();
  for (const w of wanted)
    if (w.quantity > 0) quantities.set(w.orderLineId, (quantities.get(w.orderLineId) ?? 0) + w.quantity);
  if ([...quantities].some(([id, q]) => q > remaining.get(id)!))
    throw invalid('Une ligne de commande est livrée deux fois au-delà du reste à livrer.');
  if (quantities.size === 0)
    throw ruleBroken('Rien à livrer : toutes les marchandises de cette commande sont livrées.', 'nothing');
  const org = await orgContext(trx, orgId);
  const today = todayIn(org.time_zone);
  const issueDate = input.issueDate ?? (compareDates(today, row.issue_date) < 0 ? row.issue_date : today);
  if (compareDates(issueDate, row.issue_date) < 0)
    throw invalid('La livraison ne peut pas précéder la commande.', [
      { field: 'issueDate', message: `Date antérieure à la commande (${row.issue_date}).` },
    ]);
  const deliveryLines = linesFrom(lines.filter((l) => quantities.has(l.id))).map((l) => {
    const quantity = quantities.get(l.source_line_id!)!;
    return {
      ...l,
      quantity,
      net_amount: lineAmounts({ quantity, unitPrice: l.unit_price, discount: l.discount }).net,
    };
  });
  const id = await insertSalesDocument(
    trx,
    orgId,
    {
      kind: 'delivery_note',
      status: 'validated',
      number: await nextSalesNumber(trx, orgId, 'delivery_note', issueDate),
      party_id: row.party_id,
      issue_date: issueDate,
      validity_date: null,
      source_id: row.id,
      customer_ref: row.customer_ref,
      notes: input.notes,
      document_discount: Number(row.document_discount),
    },
    deliveryLines,
    actorId,
  );
  const after = await getSalesDocument(trx, orgId, id);
  await recordAudit(trx, {
    orgId,
    actorId,
    action: 'relations.delivery_note.validated',
    entity: 'relations_sales_document',
    entityId: id,
    after,
  });
  return after;
}
