import { z } from 'zod';
import { text } from '../../kernel/validation/text.ts';

export const letteringInput = z.object({
  lineIds: z
    .array(text().max(64))
    .min(2, 'Un lettrage porte sur au moins deux lignes.')
    .max(1000, 'Un lettrage porte sur au plus 1 000 lignes.'),
  /** Allow an unbalanced set, lettered in lower case until it is completed. */
  partial: z.boolean().default(false),
});
export type LetteringInput = z.output<typeof letteringInput>;

export const autoLetteringInput = z.object({
  /** General account number: '411', '401', '512'… */
  account: text().min(3, 'Numéro de compte attendu.').max(40),
  /** Limit to one auxiliary account (its code, e.g. 'CDURAND'). */
  auxiliary: text().max(40).optional(),
});
export type AutoLetteringInput = z.output<typeof autoLetteringInput>;

export const letteringDto = z.object({
  id: z.string(),
  /** Upper case when complete, lower case while partial. */
  code: z.string(),
  complete: z.boolean(),
  account: z.string(),
  auxiliary: z.string().nullable(),
  letteredOn: z.string(),
  lineIds: z.array(z.string()),
  totalDebit: z.number().int(),
  totalCredit: z.number().int(),
});
export type LetteringDto = z.infer<typeof letteringDto>;

export const autoLetteringDto = z.object({ letterings: z.array(letteringDto) });

export const letteringLinesQuery = z.object({
  account: text().min(3).max(40),
  auxiliary: text().max(40).optional(),
  state: z.enum(['open', 'all'], 'État inconnu : open ou all.').default('open'),
});
export type LetteringLinesQuery = z.output<typeof letteringLinesQuery>;

export const letteringLineDto = z.object({
  id: z.string(),
  entryId: z.string(),
  entryNumber: z.number().int(),
  journal: z.string(),
  date: z.string(),
  voucherRef: z.string().nullable(),
  auxiliary: z.string().nullable(),
  label: z.string(),
  debit: z.number().int(),
  credit: z.number().int(),
  dueDate: z.string().nullable(),
  lettering: z.string().nullable(),
  letteringId: z.string().nullable(),
});
export const letteringLines = z.object({ items: z.array(letteringLineDto) });
export type LetteringLineDto = z.infer<typeof letteringLineDto>;
