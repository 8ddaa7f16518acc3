import { formatDateFr } from '../../kernel/dates/index.ts';
import type { Db } from '../../kernel/db/index.ts';
import { invalid, ruleBroken } from '../../kernel/errors/domain-error.ts';
import { newId } from '../../kernel/ids.ts';
import { allocate, divideRounded } from '../../kernel/money/index.ts';
import type { InvoiceDto, InvoiceLineInput } from '../invoices/contract.ts';
import { createInvoiceDraft } from '../invoices/invoice.ts';
import { formatRate } from '../shared/vat-rates.ts';
import type { DownPaymentInput } from './contract.ts';
import { requireConfirmedOrder } from './delivery-notes.ts';
import { orderProgress } from './document-read.ts';
import { invoiceLineFrom } from './documents.ts';
import type { RelationsSalesDocumentTable } from './tables.ts';

// Invoices made from a sales order: down payment invoices (factures d'acompte, on 4191, type code 386)
// and invoices of what was delivered (goods) or ordered (services) and not yet invoiced, which deduct
// the validated down payments as negative 4191 lines, one per VAT rate (docs/decisions/0012).

export const DOWN_PAYMENT_ACCOUNT = '4191';

function invoiceHeader(order: RelationsSalesDocumentTable, notes: string) {
  return {
    customerId: order.party_id,
    issueDate: null,
    deliveryDate: null,
    dueDate: null,
    paymentTerms: null,
    customerOrderRef: order.customer_ref,
    deliveryAddress: null,
    notes,
  };
}

async function link(
  trx: Db,
  orgId: string,
  invoiceId: string,
  purpose: 'down_payment' | 'order',
  orderId: string,
  lines: { order_line_id: string | null; deducted_invoice_id: string | null; quantity: number }[],
) {
  await trx
    .insertInto('relations_sales_invoice')
    .values({
      org_id: orgId,
      invoice_id: invoiceId,
      purpose,
      order_id: orderId,
      contract_id: null,
      period_start: null,
      period_end: null,
    })
    .execute();
  if (lines.length > 0)
    await trx
      .insertInto('relations_sales_invoice_line')
      .values(lines.map((l) => ({ org_id: orgId, id: newId(), invoice_id: invoiceId, ...l })))
      .execute();
}

async function downPaymentsOf(trx: Db, orgId: string, orderId: string) {
  return trx
    .selectFrom('relations_sales_invoice as s')
    .innerJoin('relations_invoice as i', (j) =>
      j.onRef('i.org_id', '=', 's.org_id').onRef('i.id', '=', 's.invoice_id'),
    )
    .select(['i.id', 'i.number', 'i.status', 'i.issue_date', 'i.total'])
    .where('s.org_id', '=', orgId)
    .where('s.order_id', '=', orderId)
    .where('s.purpose', '=', 'down_payment')
    .orderBy('i.created_at')
    .execute();
}

/** A down payment invoice for a share (percent) or an amount incl. VAT of a confirmed order. */
export async function createDownPaymentInvoice(
  trx: Db,
  orgId: string,
  orderId: string,
  input: DownPaymentInput,
  actorId: string | null,
): Promise<InvoiceDto> {
  const { row, lines } = await requireConfirmedOrder(trx, orgId, orderId);
  if ((input.percent == null) === (input.amount == null))
    throw invalid('Indiquez soit un pourcentage, soit un montant d’acompte.', [
      { field: 'percent', message: 'Pourcentage ou montant TTC, l’un des deux.' },
    ]);
  if (Number(row.document_discount) !== 0)
    throw ruleBroken(
      'Acompte impossible sur une commande avec une remise globale : portez la remise sur les lignes.',
      'down-payment-document-discount',
    );
  // One line per VAT rate (and exemption reason), in proportion to the order's amounts at that rate.
  const groups = new Map<string, { rate: number; reason: string | null; net: number; goods: boolean }>();
  for (const l of lines) {
    const key = `${l.vat_rate}:${l.vat_exemption_reason ?? ''}`;
    const g = groups.get(key) ?? {
      rate: Number(l.vat_rate),
      reason: l.vat_exemption_reason,
      net: 0,
      goods: false,
    };
    g.net += Number(l.net_amount);
    g.goods ||= l.kind === 'goods';
    groups.set(key, g);
  }
  const list = [...groups.values()].filter((g) => g.net > 0);
  let prices: number[];
  let title: string;
  if (input.percent != null) {
    // cents × percent×100 / 100 = € × 10^4 … a price with four decimals, as the invoice lines carry.
    prices = list.map((g) => Number(divideRounded(BigInt(g.net) * BigInt(input.percent!), 100n, 'halfUp')));
    title = `Acompte de ${formatRate(input.percent)} % sur la commande ${row.number}`;
  } else {
    const grossOf = (g: (typeof list)[number]) =>
      g.net + Number(divideRounded(BigInt(g.net) * BigInt(g.rate), 10_000n, 'halfUp'));
    const amount = input.amount!;
    if (amount > Number(row.total))
      throw ruleBroken('L’acompte dépasse le montant de la commande.', 'down-payment-too-large');
    const shares = allocate(amount, list.map(grossOf));
    prices = list.map((g, i) =>
      Number(divideRounded(BigInt(shares[i]!) * 1_000_000n, BigInt(10_000 + g.rate), 'halfUp')),
    );
    title = `Acompte sur la commande ${row.number}`;
  }
  const already = (await downPaymentsOf(trx, orgId, orderId)).reduce((s, d) => s + Number(d.total), 0);
  const invoiceLines: InvoiceLineInput[] = list.map((g, i) => ({
    itemId: null,
    label: list.length > 1 ? `${title} – TVA ${formatRate(g.rate)} %` : title,
    description: null,
    kind: g.goods ? 'goods' : 'service',
    unit: 'C62',
    quantity: 1000,
    unitPrice: prices[i]!,
    discountPercent: 0,
    vatRate: g.rate,
    vatExemptionReason: g.reason,
    revenueAccount: DOWN_PAYMENT_ACCOUNT,
  }));
  if (invoiceLines.length === 0 || prices.every((p) => p === 0))
    throw ruleBroken('Acompte nul : la commande n’a pas de montant.', 'down-payment-zero');
  const invoice = await createInvoiceDraft(
    trx,
    orgId,
    {
      ...invoiceHeader(row, `Facture d’acompte – commande ${row.number} du ${formatDateFr(row.issue_date)}.`),
      documentDiscountPercent: 0,
      lines: invoiceLines,
    },
    actorId,
  );
  if (already + invoice.total > Number(row.total))
    throw ruleBroken('Les acomptes dépasseraient le montant de la commande.', 'down-payment-too-large');
  await link(trx, orgId, invoice.id, 'down_payment', orderId, []);
  return invoice;
}

