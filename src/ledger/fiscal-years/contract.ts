import { z } from 'zod';
import { calendarDate as date } from '../contract-fields.ts';

export const fiscalYearInput = z
  .object({
    start: date('Date de début').optional(),
    end: date('Date de fin').optional(),
  })
  .refine((v) => (v.start === undefined) === (v.end === undefined), {
    message: 'Indiquez le début et la fin, ou ni l’un ni l’autre (exercice suivant).',
    path: ['end'],
  });
export type FiscalYearInput = z.output<typeof fiscalYearInput>;

export const fiscalYearStatuses = ['open', 'closed'] as const;

export const fiscalYearDto = z.object({
  id: z.string(),
  /** '2026' for a calendar year, '2026-2027' for a year that straddles two. */
  name: z.string(),
  start: z.string(),
  end: z.string(),
  status: z.enum(fiscalYearStatuses),
  closedAt: z.string().nullable(),
});
export type FiscalYearDto = z.infer<typeof fiscalYearDto>;

export const fiscalYearList = z.object({ items: z.array(fiscalYearDto) });

export const closingDto = z.object({
  closed: fiscalYearDto,
  next: fiscalYearDto,
  /** The AN entry of the next year, null when there was nothing to carry over. */
  openingEntryId: z.string().nullable(),
  /** In cents: positive for a profit (credited to 120), negative for a loss (debited to 129). */
  result: z.number().int(),
});
export type ClosingDto = z.infer<typeof closingDto>;
