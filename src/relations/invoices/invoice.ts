import { recordAudit } from '../../kernel/audit/audit.ts';
import type { Db } from '../../kernel/db/index.ts';
import {
  conflict,
  type FieldIssue,
  invalid,
  notFound,
  ruleBroken,
} from '../../kernel/errors/domain-error.ts';
import { newId } from '../../kernel/ids.ts';
import type { InvoiceDraftInput, InvoiceDto, InvoiceLineInput } from './contract.ts';
import { draftTotals, getInvoice, loadInvoice } from './invoice-read.ts';
import { lineAmounts } from './invoice-totals.ts';
import type { InvoiceKind, RelationsInvoiceLineTable, RelationsInvoiceTable } from './tables.ts';

// Drafts: created, edited and deleted freely until validation (invoice-validation.ts). Each command runs
// in the caller's transaction and leaves one audit event.

export const CREDIT_NOTE_TERMS = 'Montant à déduire de votre prochain règlement ou remboursé sur demande.';
const LOCKED = 'Une facture validée ne peut plus être modifiée ni supprimée : établissez un avoir.';

export type ResolvedLine = Omit<RelationsInvoiceLineTable, 'org_id' | 'id' | 'invoice_id' | 'position'>;

/** 4191 « avances et acomptes reçus »: a down payment line, or (negative) its deduction on the final invoice. */
export const isDownPaymentAccount = (account: string) => account.startsWith('4191');

/**
 * Fills lines from the catalogue and checks what a draft must already get right (sign, required fields).
 * Also used by the sales documents (quotes, orders, contracts), which name themselves in `subject`.
 */
export async function resolveLines(
  trx: Db,
  orgId: string,
  kind: InvoiceKind,
  lines: readonly InvoiceLineInput[],
  subject = 'de la facture',
): Promise<ResolvedLine[]> {
  const itemIds = [...new Set(lines.map((l) => l.itemId).filter((id): id is string => !!id))];
  const items = new Map(
    itemIds.length === 0
      ? []
      : (
          await trx
            .selectFrom('relations_catalogue_item')
            .selectAll()
            .where('org_id', '=', orgId)
            .where('id', 'in', itemIds)
            .execute()
        ).map((i) => [i.id, i]),
  );
  const issues: FieldIssue[] = [];
  const resolved = lines.map((line, i): ResolvedLine | null => {
    const field = (name: string) => `lines.${i}.${name}`;
    const item = line.itemId ? items.get(line.itemId) : undefined;
    if (line.itemId && !item)
      issues.push({ field: field('itemId'), message: 'Article inconnu dans le catalogue.' });
    const deduction = line.quantity < 0 && !!line.revenueAccount && isDownPaymentAccount(line.revenueAccount);
    if (kind === 'invoice' && line.quantity <= 0 && !deduction)
      issues.push({
        field: field('quantity'),
        message: 'La quantité doit être positive : pour annuler ou rembourser, établissez un avoir.',
      });
    if (kind === 'credit_note' && line.quantity === 0)
      issues.push({ field: field('quantity'), message: 'La quantité ne peut pas être nulle.' });
    const label = line.label ?? item?.label;
    const unitPrice = line.unitPrice ?? (item ? Number(item.unit_price) : undefined);
    const vatRate = line.vatRate ?? (item ? Number(item.vat_rate) : undefined);
    if (!label) issues.push({ field: field('label'), message: 'Le libellé de la ligne est obligatoire.' });
    if (unitPrice === undefined || unitPrice === null)
      issues.push({ field: field('unitPrice'), message: 'Le prix unitaire HT est obligatoire.' });
    if (vatRate === undefined || vatRate === null)
      issues.push({ field: field('vatRate'), message: 'Le taux de TVA est obligatoire.' });
    if (!label || unitPrice === undefined || unitPrice === null || vatRate === undefined || vatRate === null)
      return null;
    const lineKind = line.kind ?? item?.kind ?? 'service';
    const discount = line.discountPercent;
    let netAmount = 0;
    try {
      netAmount = lineAmounts({ quantity: line.quantity, unitPrice, discount }).net;
    } catch {
      issues.push({ field: field('quantity'), message: 'Montant de ligne hors limites.' });
    }
    return {
      item_id: item?.id ?? null,
      code: item?.code ?? null,
      label,
      description: line.description ?? item?.description ?? null,
      kind: lineKind,
      unit: line.unit ?? item?.unit ?? 'C62',
      quantity: line.quantity,
      unit_price: unitPrice,
      discount,
      vat_rate: vatRate,
      vat_exemption_reason: line.vatExemptionReason ?? item?.vat_exemption_reason ?? null,
      revenue_account:
        line.revenueAccount ?? item?.revenue_account ?? (lineKind === 'service' ? '706' : '707'),
      net_amount: netAmount,
    };
  });
  if (issues.length > 0) throw invalid(`Certaines lignes ${subject} sont invalides.`, issues);
  return resolved as ResolvedLine[];
}

