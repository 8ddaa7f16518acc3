import { recordAudit } from '../../kernel/audit/audit.ts';
import { addDays, compareDates, todayIn } from '../../kernel/dates/index.ts';
import type { Db } from '../../kernel/db/index.ts';
import { conflict, invalid, notFound, ruleBroken } from '../../kernel/errors/domain-error.ts';
import { newId } from '../../kernel/ids.ts';
import { formatNumber, takeNextNumber } from '../../kernel/numbering/numbering.ts';
import type { InvoiceLineInput } from '../invoices/contract.ts';
import { type ResolvedLine, resolveLines } from '../invoices/invoice.ts';
import type { OrderInput, QuoteInput, SalesDocumentDto } from './contract.ts';
import { getSalesDocument, KIND_NAMES, loadSalesDocument, salesTotals } from './document-read.ts';
import type {
  RelationsSalesDocumentLineTable,
  RelationsSalesDocumentTable,
  SalesDocumentKind,
  SalesDocumentStatus,
} from './tables.ts';

// Drafts of quotes and orders: created, edited and deleted freely; numbered (DE-, BC-, BL-) without gaps
// when they leave the draft state, then frozen (the database refuses any change but the status).

const SUBJECT: Record<SalesDocumentKind, string> = {
  quote: 'du devis',
  order: 'de la commande',
  delivery_note: 'du bon de livraison',
};
export const PREFIX: Record<SalesDocumentKind, string> = { quote: 'DE', order: 'BC', delivery_note: 'BL' };

export type NewLine = ResolvedLine & { source_line_id: string | null };

export async function orgContext(trx: Db, orgId: string) {
  const org = await trx
    .selectFrom('organisation')
    .select(['vat_regime', 'time_zone'])
    .where('org_id', '=', orgId)
    .executeTakeFirst();
  if (!org) throw notFound('Organisation');
  return org;
}

export async function requireParty(trx: Db, orgId: string, partyId: string) {
  const party = await trx
    .selectFrom('party')
    .select(['id', 'name'])
    .where('org_id', '=', orgId)
    .where('id', '=', partyId)
    .executeTakeFirst();
  if (!party)
    throw invalid('Client ou prospect inconnu.', [{ field: 'partyId', message: 'Ce tiers n’existe pas.' }]);
  return party;
}

export function totalsOf(lines: readonly ResolvedLine[], discount: number, regime: string) {
  try {
    return salesTotals(lines, discount, regime as Parameters<typeof salesTotals>[2]);
  } catch (error) {
    if (error instanceof RangeError) throw invalid('Les montants du document dépassent les limites.');
    throw error;
  }
}

export async function writeSalesLines(trx: Db, orgId: string, documentId: string, lines: readonly NewLine[]) {
  await trx
    .deleteFrom('relations_sales_document_line')
    .where('org_id', '=', orgId)
    .where('document_id', '=', documentId)
    .execute();
  const rows: RelationsSalesDocumentLineTable[] = lines.map((l, position) => ({
    org_id: orgId,
    id: newId(),
    document_id: documentId,
    position,
    ...l,
  }));
  for (let i = 0; i < rows.length; i += 200)
    await trx
      .insertInto('relations_sales_document_line')
      .values(rows.slice(i, i + 200))
      .execute();
}

/** Takes the next number of the document's series (DE-2026-00001…), inside the caller's transaction. */
export async function nextSalesNumber(trx: Db, orgId: string, kind: SalesDocumentKind, date: string) {
  const prefix = PREFIX[kind];
  const year = date.slice(0, 4);
  return formatNumber(prefix, year, await takeNextNumber(trx, orgId, `relations.sales:${prefix}-${year}`));
}

