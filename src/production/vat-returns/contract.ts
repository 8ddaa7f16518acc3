import { z } from 'zod';
import { isCalendarDate } from '../../kernel/dates/index.ts';
import { text } from '../../kernel/validation/text.ts';

// The VAT return (déclaration de TVA, form 3310-CA3-SD) of an organisation under the normal regime: a month
// ('2026-03') or a quarter ('2026-T1'). Amounts on the form are whole euros (notice 3310-NOT-SD: rounded
// to the nearest euro); the exact cents they come from are kept beside them.

export const vatPeriodQuery = z.object({
  period: z
    .string('Période attendue : AAAA-MM (mois) ou AAAA-T1 à AAAA-T4 (trimestre).')
    .regex(
      /^\d{4}-(0[1-9]|1[0-2]|T[1-4])$/,
      'Période attendue : AAAA-MM (mois) ou AAAA-T1 à AAAA-T4 (trimestre).',
    ),
});

export const vatReturnInput = vatPeriodQuery;

export const vatReturnLine = z.object({
  /** The form's code: A1, E2, 08, 9B, 09, T6, 10, 15, 16, 19, 20, 21, 22, 23, 25, TD, 27, 28, 32. */
  code: z.string(),
  section: z.enum(['operations', 'gross', 'deductible', 'result']),
  label: z.string(),
  /** Base excl. VAT for the lines of gross VAT by rate (euros); null elsewhere. */
  base: z.number().int().nullable(),
  /** Euros. */
  amount: z.number().int(),
});
export type VatReturnLine = z.output<typeof vatReturnLine>;

export const vatReturnCents = z.object({
  /** Output VAT due over the period, all rates (may be negative: credit notes). */
  collected: z.number().int(),
  /** Movement of 44562 over the period: VAT on fixed assets. */
  deductibleAssets: z.number().int(),
  /** Movement of 44566 over the period: VAT on other goods and services. */
  deductibleOther: z.number().int(),
  /** Line 27 of the previous return, in cents. */
  previousCredit: z.number().int(),
});
export type VatReturnCents = z.output<typeof vatReturnCents>;

export const vatReturnDto = z.object({
  id: z.string().nullable(),
  period: z.string(),
  /** « mars 2026 », « 1er trimestre 2026 ». */
  label: z.string(),
  from: z.string(),
  to: z.string(),
  status: z.enum(['preview', 'filed']),
  lines: z.array(vatReturnLine),
  cents: vatReturnCents,
  /** Line 28, euros. */
  vatDue: z.number().int(),
  /** Line 27, euros. */
  creditCarried: z.number().int(),
  /** Credit notes on services without the option for debits: no VAT change computed, to review. */
  creditNotesToReview: z.array(
    z.object({ number: z.string(), issueDate: z.string(), vat: z.number().int() }),
  ),
  /** Why the return cannot be filed yet (period not over, an earlier one not filed…), or null. */
  notFileable: z.string().nullable(),
  entry: z.object({ id: z.string(), number: z.number().int() }).nullable(),
  filedAt: z.string().nullable(),
  /** The payment of line 28 to the Treasury, once recorded. */
  payment: z
    .object({ date: z.string(), entry: z.object({ id: z.string(), number: z.number().int() }) })
    .nullable(),
});
export type VatReturnDto = z.output<typeof vatReturnDto>;

const calendarDate = z.iso
  .date({ error: 'Date du paiement : date réelle au format AAAA-MM-JJ attendue.', abort: true })
  .refine(isCalendarDate, 'Date du paiement : date réelle au format AAAA-MM-JJ attendue.');

export const vatPaymentInput = z.object({
  date: calendarDate,
  reference: text()
    .max(100, '100 caractères au maximum.')
    .nullish()
    .transform((v) => v || null),
});
export type VatPaymentInput = z.output<typeof vatPaymentInput>;

export const vatReturnSummary = vatReturnDto.pick({
  id: true,
  period: true,
  label: true,
  from: true,
  to: true,
  vatDue: true,
  creditCarried: true,
  filedAt: true,
  payment: true,
});
export const vatReturnList = z.object({
  /** 'monthly' or 'quarterly'; null when the organisation files no CA3 (simplified, franchise, not liable). */
  frequency: z.enum(['monthly', 'quarterly']).nullable(),
  /** The period to file next (the one after the last filed, or the last period over), or null. */
  nextPeriod: z.string().nullable(),
  filed: z.array(vatReturnSummary),
});
export type VatReturnListDto = z.output<typeof vatReturnList>;