/**
 * The invoice of what is billable and not yet invoiced on an order: goods as delivered, services as
 * ordered. Validated down payments not yet deducted are deducted here.
 */
export async function invoiceOrder(
  trx: Db,
  orgId: string,
  orderId: string,
  actorId: string | null,
  /** The draft's issue date (left empty: the date of validation). */
  options: { issueDate?: string } = {},
): Promise<InvoiceDto> {
  const { row, lines } = await requireConfirmedOrder(trx, orgId, orderId);
  const { delivered, invoiced } = await orderProgress(
    trx,
    orgId,
    lines.map((l) => l.id),
  );
  const billed: { line: (typeof lines)[number]; quantity: number }[] = [];
  for (const l of lines) {
    const billable = l.kind === 'goods' ? (delivered.get(l.id) ?? 0) : Number(l.quantity);
    const quantity = billable - (invoiced.get(l.id) ?? 0);
    if (quantity > 0) billed.push({ line: l, quantity });
  }
  if (billed.length === 0)
    throw ruleBroken(
      'Rien à facturer : les marchandises livrées et les services de cette commande sont déjà facturés.',
      'nothing-to-invoice',
    );
  const downPayments = await downPaymentsOf(trx, orgId, orderId);
  const pending = downPayments.find((d) => d.status !== 'validated');
  if (pending)
    throw ruleBroken(
      'Une facture d’acompte de cette commande est encore un brouillon : validez-la ou supprimez-la d’abord.',
      'down-payment-draft',
    );
  const deducted = new Set(
    (
      await trx
        .selectFrom('relations_sales_invoice_line')
        .select('deducted_invoice_id')
        .where('org_id', '=', orgId)
        .where('deducted_invoice_id', 'in', downPayments.length ? downPayments.map((d) => d.id) : ['-'])
        .execute()
    ).map((d) => d.deducted_invoice_id),
  );
  const toDeduct = downPayments.filter((d) => !deducted.has(d.id));
  const deductionLines: InvoiceLineInput[] = [];
  for (const d of toDeduct) {
    const dLines = await trx
      .selectFrom('relations_invoice_line')
      .selectAll()
      .where('org_id', '=', orgId)
      .where('invoice_id', '=', d.id)
      .orderBy('position')
      .execute();
    for (const l of dLines)
      deductionLines.push({
        ...invoiceLineFrom(l, -Number(l.quantity)),
        itemId: null,
        label: `Acompte déduit : facture ${d.number} du ${formatDateFr(d.issue_date!)}${dLines.length > 1 ? ` – TVA ${formatRate(Number(l.vat_rate))} %` : ''}`,
        revenueAccount: DOWN_PAYMENT_ACCOUNT,
      });
  }
  const deliveries = await trx
    .selectFrom('relations_sales_document')
    .select(['number', 'issue_date'])
    .where('org_id', '=', orgId)
    .where('source_id', '=', orderId)
    .where('kind', '=', 'delivery_note')
    .orderBy('issue_date')
    .execute();
  const references = [
    `Commande ${row.number} du ${formatDateFr(row.issue_date)}`,
    ...(deliveries.length ? [`bons de livraison ${deliveries.map((d) => d.number).join(', ')}`] : []),
  ].join(' ; ');
  const invoice = await createInvoiceDraft(
    trx,
    orgId,
    {
      ...invoiceHeader(row, `${references}.`),
      issueDate: options.issueDate ?? null,
      deliveryDate: deliveries.at(-1)?.issue_date ?? null,
      documentDiscountPercent: Number(row.document_discount),
      lines: [...billed.map((b) => invoiceLineFrom(b.line, b.quantity)), ...deductionLines],
    },
    actorId,
  );
  if (invoice.total < 0)
    throw ruleBroken(
      'Les acomptes à déduire dépassent le montant facturé : facturez davantage de lignes d’abord.',
      'down-payment-exceeds',
    );
  await link(trx, orgId, invoice.id, 'order', orderId, [
    ...billed.map((b) => ({ order_line_id: b.line.id, deducted_invoice_id: null, quantity: b.quantity })),
    ...toDeduct.map((d) => ({ order_line_id: null, deducted_invoice_id: d.id, quantity: 0 })),
  ]);
  return invoice;
}
