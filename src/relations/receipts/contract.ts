import { z } from 'zod';
import { isCalendarDate } from '../../kernel/dates/index.ts';
import { text } from '../../kernel/validation/text.ts';
import { optionalText } from '../shared/fields.ts';

// Receipts (encaissements), cheque deposit slips and receivables. Amounts are integer cents, as everywhere
// in the API (1 200,00 € is 120000).

const calendarDate = (what: string) => {
  const message = `${what} : date réelle au format AAAA-MM-JJ attendue.`;
  return z.iso.date({ error: message, abort: true }).refine(isCalendarDate, message);
};
const id = text().min(1, 'Identifiant attendu.').max(64);
const positiveCents = (what: string) =>
  z
    .number(`${what} : montant en centimes attendu.`)
    .int(`${what} : montant en centimes entiers attendu.`)
    .min(1, `${what} : le montant doit être positif.`)
    .max(100_000_000_000, `${what} : montant hors limites.`);

export const paymentMethods = ['transfer', 'cheque', 'card', 'cash', 'direct_debit'] as const;
export type PaymentMethod = (typeof paymentMethods)[number];
export const PAYMENT_METHOD_LABELS: Record<PaymentMethod, string> = {
  transfer: 'virement',
  cheque: 'chèque',
  card: 'carte bancaire',
  cash: 'espèces',
  direct_debit: 'prélèvement',
};

/** What to do with the part of a payment that no invoice takes. */
export const excessChoices = ['keep_as_credit'] as const;

export const receiptInput = z.object({
  customerId: id,
  date: calendarDate('Date de l’encaissement'),
  method: z.enum(
    paymentMethods,
    'Mode de règlement inconnu : transfer (virement), cheque, card (carte), cash (espèces) ou direct_debit (prélèvement).',
  ),
  amount: positiveCents('Montant encaissé'),
  /** Cheque number, transfer reference… */
  reference: optionalText(100),
  allocations: z
    .array(z.object({ invoiceId: id, amount: positiveCents('Montant imputé') }))
    .max(200, 'Un encaissement se répartit sur 200 factures au plus.')
    .default([]),
  /**
   * Required when the amount exceeds the allocations: keep the rest as a credit of the customer (it stays
   * unlettered on 411). Without it the payment is refused.
   */
  excess: z
    .enum(excessChoices, 'Choix inconnu pour l’excédent : keep_as_credit (garder en crédit client).')
    .nullish()
    .transform((v) => v ?? null),
});
export type ReceiptInput = z.output<typeof receiptInput>;

export const receiptCancellationInput = z.object({ date: calendarDate('Date de l’annulation') });

export const receiptStatuses = ['validated', 'cancelled'] as const;

export const receiptAllocationDto = z.object({
  invoiceId: z.string(),
  invoiceNumber: z.string(),
  amount: z.number().int(),
});

export const receiptDto = z.object({
  id: z.string(),
  number: z.string(),
  customerId: z.string(),
  customerName: z.string(),
  date: z.string(),
  method: z.enum(paymentMethods),
  amount: z.number().int(),
  reference: z.string().nullable(),
  allocated: z.number().int(),
  unallocated: z.number().int(),
  status: z.enum(receiptStatuses),
  allocations: z.array(receiptAllocationDto),
  ledgerEntryId: z.string(),
  depositSlipId: z.string().nullable(),
  depositSlipNumber: z.string().nullable(),
  cancelledOn: z.string().nullable(),
  cancellationEntryId: z.string().nullable(),
  createdAt: z.string(),
});
export type ReceiptDto = z.infer<typeof receiptDto>;

export const receiptListQuery = z.object({
  customerId: text().max(64).optional(),
  method: z.enum(paymentMethods, 'Mode de règlement inconnu.').optional(),
  /** Cheques not yet on a deposit slip. */
  undeposited: z.enum(['true', 'false'], 'true ou false attendu.').optional(),
  from: calendarDate('Date de début').optional(),
  to: calendarDate('Date de fin').optional(),
  limit: z.coerce.number().int('Nombre entier attendu.').min(1).max(500).default(50),
  offset: z.coerce.number().int('Nombre entier attendu.').min(0).default(0),
});
export type ReceiptListQuery = z.output<typeof receiptListQuery>;

export const receiptPage = z.object({ items: z.array(receiptDto), total: z.number().int() });
export type ReceiptPage = z.infer<typeof receiptPage>;

export const depositSlipInput = z.object({
  date: calendarDate('Date de la remise'),
  receiptIds: z
    .array(id)
    .min(1, 'Choisissez au moins un chèque à remettre.')
    .max(500, 'Une remise compte 500 chèques au plus.'),
});
export type DepositSlipInput = z.output<typeof depositSlipInput>;

export const depositSlipDto = z.object({
  id: z.string(),
  number: z.string(),
  date: z.string(),
  total: z.number().int(),
  chequeCount: z.number().int(),
  ledgerEntryId: z.string(),
  cheques: z.array(
    z.object({
      receiptId: z.string(),
      receiptNumber: z.string(),
      customerName: z.string(),
      reference: z.string().nullable(),
      date: z.string(),
      amount: z.number().int(),
    }),
  ),
  createdAt: z.string(),
});
export type DepositSlipDto = z.infer<typeof depositSlipDto>;
export const depositSlipList = z.object({ items: z.array(depositSlipDto) });

