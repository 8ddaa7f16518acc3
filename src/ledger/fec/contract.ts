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

export const fecImportJobParams = z.object({ orgId: text().max(64), id: text().max(64) });

export const fecImportJobStarted = z.object({ id: z.string() });

export const fecImportJobDto = z.object({
  status: z.enum(['running', 'done', 'failed']),
  /** Bytes of the file read so far, out of its size: the page's progress bar. */
  done: z.number().int(),
  total: z.number().int(),
  /** Once done: what the synchronous import answers. */
  report: fecImportDto.optional(),
  /** Once failed: why, in French; nothing was written. */
  error: z.string().optional(),
});
export type FecImportJobDto = z.infer<typeof fecImportJobDto>;
