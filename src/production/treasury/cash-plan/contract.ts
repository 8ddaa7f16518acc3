import { z } from 'zod';
import { isCalendarDate } from '../../../kernel/dates/index.ts';
import { text } from '../../../kernel/validation/text.ts';

// The cash plan (plan de trésorerie, task 2.2.t2): the cash at a date, then month by month what should
// come in and go out — open items of the ledger by due date, taxes and payroll owed, and the forecast
// lines the organisation adds itself — and the cash left at the end of each month. Amounts in cents.

const month = (what: string) =>
  z
    .string({ error: `${what} : mois au format AAAA-MM attendu.` })
    .regex(/^\d{4}-(0[1-9]|1[0-2])$/, `${what} : mois au format AAAA-MM attendu.`);

export const cashPlanQuery = z.object({
  /** The day the plan starts from (the cash known at its end); today when not given. */
  asOf: z.iso
    .date({ error: 'Date de départ : date réelle au format AAAA-MM-JJ attendue.', abort: true })
    .refine(isCalendarDate, 'Date de départ : date réelle au format AAAA-MM-JJ attendue.')
    .optional(),
  months: z.coerce
    .number({ error: 'Nombre de mois : un entier de 1 à 24.' })
    .int('Nombre de mois : un entier de 1 à 24.')
    .min(1, 'Nombre de mois : un entier de 1 à 24.')
    .max(24, 'Nombre de mois : un entier de 1 à 24.')
    .default(6),
});
export type CashPlanQuery = z.output<typeof cashPlanQuery>;

export const forecastDirection = z.enum(['in', 'out'], 'Sens : encaissement (in) ou décaissement (out).');

export const forecastInput = z.object({
  label: text().min(1, 'Libellé obligatoire.').max(120, '120 caractères au maximum.'),
  direction: forecastDirection,
  amount: z
    .number({ error: 'Montant en centimes attendu.' })
    .int('Montant en centimes attendu.')
    .positive('Le montant doit être positif : le sens dit s’il entre ou s’il sort.')
    .max(100_000_000_00, 'Montant trop élevé.'),
  /** The first month it falls in. */
  firstMonth: month('Premier mois'),
  /** How many months in a row (1: once; 12: every month for a year). */
  occurrences: z
    .number({ error: 'Nombre d’échéances : un entier de 1 à 60.' })
    .int('Nombre d’échéances : un entier de 1 à 60.')
    .min(1, 'Nombre d’échéances : un entier de 1 à 60.')
    .max(60, 'Nombre d’échéances : un entier de 1 à 60.')
    .default(1),
});
export type ForecastInput = z.output<typeof forecastInput>;

export const forecastDto = z.object({
  id: z.string(),
  label: z.string(),
  direction: forecastDirection,
  amount: z.number().int(),
  firstMonth: z.string(),
  occurrences: z.number().int(),
});
export type ForecastDto = z.infer<typeof forecastDto>;

/** Where a row of the plan comes from: the ledger (with the accounts read) or a forecast line. */
export const cashPlanRow = z.object({
  key: z.string(),
  label: z.string(),
  direction: forecastDirection,
  /** One amount per month of the plan, positive; what is already late sits in the first month. */
  amounts: z.array(z.number().int()),
  source: z.enum(['ledger', 'forecast']),
  accounts: z.array(z.string()),
  forecastId: z.string().nullable(),
  /** Late when the plan starts (due before its first day): already in the first month's amount. */
  overdue: z.number().int(),
});
export type CashPlanRow = z.infer<typeof cashPlanRow>;

export const cashPlanDto = z.object({
  asOf: z.string(),
  months: z.array(z.string()),
  /** Cash at the end of `asOf`: banks and cash accounts of the books (512, 514, 517, 53). */
  opening: z.number().int(),
  cashAccounts: z.array(z.object({ account: z.string(), label: z.string(), balance: z.number().int() })),
  rows: z.array(cashPlanRow),
  totals: z.object({
    receipts: z.array(z.number().int()),
    disbursements: z.array(z.number().int()),
    net: z.array(z.number().int()),
    start: z.array(z.number().int()),
    end: z.array(z.number().int()),
  }),
  /** The first month whose end balance is negative: when a bank overdraft or a loan must be arranged. */
  firstShortfall: z.string().nullable(),
  forecasts: z.array(forecastDto),
});
export type CashPlanDto = z.infer<typeof cashPlanDto>;
