import { z } from 'zod';
import { text } from '../../kernel/validation/text.ts';

export const journalKinds = ['sales', 'purchases', 'bank', 'cash', 'general', 'payroll', 'opening'] as const;

export const journalInput = z.object({
  code: z
    .string()
    .trim()
    .toUpperCase()
    .regex(/^[0-9A-Z]{1,10}$/, 'Code journal : 1 à 10 lettres ou chiffres (ex. VE, BQ2).'),
  label: text().min(1, 'Le libellé est obligatoire.').max(100, '100 caractères au maximum.'),
  kind: z.enum(journalKinds, 'Type de journal inconnu.').default('general'),
});
export type JournalInput = z.output<typeof journalInput>;

export const journalDto = z.object({
  id: z.string(),
  code: z.string(),
  label: z.string(),
  kind: z.enum(journalKinds),
});
export type JournalDto = z.infer<typeof journalDto>;

export const journalList = z.object({ items: z.array(journalDto) });
