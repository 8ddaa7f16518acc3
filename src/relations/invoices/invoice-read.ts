import { sql } from 'kysely';
import type { Db } from '../../kernel/db/index.ts';
import { notFound } from '../../kernel/errors/domain-error.ts';
import type { OrganisationDto } from '../../kernel/organisations/contract.ts';
import type { InvoicePaymentDto } from '../receipts/contract.ts';
import { invoicesWithPayments, organisationToday } from '../receipts/outstanding.ts';
import { fromScaledInteger } from '../shared/scaled.ts';
import type { InvoiceDto, InvoiceListQuery, InvoicePage, InvoiceSummaryDto } from './contract.ts';
import { buildIssuedInvoice } from './factur-x/issued-invoice.ts';
import type { IssuedInvoice } from './factur-x/model.ts';
import { type InvoiceTotals, invoiceTotals, lineAmounts } from './invoice-totals.ts';
import { effectiveVat, type Issued, natureOf } from './issued.ts';
import { legalMentions } from './legal-mentions.ts';
import type { RelationsInvoiceLineTable, RelationsInvoiceTable } from './tables.ts';

export type InvoiceRows = { row: RelationsInvoiceTable; lines: RelationsInvoiceLineTable[] };

export async function loadInvoice(db: Db, orgId: string, invoiceId: string): Promise<InvoiceRows> {
  const row = await db
    .selectFrom('relations_invoice')
    .selectAll()
    .where('org_id', '=', orgId)
    .where('id', '=', invoiceId)
    .executeTakeFirst();
  if (!row) throw notFound('Facture');
  const lines = await db
    .selectFrom('relations_invoice_line')
    .selectAll()
    .where('org_id', '=', orgId)
    .where('invoice_id', '=', invoiceId)
    .orderBy('position')
    .execute();
  return { row, lines };
}

export function parseIssued(row: Pick<RelationsInvoiceTable, 'issued'>): Issued | null {
  if (row.issued === null) return null;
  return (typeof row.issued === 'string' ? JSON.parse(row.issued) : row.issued) as Issued;
}

export const lineForTotals = (l: RelationsInvoiceLineTable) => ({
  code: l.code,
  label: l.label,
  description: l.description,
  kind: l.kind,
  unit: l.unit,
  quantity: Number(l.quantity),
  unitPrice: Number(l.unit_price),
  discount: Number(l.discount),
  vatRate: Number(l.vat_rate),
  vatExemptionReason: l.vat_exemption_reason,
});

/** The issued invoice of a validated row: what the XML, the PDF and the mentions are made from. */
export function issuedInvoiceOf(
  { row, lines }: InvoiceRows,
  credited: { number: string; issueDate: string } | null,
): IssuedInvoice {
  const issued = parseIssued(row);
  if (row.status !== 'validated' || !issued || !row.number || !row.issue_date)
    throw new Error(`Facture ${row.id} non validée : pas de document émis.`);
  return buildIssuedInvoice({
    kind: row.kind,
    number: row.number,
    issueDate: row.issue_date,
    deliveryDate: row.delivery_date,
    dueDate: row.due_date,
    paymentTerms: row.payment_terms,
    customerOrderRef: row.customer_order_ref,
    deliveryAddress: deliveryAddressOf(row),
    notes: row.notes,
    documentDiscount: Number(row.document_discount),
    credited,
    downPayment: isDownPaymentInvoice({ row, lines }),
    issued,
    validatedAt: row.validated_at!,
    lines: lines.map(lineForTotals),
  });
}

/** Every line on 4191 and positive: an invoice for a down payment (docs/decisions/0012). */
export function isDownPaymentInvoice({ row, lines }: InvoiceRows): boolean {
  return (
    row.kind === 'invoice' &&
    lines.length > 0 &&
    lines.every((l) => l.revenue_account.startsWith('4191') && Number(l.quantity) > 0)
  );
}

export function deliveryAddressOf(row: RelationsInvoiceTable) {
  if (!row.delivery_line1 || !row.delivery_postal_code || !row.delivery_city) return null;
  return {
    line1: row.delivery_line1,
    line2: row.delivery_line2,
    postalCode: row.delivery_postal_code,
    city: row.delivery_city,
    country: row.delivery_country ?? 'FR',
  };
}