/** Inserts a document (draft or already numbered) with its lines; returns its id. */
export async function insertSalesDocument(
  trx: Db,
  orgId: string,
  header: Pick<
    RelationsSalesDocumentTable,
    | 'kind'
    | 'status'
    | 'number'
    | 'party_id'
    | 'issue_date'
    | 'validity_date'
    | 'source_id'
    | 'customer_ref'
    | 'notes'
    | 'document_discount'
  >,
  lines: readonly NewLine[],
  actorId: string | null,
): Promise<string> {
  const org = await orgContext(trx, orgId);
  const now = new Date().toISOString();
  const id = newId();
  await trx
    .insertInto('relations_sales_document')
    .values({
      org_id: orgId,
      id,
      ...header,
      ...totalsOf(lines, header.document_discount, org.vat_regime),
      validated_at: header.status === 'draft' ? null : now,
      created_at: now,
      created_by: actorId,
      updated_at: now,
    })
    .execute();
  await writeSalesLines(trx, orgId, id, lines);
  return id;
}

function headerOf(kind: 'quote' | 'order', input: QuoteInput | OrderInput, today: string) {
  const issueDate = input.issueDate ?? today;
  const validity = kind === 'quote' ? ((input as QuoteInput).validityDate ?? addDays(issueDate, 30)) : null;
  if (validity && compareDates(validity, issueDate) < 0)
    throw invalid('La date de validité ne peut pas précéder la date du devis.', [
      { field: 'validityDate', message: 'Date de validité antérieure à la date du devis.' },
    ]);
  return {
    party_id: input.partyId,
    issue_date: issueDate,
    validity_date: validity,
    customer_ref: input.customerRef,
    notes: input.notes,
    document_discount: input.documentDiscountPercent,
  };
}

export async function createSalesDraft(
  trx: Db,
  orgId: string,
  kind: 'quote' | 'order',
  input: QuoteInput | OrderInput,
  actorId: string | null,
): Promise<SalesDocumentDto> {
  await requireParty(trx, orgId, input.partyId);
  const org = await orgContext(trx, orgId);
  const lines = await resolveLines(trx, orgId, 'invoice', input.lines, SUBJECT[kind]);
  const id = await insertSalesDocument(
    trx,
    orgId,
    {
      kind,
      status: 'draft',
      number: null,
      source_id: null,
      ...headerOf(kind, input, todayIn(org.time_zone)),
    },
    lines.map((l) => ({ ...l, source_line_id: null })),
    actorId,
  );
  const after = await getSalesDocument(trx, orgId, id);
  await recordAudit(trx, {
    orgId,
    actorId,
    action: `relations.${kind}.drafted`,
    entity: 'relations_sales_document',
    entityId: id,
    after,
  });
  return after;
}

/** Locks the draft for this transaction (as invoices do) or says why it cannot change. */
async function claimSalesDraft(trx: Db, orgId: string, id: string, kind: SalesDocumentKind) {
  const result = await trx
    .updateTable('relations_sales_document')
    .set({ updated_at: new Date().toISOString() })
    .where('org_id', '=', orgId)
    .where('id', '=', id)
    .where('kind', '=', kind)
    .where('status', '=', 'draft')
    .executeTakeFirst();
  if (Number(result.numUpdatedRows) === 1) return;
  await loadSalesDocument(trx, orgId, id, kind); // not found → 404
  throw conflict(`${KIND_NAMES[kind]} déjà numéroté : il ne peut plus être modifié ni supprimé.`);
}

export async function updateSalesDraft(
  trx: Db,
  orgId: string,
  kind: 'quote' | 'order',
  id: string,
  input: QuoteInput | OrderInput,
  actorId: string | null,
): Promise<SalesDocumentDto> {
  await claimSalesDraft(trx, orgId, id, kind);
  const before = await getSalesDocument(trx, orgId, id);
  await requireParty(trx, orgId, input.partyId);
  const org = await orgContext(trx, orgId);
  const lines = await resolveLines(trx, orgId, 'invoice', input.lines, SUBJECT[kind]);
  const header = headerOf(kind, input, todayIn(org.time_zone));
  await writeSalesLines(
    trx,
    orgId,
    id,
    lines.map((l) => ({ ...l, source_line_id: null })),
  );
  await trx
    .updateTable('relations_sales_document')
    .set({
      ...header,
      ...totalsOf(lines, header.document_discount, org.vat_regime),
      updated_at: new Date().toISOString(),
    })
    .where('org_id', '=', orgId)
    .where('id', '=', id)
    .execute();
  const after = await getSalesDocument(trx, orgId, id);
  await recordAudit(trx, {
    orgId,
    actorId,
    action: `relations.${kind}.updated`,
    entity: 'relations_sales_document',
    entityId: id,
    before,
    after,
  });
  return after;
}

