import { z } from 'zod';
import { isCalendarDate } from '../../kernel/dates/index.ts';

// Pay runs and payslips (decision 0036). Money in cents, hours in hundredths (7 h 30 is 750), the
// organisation's rates in hundredths of a percent (0,70 % is 70), contribution rates on the lines in
// thousandths of a percent (6,90 % is 6900).

const calendarDate = (what: string) => {
  const message = `${what} : date réelle au format AAAA-MM-JJ attendue.`;
  return z.iso.date({ error: message, abort: true }).refine(isCalendarDate, message);
};

export const payMonth = z
  .string('Mois attendu au format AAAA-MM.')
  .regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'Mois attendu au format AAAA-MM (ex. 2026-03).');

export const headcountBands = ['lt11', '11to49', 'ge50'] as const;
export const HEADCOUNT_BAND_LABELS_FR: Record<(typeof headcountBands)[number], string> = {
  lt11: 'Moins de 11 salariés',
  '11to49': 'De 11 à 49 salariés',
  ge50: '50 salariés et plus',
};

const hours = (what: string) =>
  z
    .number(`${what} : nombre d’heures en centièmes attendu (7 h 30 = 750).`)
    .int(`${what} : centièmes d’heure entiers.`)
    .min(0, `${what} : nombre d’heures positif ou nul.`)
    .max(30000, `${what} : 300 heures au plus.`);

export const payRunInput = z.object({
  month: payMonth,
  headcountBand: z.enum(headcountBands, 'Effectif : lt11, 11to49 ou ge50.'),
  atMpRate: z
    .number('Taux AT/MP en centièmes de pourcent attendu (70 pour 0,70 %).')
    .int('Taux AT/MP en centièmes de pourcent entiers.')
    .min(0, 'Le taux AT/MP ne peut être négatif.')
    .max(2000, 'Taux AT/MP hors limites (20 % au plus).'),
  mobilityRate: z
    .number('Taux du versement mobilité en centièmes de pourcent attendu (175 pour 1,75 %).')
    .int('Taux du versement mobilité en centièmes de pourcent entiers.')
    .min(0, 'Le taux du versement mobilité ne peut être négatif.')
    .max(500, 'Taux du versement mobilité hors limites (5 % au plus).')
    .default(0),
});
export type PayRunInput = z.output<typeof payRunInput>;

export const payItemsInput = z.object({
  overtime25Hours: hours('Heures supplémentaires à 25 %').default(0),
  overtime50Hours: hours('Heures supplémentaires à 50 %').default(0),
  bonus: z
    .number('Prime en centimes attendue.')
    .int('Prime en centimes entiers.')
    .min(0, 'La prime ne peut être négative.')
    .max(100_000_000, 'Prime hors limites.')
    .default(0),
  absenceHours: hours('Heures d’absence non rémunérées').default(0),
});
export type PayItemsInput = z.output<typeof payItemsInput>;

export const dateInput = z.object({ date: calendarDate('Date') });
export type DateInput = z.output<typeof dateInput>;

export const payslipLineDto = z.object({
  code: z.string(),
  label: z.string(),
  group: z.enum([
    'health',
    'work_accident',
    'retirement',
    'family',
    'unemployment',
    'other_employer',
    'csg_crds',
    'employee_exemption',
    'exemption',
  ]),
  collector: z.enum(['urssaf', 'agirc_arrco']),
  expenseAccount: z.string(),
  base: z.number(),
  employeeRate: z.number().nullable(),
  employeeAmount: z.number(),
  employerRate: z.number().nullable(),
  employerAmount: z.number(),
});
export type PayslipLineDto = z.infer<typeof payslipLineDto>;

export const payslipDto = z.object({
  id: z.string(),
  payRunId: z.string(),
  month: z.string(),
  employeeId: z.string(),
  number: z.string().nullable(),
  registerNumber: z.number(),
  lastName: z.string(),
  firstName: z.string(),
  jobTitle: z.string(),
  qualification: z.string().nullable(),
  category: z.enum(['employee', 'executive']),
  socialSecurityNumber: z.string().nullable(),
  hireDate: z.string(),
  weeklyHours: z.number(),
  monthlyGross: z.number(),
  taxRate: z.number(),
  items: z.object({
    overtime25Hours: z.number(),
    overtime50Hours: z.number(),
    bonus: z.number(),
    absenceHours: z.number(),
  }),
  monthlyHours: z.number(),
  hourlyRate: z.number(),
  overtime25Pay: z.number(),
  overtime50Pay: z.number(),
  absenceDeduction: z.number(),
  gross: z.number(),
  pss: z.number(),
  smic: z.number(),
  rgduCoefficient: z.number(),
  rgduAmount: z.number(),
  totalEmployee: z.number(),
  totalEmployer: z.number(),
  netSocial: z.number(),
  netBeforeTax: z.number(),
  taxable: z.number(),
  overtimeTaxExempt: z.number(),
  withholdingTax: z.number(),
  netToPay: z.number(),
  employerCost: z.number(),
  lines: z.array(payslipLineDto),
});
export type PayslipDto = z.infer<typeof payslipDto>;

export const payRunTotals = z.object({
  gross: z.number(),
  totalEmployee: z.number(),
  totalEmployer: z.number(),
  withholdingTax: z.number(),
  netToPay: z.number(),
  employerCost: z.number(),
});

export const payRunDto = z.object({
  id: z.string(),
  month: z.string(),
  status: z.enum(['draft', 'validated', 'cancelled']),
  paid: z.boolean(),
  headcountBand: z.enum(headcountBands),
  atMpRate: z.number(),
  mobilityRate: z.number(),
  ledgerEntryId: z.string().nullable(),
  paymentEntryId: z.string().nullable(),
  paidOn: z.string().nullable(),
  cancellationEntryId: z.string().nullable(),
  cancelledOn: z.string().nullable(),
  totals: payRunTotals,
  payslips: z.array(payslipDto),
});
export type PayRunDto = z.infer<typeof payRunDto>;

export const payRunSummary = payRunDto.omit({ payslips: true }).extend({ payslipCount: z.number() });
export const payRunList = z.object({ items: z.array(payRunSummary) });
export type PayRunList = z.infer<typeof payRunList>;
