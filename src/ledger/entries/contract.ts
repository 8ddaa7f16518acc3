import { z } from 'zod';
import { text } from '../../kernel/validation/text.ts';
import { calendarDate } from '../contract-fields.ts';

// Amounts are integer cents everywhere in the API (1 200,00 € is 120000), as in the database.

const date = calendarDate;
const cents = z
  .number('Montant en centimes attendu.')
  .int('Montant en centimes entiers attendu.')
  .min(0, 'Montant négatif : portez-le dans l’autre colonne.')
  .max(Number.MAX_SAFE_INTEGER, 'Montant hors limites.');
const optionalText = (max: number) =>
  text()
    .max(max, `${max} caractères au maximum.`)
    .nullish()
    .transform((v) => (v ? v : null));

export const entryLineInput = z.object({
  /** The general account number: '411', '706', '44571'… */
  account: text().min(1, 'Le compte est obligatoire.').max(40),
  /** A party turns the line into a line of its auxiliary account under `account` (class 4 only). */
  partyId: text()
    .max(64)
    .nullish()
    .transform((v) => v ?? null),
  label: optionalText(200),
  debit: cents.default(0),
  credit: cents.default(0),
  dueDate: date('Échéance')
    .nullish()
    .transform((v) => v ?? null),
});
export type EntryLineInput = z.output<typeof entryLineInput>;

export const entryInput = z.object({
  journal: text().toUpperCase().min(1, 'Le journal est obligatoire.').max(20),
  date: date('Date de l’écriture'),
  label: text().min(1, 'Le libellé est obligatoire.').max(200, '200 caractères au maximum.'),
  voucherRef: optionalText(100),
  voucherDate: date('Date de la pièce')
    .nullish()
    .transform((v) => v ?? null),
  lines: z
    .array(entryLineInput)
    .min(1, 'Une écriture compte au moins une ligne.')
    .max(5000, 'Une écriture compte au plus 5 000 lignes.'),
});
export type EntryInput = z.output<typeof entryInput>;

/** What other modules hand to `post()`: an entry, plus which of their documents produced it. */
export type PostingInput = EntryInput & { sourceRef?: string | null };

export const reversalInput = z.object({ date: date('Date de l’extourne') });

export const entryStatuses = ['draft', 'validated'] as const;
export const entryOrigins = ['manual', 'posting', 'reversal', 'opening', 'import'] as const;

export const entryLineDto = z.object({
  id: z.string(),
  position: z.number().int(),
  account: z.string(),
  accountLabel: z.string(),
  auxiliary: z.string().nullable(),
  auxiliaryLabel: z.string().nullable(),
  partyId: z.string().nullable(),
  label: z.string().nullable(),
  debit: z.number().int(),
  credit: z.number().int(),
  dueDate: z.string().nullable(),
  /** Upper case when complete, lower case while partial; null when not lettered. */
  lettering: z.string().nullable(),
});
export type EntryLineDto = z.infer<typeof entryLineDto>;

export const entryDto = z.object({
  id: z.string(),
  journal: z.string(),
  journalLabel: z.string(),
  fiscalYearId: z.string().nullable(),
  number: z.number().int().nullable(),
  date: z.string(),
  label: z.string(),
  voucherRef: z.string().nullable(),
  voucherDate: z.string().nullable(),
  status: z.enum(entryStatuses),
  origin: z.enum(entryOrigins),
  sourceRef: z.string().nullable(),
  reversalOf: z.string().nullable(),
  reversedBy: z.string().nullable(),
  validatedAt: z.string().nullable(),
  validatedOn: z.string().nullable(),
  totalDebit: z.number().int(),
  totalCredit: z.number().int(),
  lines: z.array(entryLineDto),
});
export type EntryDto = z.infer<typeof entryDto>;

export const entryListQuery = z.object({
  journal: text().toUpperCase().max(20).optional(),
  status: z.enum(entryStatuses, 'Statut inconnu : draft ou validated.').optional(),
  from: date('Date de début').optional(),
  to: date('Date de fin').optional(),
  fiscalYearId: text().max(64).optional(),
  limit: z.coerce.number().int().min(1).max(500).default(50),
  offset: z.coerce.number().int().min(0).default(0),
});
export type EntryListQuery = z.output<typeof entryListQuery>;

export const entryPage = z.object({ items: z.array(entryDto), total: z.number().int() });
export type EntryPage = z.infer<typeof entryPage>;