async function requireCustomer(trx: Db, orgId: string, customerId: string) {
  const party = await trx
    .selectFrom('party')
    .select(['id', 'name'])
    .where('org_id', '=', orgId)
    .where('id', '=', customerId)
    .executeTakeFirst();
  if (!party) throw invalid('Client inconnu.', [{ field: 'customerId', message: 'Ce tiers n’existe pas.' }]);
  return party;
}

async function currentRegime(trx: Db, orgId: string) {
  const org = await trx
    .selectFrom('organisation')
    .select('vat_regime')
    .where('org_id', '=', orgId)
    .executeTakeFirst();
  if (!org) throw notFound('Organisation');
  return org.vat_regime;
}

function headerOf(input: InvoiceDraftInput) {
  return {
    customer_id: input.customerId,
    issue_date: input.issueDate,
    delivery_date: input.deliveryDate,
    due_date: input.dueDate,
    payment_terms: input.paymentTerms,
    customer_order_ref: input.customerOrderRef,
    delivery_line1: input.deliveryAddress?.line1 ?? null,
    delivery_line2: input.deliveryAddress?.line2 ?? null,
    delivery_postal_code: input.deliveryAddress?.postalCode ?? null,
    delivery_city: input.deliveryAddress?.city ?? null,
    delivery_country: input.deliveryAddress?.country ?? null,
    notes: input.notes,
    document_discount: input.documentDiscountPercent,
  };
}

async function writeLines(trx: Db, orgId: string, invoiceId: string, lines: ResolvedLine[]) {
  await trx
    .deleteFrom('relations_invoice_line')
    .where('org_id', '=', orgId)
    .where('invoice_id', '=', invoiceId)
    .execute();
  const rows = lines.map((l, position) => ({
    org_id: orgId,
    id: newId(),
    invoice_id: invoiceId,
    position,
    ...l,
  }));
  for (let i = 0; i < rows.length; i += 200)
    await trx
      .insertInto('relations_invoice_line')
      .values(rows.slice(i, i + 200))
      .execute();
}

async function totalsColumns(
  trx: Db,
  orgId: string,
  lines: readonly ResolvedLine[],
  documentDiscount: number,
) {
  try {
    const totals = draftTotals(lines, documentDiscount, await currentRegime(trx, orgId));
    return { total_net: totals.taxBasisTotal, total_vat: totals.vatTotal, total: totals.grandTotal };
  } catch (error) {
    if (error instanceof RangeError) throw invalid('Les montants de la facture dépassent les limites.');
    throw error;
  }
}

export async function createInvoiceDraft(
  trx: Db,
  orgId: string,
  input: InvoiceDraftInput,
  actorId: string | null,
  kind: InvoiceKind = 'invoice',
  creditedInvoiceId: string | null = null,
): Promise<InvoiceDto> {
  await requireCustomer(trx, orgId, input.customerId);
  const lines = await resolveLines(trx, orgId, kind, input.lines);
  const now = new Date().toISOString();
  const id = newId();
  const row: RelationsInvoiceTable = {
    org_id: orgId,
    id,
    kind,
    status: 'draft',
    number: null,
    ...headerOf(input),
    credited_invoice_id: creditedInvoiceId,
    ...(await totalsColumns(trx, orgId, lines, input.documentDiscountPercent)),
    issued: null,
    ledger_entry_id: null,
    validated_at: null,
    validated_by: null,
    created_at: now,
    created_by: actorId,
    updated_at: now,
  };
  await trx.insertInto('relations_invoice').values(row).execute();
  await writeLines(trx, orgId, id, lines);
  const invoice = await getInvoice(trx, orgId, id);
  await recordAudit(trx, {
    orgId,
    actorId,
    action: kind === 'credit_note' ? 'relations.credit_note.drafted' : 'relations.invoice.drafted',
    entity: 'relations_invoice',
    entityId: id,
    after: invoice,
  });
  return invoice;
}

/**
 * Takes the draft for this transaction: the guarded UPDATE locks the row (PostgreSQL) or the database
 * (SQLite), so a concurrent validation or edit of the same draft waits, then finds it validated.
 */
