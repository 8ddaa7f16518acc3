import { z } from 'zod';
import { isCalendarDate } from '../../kernel/dates/index.ts';
import { text } from '../../kernel/validation/text.ts';
import { invoicePaymentDto } from '../receipts/contract.ts';
import {
  decimalField,
  itemKinds,
  optionalText,
  revenueAccountField,
  vatRateField,
} from '../shared/fields.ts';
import { UNIT_CODES } from '../shared/units.ts';

// Amounts are integer cents (1 200,00 € is 120000), as in the ledger's API. Quantities, unit prices and
// percentages are decimals written as text ("2,5", "12.3456"), returned with their full scale.

const calendarDate = (what: string) => {
  const message = `${what} : date réelle au format AAAA-MM-JJ attendue.`;
  return z.iso.date({ error: message, abort: true }).refine(isCalendarDate, message);
};
const optionalDate = (what: string) =>
  calendarDate(what)
    .nullish()
    .transform((v) => v ?? null);
const id = text().min(1).max(64);

export const invoiceKinds = ['invoice', 'credit_note'] as const;
export const invoiceStatuses = ['draft', 'validated'] as const;
export const vatCategories = ['S', 'E', 'O'] as const;
export const operationNatures = ['goods', 'services', 'mixed'] as const;

/**
 * A line from the catalogue (`itemId`: the item's values fill whatever the line leaves out) or a free
 * line (label, unit price and VAT rate then required).
 */
export const invoiceLineInput = z.object({
  itemId: id.nullish().transform((v) => v ?? null),
  label: optionalText(200),
  description: optionalText(1000),
  kind: z.enum(itemKinds, 'Type de ligne inconnu : goods (bien) ou service.').nullish(),
  unit: z.enum(UNIT_CODES, 'Unité inconnue (codes UN/ECE : C62 unité, HUR heure, DAY jour…).').nullish(),
  quantity: decimalField('Quantité', 3, { min: -1_000_000, max: 1_000_000 }),
  unitPrice: decimalField('Prix unitaire HT', 4, { min: 0, max: 1_000_000_000 }).nullish(),
  discountPercent: decimalField('Remise de la ligne', 2, { min: 0, max: 100 }).default(0),
  vatRate: vatRateField.nullish(),
  vatExemptionReason: optionalText(300),
  revenueAccount: revenueAccountField.nullish(),
});
export type InvoiceLineInput = z.output<typeof invoiceLineInput>;

export const deliveryAddressInput = z.object({
  line1: text().min(1, 'L’adresse de livraison est obligatoire.').max(200, '200 caractères au maximum.'),
  line2: optionalText(200),
  postalCode: text().min(1, 'Le code postal est obligatoire.').max(20, '20 caractères au maximum.'),
  city: text().min(1, 'La ville est obligatoire.').max(100, '100 caractères au maximum.'),
  country: z
    .string()
    .trim()
    .toUpperCase()
    .regex(/^[A-Z]{2}$/, 'Code pays ISO à deux lettres attendu (FR, BE…).')
    .default('FR'),
});
export type DeliveryAddress = z.output<typeof deliveryAddressInput>;

export const invoiceDraftInput = z.object({
  customerId: id,
  /** Left empty, the invoice is dated on the day it is validated. */
  issueDate: optionalDate('Date de facture'),
  /** Date of the sale or of the end of the service, when it differs from the invoice date. */
  deliveryDate: optionalDate('Date de livraison ou d’exécution'),
  /** Left empty: the invoice date plus the payment terms of the invoicing settings. */
  dueDate: optionalDate('Date d’échéance'),
  paymentTerms: optionalText(300),
  customerOrderRef: optionalText(100),
  deliveryAddress: deliveryAddressInput.nullish().transform((v) => v ?? null),
  notes: optionalText(2000),
  documentDiscountPercent: decimalField('Remise globale', 2, { min: 0, max: 100 }).default(0),
  lines: z
    .array(invoiceLineInput)
    .min(1, 'Une facture compte au moins une ligne.')
    .max(1000, 'Une facture compte au plus 1 000 lignes.'),
});
export type InvoiceDraftInput = z.output<typeof invoiceDraftInput>;

