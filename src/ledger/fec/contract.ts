import { z } from 'zod';
import { text } from '../../kernel/validation/text.ts';

export const fecExportQuery = z.object({
  /** '2026' (the year that closes in 2026) or a fiscal year id. */
  fiscalYear: text().min(1, 'Indiquez l’exercice (ex. 2026).').max(64),
});

const issue = z.object({ line: z.number().int(), reason: z.string() });

export const fecImportDto = z.object({
  entries: z.number().int(),
  lines: z.number().int(),
  accountsCreated: z.number().int(),
  journalsCreated: z.number().int(),
  fiscalYearsCreated: z.number().int(),
  letterings: z.number().int(),
  rejectedCount: z.number().int(),
  /** The first 1 000 rejected lines, with their line number in the file and the reason. */
  rejected: z.array(issue),
  warnings: z.array(issue),
});
export type FecImportDto = z.infer<typeof fecImportDto>;
