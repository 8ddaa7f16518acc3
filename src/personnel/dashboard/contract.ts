import { z } from 'zod';
import { isCalendarDate } from '../../kernel/dates/index.ts';

// The social dashboard (tableau de bord social, activity 3.3): the workforce on a day and over its year.

const day = z.iso
  .date({ error: 'Date réelle au format AAAA-MM-JJ attendue.', abort: true })
  .refine(isCalendarDate, 'Date réelle au format AAAA-MM-JJ attendue.');

export const socialDashboardQuery = z.object({
  /** The day the figures stand on; the organisation's today when absent. Its year gives the monthly series. */
  asOf: day.optional(),
});
export type SocialDashboardQuery = z.output<typeof socialDashboardQuery>;

const split = z.array(z.object({ key: z.string(), count: z.number().int() }));

export const socialDashboardDto = z.object({
  asOf: z.string(),
  year: z.number().int(),
  /** Employees present on `asOf` (hired by then, not left before). */
  headcount: z.number().int(),
  /** Full-time equivalents on `asOf`: weekly hours ÷ 35, two decimals. */
  fullTimeEquivalent: z.number(),
  byContract: split,
  byCategory: split,
  bySex: split,
  /** Age brackets on `asOf`, women and men. */
  ages: z.array(z.object({ bracket: z.string(), women: z.number().int(), men: z.number().int() })),
  /** Average seniority on `asOf`, years with one decimal; null without anyone present. */
  averageSeniorityYears: z.number().nullable(),
  /** Headcount at the end of each month of the year, up to `asOf`'s month. */
  monthly: z.array(z.object({ month: z.string(), headcount: z.number().int() })),
  entries: z.number().int(),
  exits: z.number().int(),
  /** ((entries + exits) ÷ 2) ÷ average of the month-end headcounts, over the year up to `asOf`. */
  turnoverRate: z.number().nullable(),
  /** Validated payroll of each month of the year up to `asOf`'s month: gross pay and employer cost, cents. */
  payroll: z.array(z.object({ month: z.string(), gross: z.number().int(), employerCost: z.number().int() })),
  /** Fixed-term contracts, apprenticeships and internships ending within 60 days of `asOf`. */
  endingSoon: z.array(
    z.object({
      employeeId: z.string(),
      name: z.string(),
      contractType: z.string(),
      contractEnd: z.string(),
      daysLeft: z.number().int(),
    }),
  ),
});
export type SocialDashboardDto = z.infer<typeof socialDashboardDto>;
