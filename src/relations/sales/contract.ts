import { z } from 'zod';
import { isCalendarDate } from '../../kernel/dates/index.ts';
import { text } from '../../kernel/validation/text.ts';
import { invoiceLineDto, invoiceLineInput, invoiceStatuses } from '../invoices/contract.ts';
import { decimalField, optionalText } from '../shared/fields.ts';

// Quotes (devis), sales orders (bons de commande) and delivery notes (bons de livraison): the same line
// shape as invoices (quantities, prices and percentages as decimal text in, scaled integers out).

const calendarDate = (what: string) => {
  const message = `${what} : date réelle au format AAAA-MM-JJ attendue.`;
  return z.iso.date({ error: message, abort: true }).refine(isCalendarDate, message);
};
const optionalDate = (what: string) =>
  calendarDate(what)
    .nullish()
    .transform((v) => v ?? null);
const id = text().min(1).max(64);

export const salesDocumentKinds = ['quote', 'order', 'delivery_note'] as const;
export const salesDocumentStatuses = [
  'draft',
  'sent',
  'accepted',
  'refused',
  'expired',
  'confirmed',
  'validated',
] as const;

const lines = (what: string) =>
  z
    .array(invoiceLineInput)
    .min(1, `${what} compte au moins une ligne.`)
    .max(1000, `${what} compte au plus 1 000 lignes.`);

const documentFields = {
  partyId: id,
  /** Left empty: today. */
  issueDate: optionalDate('Date du document'),
  customerRef: optionalText(100),
  notes: optionalText(2000),
  documentDiscountPercent: decimalField('Remise globale', 2, { min: 0, max: 100 }).default(0),
};

export const quoteInput = z.object({
  ...documentFields,
  /** Left empty: the date plus 30 days. */
  validityDate: optionalDate('Date de validité'),
  lines: lines('Un devis'),
});
export type QuoteInput = z.output<typeof quoteInput>;

export const orderInput = z.object({ ...documentFields, lines: lines('Une commande') });
export type OrderInput = z.output<typeof orderInput>;

/** Lines left out deliver nothing; no lines at all: everything that remains to deliver. */
export const deliveryInput = z.object({
  issueDate: optionalDate('Date de livraison'),
  notes: optionalText(2000),
  lines: z
    .array(
      z.object({
        orderLineId: id,
        quantity: decimalField('Quantité livrée', 3, { min: 0, max: 1_000_000 }),
      }),
    )
    .max(1000, 'Au plus 1 000 lignes.')
    .nullish()
    .transform((v) => v ?? null),
});
export type DeliveryInput = z.output<typeof deliveryInput>;

/** A share of the order (percent) or an amount incl. VAT in euros, split over the order's VAT rates. */
export const downPaymentInput = z.object({
  percent: decimalField('Pourcentage d’acompte', 2, { min: 0.01, max: 100 }).nullish(),
  amount: decimalField('Montant de l’acompte TTC', 2, { min: 0.01, max: 1_000_000_000 }).nullish(),
});
export type DownPaymentInput = z.output<typeof downPaymentInput>;

export const salesListQuery = z.object({
  status: z.enum(salesDocumentStatuses, 'Statut inconnu.').optional(),
  partyId: text().max(64).optional(),
  limit: z.coerce.number().int('Nombre entier attendu.').min(1).max(500).default(50),
  offset: z.coerce.number().int('Nombre entier attendu.').min(0).default(0),
});
export type SalesListQuery = z.output<typeof salesListQuery>;

export const salesLineDto = invoiceLineDto.extend({
  sourceLineId: z.string().nullable(),
  /** Orders only: delivered, invoiced, still to deliver and still to invoice (decimal text). */
  delivered: z.string().nullable(),
  invoiced: z.string().nullable(),
  toDeliver: z.string().nullable(),
  toInvoice: z.string().nullable(),
});
export type SalesLineDto = z.infer<typeof salesLineDto>;

export const salesDocumentSummaryDto = z.object({
  id: z.string(),
  kind: z.enum(salesDocumentKinds),
  status: z.enum(salesDocumentStatuses),
  number: z.string().nullable(),
  partyId: z.string(),
  partyName: z.string(),
  issueDate: z.string(),
  validityDate: z.string().nullable(),
  totalNet: z.number().int(),
  totalVat: z.number().int(),
  total: z.number().int(),
});
export type SalesDocumentSummaryDto = z.infer<typeof salesDocumentSummaryDto>;

export const linkedDocumentDto = z.object({
  id: z.string(),
  kind: z.enum([...salesDocumentKinds, 'invoice', 'down_payment', 'credit_note']),
  number: z.string().nullable(),
  status: z.enum([...salesDocumentStatuses, ...invoiceStatuses]),
  total: z.number().int(),
});
export type LinkedDocumentDto = z.infer<typeof linkedDocumentDto>;

export const salesDocumentDto = salesDocumentSummaryDto.extend({
  sourceId: z.string().nullable(),
  sourceNumber: z.string().nullable(),
  customerRef: z.string().nullable(),
  notes: z.string().nullable(),
  documentDiscountPercent: z.string(),
  lines: z.array(salesLineDto),
  /** Documents made from this one: orders, delivery notes, invoices (down payments included). */
  linked: z.array(linkedDocumentDto),
  validatedAt: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type SalesDocumentDto = z.infer<typeof salesDocumentDto>;

export const salesDocumentPage = z.object({
  items: z.array(salesDocumentSummaryDto),
  total: z.number().int(),
});
export type SalesDocumentPage = z.infer<typeof salesDocumentPage>;
