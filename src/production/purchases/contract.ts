import { z } from 'zod';
import { isCalendarDate } from '../../kernel/dates/index.ts';
import { text } from '../../kernel/validation/text.ts';

// Supplier bills (factures fournisseurs) and their payments. Amounts are integer cents (100,00 € is
// 10000), VAT rates hundredths of a percent (20 % is 2000, 5,5 % is 550), as in the sales contracts.

const calendarDate = (what: string) => {
  const message = `${what} : date réelle au format AAAA-MM-JJ attendue.`;
  return z.iso.date({ error: message, abort: true }).refine(isCalendarDate, message);
};
const id = text().min(1, 'Identifiant attendu.').max(64);
const cents = (what: string, min: number) =>
  z
    .number(`${what} : montant en centimes attendu.`)
    .int(`${what} : montant en centimes entiers attendu.`)
    .min(min, `${what} : le montant doit être positif.`)
    .max(100_000_000_000, `${what} : montant hors limites.`);

/** The default expense account: 607 « Achats de marchandises ». */
export const DEFAULT_EXPENSE_ACCOUNT = '607';

export const billLineInput = z.object({
  label: text().min(1, 'Libellé de la ligne : champ obligatoire.').max(200, '200 caractères au maximum.'),
  account: text()
    .max(20)
    .nullish()
    .transform((v) => v || DEFAULT_EXPENSE_ACCOUNT),
  netAmount: cents('Montant HT', 0),
  vatRate: z.number('Taux de TVA attendu (2000 pour 20 %).').int('Taux de TVA entier attendu.'),
});

export const billInput = z.object({
  supplierId: id,
  supplierRef: text()
    .min(1, 'Le numéro de la facture du fournisseur est obligatoire.')
    .max(60, 'Numéro du fournisseur : 60 caractères au maximum.'),
  billDate: calendarDate('Date de la facture'),
  dueDate: calendarDate('Échéance')
    .nullish()
    .transform((v) => v ?? null),
  lines: z
    .array(billLineInput)
    .min(1, 'Une facture compte au moins une ligne.')
    .max(200, 'Une facture compte 200 lignes au plus.'),
});
export type BillInput = z.output<typeof billInput>;

export const supplierPaymentMethods = ['transfer', 'cheque', 'direct_debit'] as const;
export type SupplierPaymentMethod = (typeof supplierPaymentMethods)[number];

export const paymentInput = z.object({
  date: calendarDate('Date du paiement'),
  method: z.enum(
    supplierPaymentMethods,
    'Mode de paiement inconnu : transfer (virement), cheque (chèque) ou direct_debit (prélèvement).',
  ),
  amount: cents('Montant payé', 1),
  reference: text()
    .max(100, '100 caractères au maximum.')
    .nullish()
    .transform((v) => (v ? v : null)),
});
export type PaymentInput = z.output<typeof paymentInput>;

export const cancellationInput = z.object({ date: calendarDate('Date de l’annulation') });

export const billStatuses = ['draft', 'validated', 'cancelled'] as const;
/** Where a validated bill stands with its payments. */
export const paymentStatuses = ['to_pay', 'partially_paid', 'paid'] as const;
export type BillPaymentStatus = (typeof paymentStatuses)[number];

export const billListQuery = z.object({
  status: z
    .enum(
      ['draft', 'to_pay', 'partially_paid', 'paid', 'cancelled'],
      'Statut inconnu : draft, to_pay, partially_paid, paid ou cancelled.',
    )
    .optional(),
});
export type BillListQuery = z.output<typeof billListQuery>;

export const billLineDto = z.object({
  label: z.string(),
  account: z.string(),
  netAmount: z.number().int(),
  vatRate: z.number().int(),
});

export const supplierPaymentDto = z.object({
  id: z.string(),
  date: z.string(),
  method: z.enum(supplierPaymentMethods),
  amount: z.number().int(),
  reference: z.string().nullable(),
  ledgerEntryId: z.string(),
  /** A cancelled payment stays listed; it no longer counts in what was paid. */
  cancelledOn: z.string().nullable(),
  cancellationEntryId: z.string().nullable(),
});

export const billDto = z.object({
  id: z.string(),
  status: z.enum(billStatuses),
  /** Null for a draft or a cancelled bill. */
  paymentStatus: z.enum(paymentStatuses).nullable(),
  number: z.string().nullable(),
  supplierId: z.string(),
  supplierName: z.string(),
  supplierRef: z.string(),
  billDate: z.string(),
  dueDate: z.string().nullable(),
  totalNet: z.number().int(),
  totalVat: z.number().int(),
  total: z.number().int(),
  paid: z.number().int(),
  leftToPay: z.number().int(),
  vatBreakdown: z.array(z.object({ rate: z.number().int(), base: z.number().int(), vat: z.number().int() })),
  lines: z.array(billLineDto),
  payments: z.array(supplierPaymentDto),
  ledgerEntryId: z.string().nullable(),
  cancellationEntryId: z.string().nullable(),
  cancelledOn: z.string().nullable(),
});
export type BillDto = z.infer<typeof billDto>;

export const billList = z.object({ items: z.array(billDto.omit({ lines: true, payments: true })) });
export type BillList = z.infer<typeof billList>;

export const payablesQuery = z.object({
  supplierId: text().max(64).optional(),
  /**
   * The day the payables stand on (bills dated up to it, payments made by it) and their ages are computed
   * on; today in the organisation's time zone by default.
   */
  asOf: calendarDate('Date de calcul').optional(),
});
export type PayablesQuery = z.output<typeof payablesQuery>;

/** A validated bill with something left to pay on `asOf`. */
export const openBillDto = z.object({
  billId: z.string(),
  number: z.string(),
  supplierId: z.string(),
  supplierName: z.string(),
  supplierRef: z.string(),
  billDate: z.string(),
  dueDate: z.string().nullable(),
  total: z.number().int(),
  paid: z.number().int(),
  leftToPay: z.number().int(),
  /** Days past the due date (the bill date when none) on `asOf`; 0 when not due yet. */
  daysLate: z.number().int(),
});
export type OpenBillDto = z.infer<typeof openBillDto>;

/**
 * The age buckets, as those of receivables (same keys, filled by the same helper): not due, 1–30 days
 * overdue, 31–60, 61–90, over 90. Declared here so the web does not load area 1 through this contract.
 */
const agedBucketsDto = z.object({
  notDue: z.number().int(),
  days0to30: z.number().int(),
  days31to60: z.number().int(),
  days61to90: z.number().int(),
  over90: z.number().int(),
  total: z.number().int(),
});

/** Aged payables (« dettes fournisseurs »), per supplier, and how they add up to 401 (decision 0033). */
export const agedPayablesDto = z.object({
  asOf: z.string(),
  /** By supplier name. */
  suppliers: z.array(agedBucketsDto.extend({ supplierId: z.string(), supplierName: z.string() })),
  totals: agedBucketsDto,
  /** By supplier name, then due date. */
  bills: z.array(openBillDto),
  reconciliation: z.object({
    openBills: z.number().int(),
    account: z.string(),
    /** The credit balance of 401 on `asOf` (credit − debit, cents). */
    ledgerBalance: z.number().int(),
    /** openBills − ledgerBalance: 0 when every entry on 401 comes from the bills. */
    difference: z.number().int(),
  }),
});
export type AgedPayablesDto = z.infer<typeof agedPayablesDto>;
