import type { Db } from '../../kernel/db/index.ts';
import { notFound } from '../../kernel/errors/domain-error.ts';
import { draftTotals } from '../invoices/invoice-read.ts';
import { lineAmounts } from '../invoices/invoice-totals.ts';
import { effectiveVat } from '../invoices/issued.ts';
import { fromScaledInteger } from '../shared/scaled.ts';
import type {
  LinkedDocumentDto,
  SalesDocumentDto,
  SalesDocumentPage,
  SalesDocumentSummaryDto,
  SalesListQuery,
} from './contract.ts';
import type {
  RelationsSalesDocumentLineTable,
  RelationsSalesDocumentTable,
  SalesDocumentKind,
} from './tables.ts';

export const KIND_NAMES: Record<SalesDocumentKind, string> = {
  quote: 'Devis',
  order: 'Commande',
  delivery_note: 'Bon de livraison',
};

export type SalesRows = { row: RelationsSalesDocumentTable; lines: RelationsSalesDocumentLineTable[] };

export async function loadSalesDocument(
  db: Db,
  orgId: string,
  id: string,
  kind?: SalesDocumentKind,
): Promise<SalesRows> {
  let query = db
    .selectFrom('relations_sales_document')
    .selectAll()
    .where('org_id', '=', orgId)
    .where('id', '=', id);
  if (kind) query = query.where('kind', '=', kind);
  const row = await query.executeTakeFirst();
  if (!row) throw notFound(kind ? KIND_NAMES[kind] : 'Document de vente');
  const lines = await db
    .selectFrom('relations_sales_document_line')
    .selectAll()
    .where('org_id', '=', orgId)
    .where('document_id', '=', id)
    .orderBy('position')
    .execute();
  return { row, lines };
}

/** Per order line: quantity delivered (delivery notes) and invoiced (invoices, drafts included). */
export async function orderProgress(db: Db, orgId: string, orderLineIds: readonly string[]) {
  const delivered = new Map<string, number>();
  const invoiced = new Map<string, number>();
  if (orderLineIds.length === 0) return { delivered, invoiced };
  const deliveries = await db
    .selectFrom('relations_sales_document_line')
    .select(['source_line_id', 'quantity'])
    .where('org_id', '=', orgId)
    .where('source_line_id', 'in', [...orderLineIds])
    .where('document_id', 'in', (eb) =>
      eb
        .selectFrom('relations_sales_document')
        .select('id')
        .where('org_id', '=', orgId)
        .where('kind', '=', 'delivery_note'),
    )
    .execute();
  for (const d of deliveries)
    delivered.set(d.source_line_id!, (delivered.get(d.source_line_id!) ?? 0) + Number(d.quantity));
  const invoices = await db
    .selectFrom('relations_sales_invoice_line')
    .select(['order_line_id', 'quantity'])
    .where('org_id', '=', orgId)
    .where('order_line_id', 'in', [...orderLineIds])
    .execute();
  for (const i of invoices)
    invoiced.set(i.order_line_id!, (invoiced.get(i.order_line_id!) ?? 0) + Number(i.quantity));
  return { delivered, invoiced };
}

async function linkedDocuments(db: Db, orgId: string, row: RelationsSalesDocumentTable) {
  const linked: LinkedDocumentDto[] = [];
  const children = await db
    .selectFrom('relations_sales_document')
    .select(['id', 'kind', 'number', 'status', 'total'])
    .where('org_id', '=', orgId)
    .where('source_id', '=', row.id)
    .orderBy('created_at')
    .execute();
  for (const c of children) linked.push({ ...c, total: Number(c.total) });
  if (row.kind === 'order') {
    const invoices = await db
      .selectFrom('relations_sales_invoice as s')
      .innerJoin('relations_invoice as i', (j) =>
        j.onRef('i.org_id', '=', 's.org_id').onRef('i.id', '=', 's.invoice_id'),
      )
      .select(['i.id', 'i.kind', 'i.number', 'i.status', 'i.total', 's.purpose'])
      .where('s.org_id', '=', orgId)
      .where('s.order_id', '=', row.id)
      .orderBy('i.created_at')
      .execute();
    for (const i of invoices)
      linked.push({
        id: i.id,
        kind: i.purpose === 'down_payment' ? 'down_payment' : i.kind,
        number: i.number,
        status: i.status,
        total: Number(i.total),
      });
  }
  return linked;
}

export function toSalesSummary(row: RelationsSalesDocumentTable, partyName: string): SalesDocumentSummaryDto {
  return {
    id: row.id,
    kind: row.kind,
    status: row.status,
    number: row.number,
    partyId: row.party_id,
    partyName,
    issueDate: row.issue_date,
    validityDate: row.validity_date,
    totalNet: Number(row.total_net),
    totalVat: Number(row.total_vat),
    total: Number(row.total),
  };
}

