import { z } from 'zod';
import { isCalendarDate } from '../../kernel/dates/index.ts';
import { text } from '../../kernel/validation/text.ts';
import { invoiceLineDto, invoiceLineInput } from '../invoices/contract.ts';
import { decimalField, optionalText } from '../shared/fields.ts';

// Contracts and agreements (conventions) invoiced periodically: maintenance, subscriptions, members'
// dues of an association (cotisations, usually outside VAT or exempt: the line then cites the reason).

const calendarDate = (what: string) => {
  const message = `${what} : date réelle au format AAAA-MM-JJ attendue.`;
  return z.iso.date({ error: message, abort: true }).refine(isCalendarDate, message);
};
const id = text().min(1).max(64);

export const periodicities = ['monthly', 'quarterly', 'yearly'] as const;

export const contractInput = z.object({
  partyId: id,
  label: text().min(1, 'L’intitulé du contrat est obligatoire.').max(200, '200 caractères au maximum.'),
  periodicity: z.enum(periodicities, 'Périodicité inconnue : monthly, quarterly ou yearly.'),
  startDate: calendarDate('Date de début'),
  endDate: calendarDate('Date de fin')
    .nullish()
    .transform((v) => v ?? null),
  notes: optionalText(2000),
  documentDiscountPercent: decimalField('Remise globale', 2, { min: 0, max: 100 }).default(0),
  lines: z
    .array(invoiceLineInput)
    .min(1, 'Un contrat compte au moins une ligne.')
    .max(200, 'Un contrat compte au plus 200 lignes.'),
});
export type ContractInput = z.output<typeof contractInput>;

export const generateInvoicesInput = z.object({
  /** Every period that starts on or before this date gets its invoice draft (once). */
  upTo: calendarDate('Date limite'),
});
export type GenerateInvoicesInput = z.output<typeof generateInvoicesInput>;

export const contractListQuery = z.object({
  partyId: text().max(64).optional(),
  limit: z.coerce.number().int('Nombre entier attendu.').min(1).max(500).default(50),
  offset: z.coerce.number().int('Nombre entier attendu.').min(0).default(0),
});
export type ContractListQuery = z.output<typeof contractListQuery>;

export const contractSummaryDto = z.object({
  id: z.string(),
  partyId: z.string(),
  partyName: z.string(),
  label: z.string(),
  periodicity: z.enum(periodicities),
  startDate: z.string(),
  endDate: z.string().nullable(),
  /** Per period, excl. and incl. VAT (cents). */
  totalNet: z.number().int(),
  total: z.number().int(),
});
export type ContractSummaryDto = z.infer<typeof contractSummaryDto>;

export const contractDto = contractSummaryDto.extend({
  notes: z.string().nullable(),
  documentDiscountPercent: z.string(),
  lines: z.array(invoiceLineDto),
  invoices: z.array(
    z.object({
      invoiceId: z.string(),
      number: z.string().nullable(),
      status: z.string(),
      periodStart: z.string(),
      periodEnd: z.string(),
      total: z.number().int(),
    }),
  ),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type ContractDto = z.infer<typeof contractDto>;

export const contractPage = z.object({ items: z.array(contractSummaryDto), total: z.number().int() });
export type ContractPage = z.infer<typeof contractPage>;

export const generatedInvoicesDto = z.object({
  created: z.array(
    z.object({
      invoiceId: z.string(),
      contractId: z.string(),
      periodStart: z.string(),
      periodEnd: z.string(),
    }),
  ),
});
export type GeneratedInvoicesDto = z.infer<typeof generatedInvoicesDto>;