/** Totals of a draft under the organisation's current VAT regime (a validated invoice keeps its own). */
export function draftTotals(
  lines: readonly Pick<
    RelationsInvoiceLineTable,
    'quantity' | 'unit_price' | 'discount' | 'vat_rate' | 'vat_exemption_reason'
  >[],
  documentDiscount: number,
  regime: OrganisationDto['vatRegime'],
): InvoiceTotals {
  return invoiceTotals({
    documentDiscount,
    lines: lines.map((l) => {
      const vat = effectiveVat(regime, {
        vatRate: Number(l.vat_rate),
        vatExemptionReason: l.vat_exemption_reason,
      });
      return {
        quantity: Number(l.quantity),
        unitPrice: Number(l.unit_price),
        discount: Number(l.discount),
        vatCategory: vat.category,
        vatRate: vat.rate,
      };
    }),
  });
}

async function context(db: Db, orgId: string, row: RelationsInvoiceTable) {
  const [customer, credited, document, org] = await Promise.all([
    db
      .selectFrom('party')
      .select('name')
      .where('org_id', '=', orgId)
      .where('id', '=', row.customer_id)
      .executeTakeFirst(),
    row.credited_invoice_id
      ? db
          .selectFrom('relations_invoice')
          .select(['number', 'issue_date'])
          .where('org_id', '=', orgId)
          .where('id', '=', row.credited_invoice_id)
          .executeTakeFirst()
      : undefined,
    db
      .selectFrom('relations_invoice_document')
      .select('document_id')
      .where('org_id', '=', orgId)
      .where('invoice_id', '=', row.id)
      .executeTakeFirst(),
    db.selectFrom('organisation').select('vat_regime').where('org_id', '=', orgId).executeTakeFirstOrThrow(),
  ]);
  return { customer, credited, document, regime: org.vat_regime };
}

/** The columns a summary shows: a list page reads these only (not the frozen `issued` JSON). */
const SUMMARY_COLUMNS = [
  'i.id',
  'i.kind',
  'i.status',
  'i.number',
  'i.customer_id',
  'i.issue_date',
  'i.due_date',
  'i.total_net',
  'i.total_vat',
  'i.total',
  'i.credited_invoice_id',
] as const;

type SummaryRow = Pick<
  RelationsInvoiceTable,
  | 'id'
  | 'kind'
  | 'status'
  | 'number'
  | 'customer_id'
  | 'issue_date'
  | 'due_date'
  | 'total_net'
  | 'total_vat'
  | 'total'
  | 'credited_invoice_id'
>;

/** The payment state of validated invoices, today in the organisation's time zone. */
async function paymentsOf(
  db: Db,
  orgId: string,
  rows: readonly Pick<RelationsInvoiceTable, 'id' | 'status' | 'kind'>[],
) {
  const ids = rows.filter((r) => r.status === 'validated' && r.kind === 'invoice').map((r) => r.id);
  const payments = new Map<string, InvoicePaymentDto>();
  if (ids.length === 0) return payments;
  const today = await organisationToday(db, orgId);
  for (const p of await invoicesWithPayments(db, orgId, { invoiceIds: ids }, today))
    payments.set(p.invoiceId, {
      paid: p.paid,
      credited: p.credited,
      remaining: p.remaining,
      daysLate: p.daysLate,
      status: p.status,
    });
  return payments;
}

export function toSummary(
  row: SummaryRow,
  customerName: string,
  payment: InvoicePaymentDto | null = null,
): InvoiceSummaryDto {
  return {
    id: row.id,
    kind: row.kind,
    status: row.status,
    number: row.number,
    customerId: row.customer_id,
    customerName,
    issueDate: row.issue_date,
    dueDate: row.due_date,
    totalNet: Number(row.total_net),
    totalVat: Number(row.total_vat),
    total: Number(row.total),
    creditedInvoiceId: row.credited_invoice_id,
    payment,
  };
}