export const invoiceListQuery = z.object({
  status: z.enum(invoiceStatuses, 'Statut inconnu : draft ou validated.').optional(),
  kind: z.enum(invoiceKinds, 'Type inconnu : invoice ou credit_note.').optional(),
  customerId: text().max(64).optional(),
  from: calendarDate('Date de début').optional(),
  to: calendarDate('Date de fin').optional(),
  limit: z.coerce.number().int('Nombre entier attendu.').min(1).max(500).default(50),
  offset: z.coerce.number().int('Nombre entier attendu.').min(0).default(0),
});
export type InvoiceListQuery = z.output<typeof invoiceListQuery>;

export const invoiceLineDto = z.object({
  id: z.string(),
  position: z.number().int(),
  itemId: z.string().nullable(),
  code: z.string().nullable(),
  label: z.string(),
  description: z.string().nullable(),
  kind: z.enum(itemKinds),
  unit: z.string(),
  quantity: z.string(),
  unitPrice: z.string(),
  discountPercent: z.string(),
  vatCategory: z.enum(vatCategories),
  vatRate: z.string(),
  vatExemptionReason: z.string().nullable(),
  revenueAccount: z.string(),
  grossAmount: z.number().int(),
  discountAmount: z.number().int(),
  netAmount: z.number().int(),
});
export type InvoiceLineDto = z.infer<typeof invoiceLineDto>;

export const vatBreakdownDto = z.object({
  category: z.enum(vatCategories),
  rate: z.string(),
  taxableAmount: z.number().int(),
  vatAmount: z.number().int(),
  exemptionReason: z.string().nullable(),
});

export const invoiceTotalsDto = z.object({
  lineTotal: z.number().int(),
  allowanceTotal: z.number().int(),
  taxBasisTotal: z.number().int(),
  vatTotal: z.number().int(),
  grandTotal: z.number().int(),
  duePayable: z.number().int(),
  vatBreakdown: z.array(vatBreakdownDto),
});

export const invoiceSummaryDto = z.object({
  id: z.string(),
  kind: z.enum(invoiceKinds),
  status: z.enum(invoiceStatuses),
  number: z.string().nullable(),
  customerId: z.string(),
  customerName: z.string(),
  issueDate: z.string().nullable(),
  dueDate: z.string().nullable(),
  totalNet: z.number().int(),
  totalVat: z.number().int(),
  total: z.number().int(),
  creditedInvoiceId: z.string().nullable(),
  /** Paid, credited, remaining and days late (validated invoices only; null for drafts and credit notes). */
  payment: invoicePaymentDto.nullable(),
});
export type InvoiceSummaryDto = z.infer<typeof invoiceSummaryDto>;

export const invoiceDto = invoiceSummaryDto.extend({
  deliveryDate: z.string().nullable(),
  paymentTerms: z.string().nullable(),
  customerOrderRef: z.string().nullable(),
  deliveryAddress: deliveryAddressInput.nullable(),
  notes: z.string().nullable(),
  documentDiscountPercent: z.string(),
  creditedInvoiceNumber: z.string().nullable(),
  /** A down payment invoice (facture d'acompte, Factur-X type 386): every line on 4191. */
  downPayment: z.boolean(),
  nature: z.enum(operationNatures),
  lines: z.array(invoiceLineDto),
  totals: invoiceTotalsDto,
  /** The mandatory mentions printed on the invoice (validated invoices only). */
  legalMentions: z.array(z.string()),
  ledgerEntryId: z.string().nullable(),
  documentId: z.string().nullable(),
  validatedAt: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type InvoiceDto = z.infer<typeof invoiceDto>;

export const invoicePage = z.object({ items: z.array(invoiceSummaryDto), total: z.number().int() });
export type InvoicePage = z.infer<typeof invoicePage>;