export const paymentStatuses = ['paid', 'partially_paid', 'overdue', 'open'] as const;
export type PaymentStatus = (typeof paymentStatuses)[number];

/** Where a validated invoice stands: what was paid or credited, what is left, how late. */
export const invoicePaymentDto = z.object({
  paid: z.number().int(),
  credited: z.number().int(),
  remaining: z.number().int(),
  daysLate: z.number().int(),
  status: z.enum(paymentStatuses),
});
export type InvoicePaymentDto = z.infer<typeof invoicePaymentDto>;

export const openInvoiceDto = z.object({
  invoiceId: z.string(),
  number: z.string(),
  customerId: z.string(),
  customerName: z.string(),
  issueDate: z.string(),
  dueDate: z.string().nullable(),
  total: z.number().int(),
  ...invoicePaymentDto.shape,
  /** The highest reminder level already sent for this invoice (0: none). */
  lastReminderLevel: z.number().int(),
});
export type OpenInvoiceDto = z.infer<typeof openInvoiceDto>;

export const receivablesQuery = z.object({
  customerId: text().max(64).optional(),
  /**
   * The day the receivables stand on (documents dated up to it) and their ages are computed on; today in
   * the organisation's time zone by default.
   */
  asOf: calendarDate('Date de calcul').optional(),
});
export type ReceivablesQuery = z.output<typeof receivablesQuery>;

export const agedBucketsDto = z.object({
  notDue: z.number().int(),
  days0to30: z.number().int(),
  days31to60: z.number().int(),
  days61to90: z.number().int(),
  over90: z.number().int(),
  total: z.number().int(),
});
export type AgedBucketsDto = z.infer<typeof agedBucketsDto>;

export const availableCreditSources = ['receipt', 'credit_note'] as const;

/**
 * A customer credit not applied to an invoice yet, on the customer's 411 account: the part of a receipt
 * kept as credit (« avance / trop-perçu ») or the part of a credit note beyond what was left to pay on its
 * invoice.
 */
export const availableCreditDto = z.object({
  source: z.enum(availableCreditSources),
  /** The receipt's or the credit note's id. */
  documentId: z.string(),
  number: z.string(),
  date: z.string(),
  customerId: z.string(),
  customerName: z.string(),
  /** For a credit note: the invoice it credits. */
  invoiceId: z.string().nullable(),
  invoiceNumber: z.string().nullable(),
  /** Cents, positive. */
  amount: z.number().int(),
});
export type AvailableCreditDto = z.infer<typeof availableCreditDto>;

export const agedReceivablesDto = z.object({
  asOf: z.string(),
  customers: z.array(
    agedBucketsDto.extend({
      customerId: z.string(),
      customerName: z.string(),
      /** The customer's available credits (cents, positive): the sum of their lines in `credits`. */
      credit: z.number().int(),
      lastReminderLevel: z.number().int(),
    }),
  ),
  totals: agedBucketsDto,
  invoices: z.array(openInvoiceDto),
  /** Available customer credits, by customer then date. */
  credits: z.array(availableCreditDto),
  /**
   * What the page adds up to, against the ledger: open invoices − available credits = net amount due,
   * which equals the balance of the customer accounts (411) on `asOf` unless something was written on
   * 411 outside invoices, credit notes and receipts (opening balances of a year not carried forward,
   * entries made by hand, an imported FEC…).
   */
  reconciliation: z.object({
    openInvoices: z.number().int(),
    credits: z.number().int(),
    netDue: z.number().int(),
    /** The general account read: '411' and its sub-accounts (only the customer's auxiliary accounts when filtered). */
    account: z.string(),
    /** Debit − credit of that account on `asOf`, from the ledger. */
    ledgerBalance: z.number().int(),
    /** netDue − ledgerBalance: 0 when the page and the ledger agree. */
    difference: z.number().int(),
  }),
});
export type AgedReceivablesDto = z.infer<typeof agedReceivablesDto>;

/** A customer's credit: the parts of their receipts kept as credit and not used yet, oldest first. */
export const customerCreditDto = z.object({
  customerId: z.string(),
  available: z.number().int(),
  credits: z.array(
    z.object({
      receiptId: z.string(),
      receiptNumber: z.string(),
      date: z.string(),
      remaining: z.number().int(),
    }),
  ),
});
export type CustomerCreditDto = z.infer<typeof customerCreditDto>;

/** Uses a customer's credit on one of their validated invoices; the oldest credits first, or one receipt's. */
export const creditUseInput = z.object({
  amount: positiveCents('Montant à imputer'),
  receiptId: id.nullish().transform((v) => v ?? null),
});
export type CreditUseInput = z.output<typeof creditUseInput>;

export const creditUseDto = z.object({
  invoiceId: z.string(),
  invoiceNumber: z.string(),
  amount: z.number().int(),
  uses: z.array(z.object({ receiptId: z.string(), receiptNumber: z.string(), amount: z.number().int() })),
  payment: invoicePaymentDto,
  creditLeft: z.number().int(),
});
export type CreditUseDto = z.infer<typeof creditUseDto>;