export async function getInvoice(db: Db, orgId: string, invoiceId: string): Promise<InvoiceDto> {
  const rows = await loadInvoice(db, orgId, invoiceId);
  const { row, lines } = rows;
  const ctx = await context(db, orgId, row);
  const credited =
    ctx.credited?.number && ctx.credited.issue_date
      ? { number: ctx.credited.number, issueDate: ctx.credited.issue_date }
      : null;
  const issued = row.status === 'validated' ? issuedInvoiceOf(rows, credited) : null;
  const regime = parseIssued(row)?.seller.vatRegime ?? ctx.regime;
  const totals = issued?.totals ?? draftTotals(lines, Number(row.document_discount), regime);
  const vatOf = (l: RelationsInvoiceLineTable) =>
    effectiveVat(regime, { vatRate: Number(l.vat_rate), vatExemptionReason: l.vat_exemption_reason });
  const payments = await paymentsOf(db, orgId, [row]);
  return {
    ...toSummary(row, ctx.customer?.name ?? '', payments.get(row.id) ?? null),
    deliveryDate: row.delivery_date,
    paymentTerms: row.payment_terms,
    customerOrderRef: row.customer_order_ref,
    deliveryAddress: deliveryAddressOf(row),
    notes: row.notes,
    documentDiscountPercent: fromScaledInteger(Number(row.document_discount), 2),
    creditedInvoiceNumber: credited?.number ?? null,
    downPayment: isDownPaymentInvoice(rows),
    nature: natureOf(lines.map((l) => l.kind)),
    lines: lines.map((l) => {
      const amounts = lineAmounts({
        quantity: Number(l.quantity),
        unitPrice: Number(l.unit_price),
        discount: Number(l.discount),
      });
      const vat = vatOf(l);
      return {
        id: l.id,
        position: Number(l.position),
        itemId: l.item_id,
        code: l.code,
        label: l.label,
        description: l.description,
        kind: l.kind,
        unit: l.unit,
        quantity: fromScaledInteger(Number(l.quantity), 3),
        unitPrice: fromScaledInteger(Number(l.unit_price), 4),
        discountPercent: fromScaledInteger(Number(l.discount), 2),
        vatCategory: vat.category,
        vatRate: fromScaledInteger(vat.rate, 2),
        vatExemptionReason: vat.exemptionReason,
        revenueAccount: l.revenue_account,
        grossAmount: amounts.gross,
        discountAmount: amounts.discountAmount,
        netAmount: amounts.net,
      };
    }),
    totals: {
      lineTotal: totals.lineTotal,
      allowanceTotal: totals.allowanceTotal,
      taxBasisTotal: totals.taxBasisTotal,
      vatTotal: totals.vatTotal,
      grandTotal: totals.grandTotal,
      duePayable: totals.duePayable,
      vatBreakdown: totals.vatBreakdown.map((b) => ({
        category: b.category,
        rate: fromScaledInteger(b.rate, 2),
        taxableAmount: b.taxableAmount,
        vatAmount: b.vatAmount,
        exemptionReason:
          b.category === 'S'
            ? null
            : [
                ...new Set(
                  lines
                    .map(vatOf)
                    .filter((v) => v.category === b.category && v.rate === b.rate)
                    .map((v) => v.exemptionReason)
                    .filter(Boolean),
                ),
              ].join(' ; ') || null,
      })),
    },
    legalMentions: issued ? legalMentions(issued).map((m) => m.text) : [],
    ledgerEntryId: row.ledger_entry_id,
    documentId: ctx.document?.document_id ?? null,
    validatedAt: row.validated_at,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

export async function listInvoices(db: Db, orgId: string, query: InvoiceListQuery): Promise<InvoicePage> {
  let base = db.selectFrom('relations_invoice as i').where('i.org_id', '=', orgId);
  if (query.status) base = base.where('i.status', '=', query.status);
  if (query.kind) base = base.where('i.kind', '=', query.kind);
  if (query.customerId) base = base.where('i.customer_id', '=', query.customerId);
  // A period filters on the invoice date; drafts have none yet and fall outside any period.
  if (query.from) base = base.where('i.issue_date', '>=', query.from);
  if (query.to) base = base.where('i.issue_date', '<=', query.to);
  // Counted without the customer: the foreign key guarantees every invoice has one.
  const { total } = await base
    .select((eb) => eb.cast<number>(eb.fn.countAll(), 'bigint').as('total'))
    .executeTakeFirstOrThrow();
  const rows = await base
    .innerJoin('party as p', (join) =>
      join.onRef('p.org_id', '=', 'i.org_id').onRef('p.id', '=', 'i.customer_id'),
    )
    .select([...SUMMARY_COLUMNS, 'p.name as customer_name'])
    // Drafts first (no date yet), then the most recent invoices. Written out (no bound parameter) so that
    // it is the expression of relations_invoice_order_idx, which then gives the order without a sort.
    .orderBy(sql`case when i.status = 'draft' then 0 else 1 end`)
    .orderBy('i.issue_date', 'desc')
    .orderBy('i.number', 'desc')
    .orderBy('i.id', 'desc')
    .limit(query.limit)
    .offset(query.offset)
    .execute();
  const payments = await paymentsOf(db, orgId, rows);
  return {
    items: rows.map((r) => toSummary(r, r.customer_name, payments.get(r.id) ?? null)),
    total: Number(total),
  };
}