export async function claimDraft(trx: Db, orgId: string, invoiceId: string): Promise<void> {
  const result = await trx
    .updateTable('relations_invoice')
    .set({ updated_at: new Date().toISOString() })
    .where('org_id', '=', orgId)
    .where('id', '=', invoiceId)
    .where('status', '=', 'draft')
    .executeTakeFirst();
  if (Number(result.numUpdatedRows) === 1) return;
  await loadInvoice(trx, orgId, invoiceId); // not found → 404
  throw conflict(LOCKED);
}

export async function updateInvoiceDraft(
  trx: Db,
  orgId: string,
  invoiceId: string,
  input: InvoiceDraftInput,
  actorId: string | null,
): Promise<InvoiceDto> {
  await claimDraft(trx, orgId, invoiceId);
  const before = await getInvoice(trx, orgId, invoiceId);
  if (before.kind === 'credit_note' && input.customerId !== before.customerId)
    throw ruleBroken('Un avoir s’adresse au client de la facture qu’il corrige.', 'credit-note-customer');
  await requireCustomer(trx, orgId, input.customerId);
  const lines = await resolveLines(trx, orgId, before.kind, input.lines);
  await writeLines(trx, orgId, invoiceId, lines);
  await trx
    .updateTable('relations_invoice')
    .set({
      ...headerOf(input),
      ...(await totalsColumns(trx, orgId, lines, input.documentDiscountPercent)),
      updated_at: new Date().toISOString(),
    })
    .where('org_id', '=', orgId)
    .where('id', '=', invoiceId)
    .execute();
  const after = await getInvoice(trx, orgId, invoiceId);
  await recordAudit(trx, {
    orgId,
    actorId,
    action: 'relations.invoice.updated',
    entity: 'relations_invoice',
    entityId: invoiceId,
    before,
    after,
  });
  return after;
}

/** A draft has no number yet, so deleting it leaves no gap in the numbering. */
export async function deleteInvoiceDraft(
  trx: Db,
  orgId: string,
  invoiceId: string,
  actorId: string | null,
): Promise<void> {
  await claimDraft(trx, orgId, invoiceId);
  const before = await getInvoice(trx, orgId, invoiceId);
  await trx
    .deleteFrom('relations_invoice_line')
    .where('org_id', '=', orgId)
    .where('invoice_id', '=', invoiceId)
    .execute();
  await trx.deleteFrom('relations_invoice').where('org_id', '=', orgId).where('id', '=', invoiceId).execute();
  await recordAudit(trx, {
    orgId,
    actorId,
    action: 'relations.invoice.deleted',
    entity: 'relations_invoice',
    entityId: invoiceId,
    before,
  });
}

/**
 * The only way to correct a validated invoice: a credit note drafted from it, with the same customer and
 * a copy of its lines (to be reduced to what is really credited), then validated like an invoice.
 */
export async function createCreditNote(
  trx: Db,
  orgId: string,
  invoiceId: string,
  actorId: string | null,
): Promise<InvoiceDto> {
  const { row, lines } = await loadInvoice(trx, orgId, invoiceId);
  if (row.kind !== 'invoice')
    throw ruleBroken(
      'Un avoir se fait sur une facture, pas sur un autre avoir.',
      'credit-note-of-credit-note',
    );
  if (row.status !== 'validated')
    throw ruleBroken(
      'Cette facture est encore un brouillon : modifiez-la ou supprimez-la, sans avoir.',
      'credit-note-of-draft',
    );
  return createInvoiceDraft(
    trx,
    orgId,
    {
      customerId: row.customer_id,
      issueDate: null,
      deliveryDate: row.delivery_date,
      dueDate: null,
      paymentTerms: CREDIT_NOTE_TERMS,
      customerOrderRef: row.customer_order_ref,
      deliveryAddress:
        row.delivery_line1 && row.delivery_postal_code && row.delivery_city
          ? {
              line1: row.delivery_line1,
              line2: row.delivery_line2,
              postalCode: row.delivery_postal_code,
              city: row.delivery_city,
              country: row.delivery_country ?? 'FR',
            }
          : null,
      notes: null,
      documentDiscountPercent: Number(row.document_discount),
      lines: lines.map((l) => ({
        itemId: l.item_id,
        label: l.label,
        description: l.description,
        kind: l.kind,
        unit: l.unit as InvoiceLineInput['unit'],
        quantity: Number(l.quantity),
        unitPrice: Number(l.unit_price),
        discountPercent: Number(l.discount),
        vatRate: Number(l.vat_rate),
        vatExemptionReason: l.vat_exemption_reason,
        revenueAccount: l.revenue_account,
      })),
    },
    actorId,
    'credit_note',
    invoiceId,
  );
}