export async function getSalesDocument(
  db: Db,
  orgId: string,
  id: string,
  kind?: SalesDocumentKind,
): Promise<SalesDocumentDto> {
  const { row, lines } = await loadSalesDocument(db, orgId, id, kind);
  const [party, org, source] = await Promise.all([
    db
      .selectFrom('party')
      .select('name')
      .where('org_id', '=', orgId)
      .where('id', '=', row.party_id)
      .executeTakeFirst(),
    db.selectFrom('organisation').select('vat_regime').where('org_id', '=', orgId).executeTakeFirstOrThrow(),
    row.source_id
      ? db
          .selectFrom('relations_sales_document')
          .select('number')
          .where('org_id', '=', orgId)
          .where('id', '=', row.source_id)
          .executeTakeFirst()
      : undefined,
  ]);
  const progress =
    row.kind === 'order'
      ? await orderProgress(
          db,
          orgId,
          lines.map((l) => l.id),
        )
      : null;
  const qty = (n: number) => fromScaledInteger(n, 3);
  return {
    ...toSalesSummary(row, party?.name ?? ''),
    sourceId: row.source_id,
    sourceNumber: source?.number ?? null,
    customerRef: row.customer_ref,
    notes: row.notes,
    documentDiscountPercent: fromScaledInteger(Number(row.document_discount), 2),
    lines: lines.map((l) => {
      const amounts = lineAmounts({
        quantity: Number(l.quantity),
        unitPrice: Number(l.unit_price),
        discount: Number(l.discount),
      });
      const vat = effectiveVat(org.vat_regime, {
        vatRate: Number(l.vat_rate),
        vatExemptionReason: l.vat_exemption_reason,
      });
      const quantity = Number(l.quantity);
      const delivered = progress?.delivered.get(l.id) ?? 0;
      const invoiced = progress?.invoiced.get(l.id) ?? 0;
      // Goods are invoiced as they are delivered; services as ordered.
      const billable = l.kind === 'goods' ? delivered : quantity;
      return {
        id: l.id,
        position: Number(l.position),
        itemId: l.item_id,
        code: l.code,
        label: l.label,
        description: l.description,
        kind: l.kind,
        unit: l.unit,
        quantity: qty(quantity),
        unitPrice: fromScaledInteger(Number(l.unit_price), 4),
        discountPercent: fromScaledInteger(Number(l.discount), 2),
        vatCategory: vat.category,
        vatRate: fromScaledInteger(vat.rate, 2),
        vatExemptionReason: vat.exemptionReason,
        revenueAccount: l.revenue_account,
        grossAmount: amounts.gross,
        discountAmount: amounts.discountAmount,
        netAmount: amounts.net,
        sourceLineId: l.source_line_id,
        delivered: progress ? qty(delivered) : null,
        invoiced: progress ? qty(invoiced) : null,
        toDeliver: progress ? qty(l.kind === 'goods' ? Math.max(quantity - delivered, 0) : 0) : null,
        toInvoice: progress ? qty(Math.max(billable - invoiced, 0)) : null,
      };
    }),
    linked: await linkedDocuments(db, orgId, row),
    validatedAt: row.validated_at,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

export async function listSalesDocuments(
  db: Db,
  orgId: string,
  kind: SalesDocumentKind,
  query: SalesListQuery,
): Promise<SalesDocumentPage> {
  let base = db
    .selectFrom('relations_sales_document as d')
    .innerJoin('party as p', (join) =>
      join.onRef('p.org_id', '=', 'd.org_id').onRef('p.id', '=', 'd.party_id'),
    )
    .where('d.org_id', '=', orgId)
    .where('d.kind', '=', kind);
  if (query.status) base = base.where('d.status', '=', query.status);
  if (query.partyId) base = base.where('d.party_id', '=', query.partyId);
  const { total } = await base
    .select((eb) => eb.cast<number>(eb.fn.countAll(), 'bigint').as('total'))
    .executeTakeFirstOrThrow();
  const rows = await base
    .selectAll('d')
    .select('p.name as party_name')
    .orderBy('d.issue_date', 'desc')
    .orderBy('d.id', 'desc')
    .limit(query.limit)
    .offset(query.offset)
    .execute();
  return { items: rows.map((r) => toSalesSummary(r, r.party_name)), total: Number(total) };
}

/** Totals under the organisation's current VAT regime, with the invoices' EN 16931 arithmetic. */
export function salesTotals(
  lines: Parameters<typeof draftTotals>[0],
  documentDiscount: number,
  regime: Parameters<typeof draftTotals>[2],
) {
  const totals = draftTotals(lines, documentDiscount, regime);
  return { total_net: totals.taxBasisTotal, total_vat: totals.vatTotal, total: totals.grandTotal };
}