export async function deleteSalesDraft(
  trx: Db,
  orgId: string,
  kind: 'quote' | 'order',
  id: string,
  actorId: string | null,
): Promise<void> {
  await claimSalesDraft(trx, orgId, id, kind);
  const before = await getSalesDocument(trx, orgId, id);
  // A quote drafted from a prospecting campaign: the target keeps its history but no longer its quote.
  await trx
    .updateTable('relations_campaign_target')
    .set({ quote_id: null, quoted_at: null })
    .where('org_id', '=', orgId)
    .where('quote_id', '=', id)
    .execute();
  await trx
    .deleteFrom('relations_sales_document_line')
    .where('org_id', '=', orgId)
    .where('document_id', '=', id)
    .execute();
  await trx.deleteFrom('relations_sales_document').where('org_id', '=', orgId).where('id', '=', id).execute();
  await recordAudit(trx, {
    orgId,
    actorId,
    action: `relations.${kind}.deleted`,
    entity: 'relations_sales_document',
    entityId: id,
    before,
  });
}

/** Moves a document from one status to the next, guarded so two concurrent moves cannot both succeed. */
export async function moveStatus(
  trx: Db,
  orgId: string,
  id: string,
  kind: SalesDocumentKind,
  from: SalesDocumentStatus,
  to: SalesDocumentStatus,
  refusal: string,
  extra: Partial<RelationsSalesDocumentTable> = {},
) {
  const result = await trx
    .updateTable('relations_sales_document')
    .set({ status: to, updated_at: new Date().toISOString(), ...extra })
    .where('org_id', '=', orgId)
    .where('id', '=', id)
    .where('kind', '=', kind)
    .where('status', '=', from)
    .executeTakeFirst();
  if (Number(result.numUpdatedRows) === 1) return;
  await loadSalesDocument(trx, orgId, id, kind); // not found → 404
  throw ruleBroken(refusal, 'sales-status');
}

export function linesFrom(
  source: readonly RelationsSalesDocumentLineTable[],
): (NewLine & { quantity: number })[] {
  return source.map((l) => ({
    item_id: l.item_id,
    code: l.code,
    label: l.label,
    description: l.description,
    kind: l.kind,
    unit: l.unit,
    quantity: Number(l.quantity),
    unit_price: Number(l.unit_price),
    discount: Number(l.discount),
    vat_rate: Number(l.vat_rate),
    vat_exemption_reason: l.vat_exemption_reason,
    revenue_account: l.revenue_account,
    net_amount: Number(l.net_amount),
    source_line_id: l.id,
  }));
}

/** Invoice line input from a stored line (scaled integers kept), for the invoice drafts made here. */
export function invoiceLineFrom(
  l: Pick<
    RelationsSalesDocumentLineTable,
    | 'item_id'
    | 'label'
    | 'description'
    | 'kind'
    | 'unit'
    | 'unit_price'
    | 'discount'
    | 'vat_rate'
    | 'vat_exemption_reason'
    | 'revenue_account'
  >,
  quantity: number,
): InvoiceLineInput {
  return {
    itemId: l.item_id,
    label: l.label,
    description: l.description,
    kind: l.kind,
    unit: l.unit as InvoiceLineInput['unit'],
    quantity,
    unitPrice: Number(l.unit_price),
    discountPercent: Number(l.discount),
    vatRate: Number(l.vat_rate),
    vatExemptionReason: l.vat_exemption_reason,
    revenueAccount: l.revenue_account,
  };
}
