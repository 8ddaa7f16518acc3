import { z } from 'zod';
import { isCalendarDate } from '../../kernel/dates/index.ts';
import { text } from '../../kernel/validation/text.ts';
import { MEAL_TYPES } from './meal-limits.ts';

// Travel orders (ordres de mission) and expense reports (notes de frais) of employees (area 3, task
// 3.2.t2). Amounts are integer cents, distances integer kilometres. The barème and the meal limits are
// re-exported for the web, which computes a report's allowance while it is typed.

export { MEAL_TYPES, type MealType, mealExemptLimit } from './meal-limits.ts';
export {
  annualMileageAllowance,
  mileageBand,
  mileageKey,
  mileageShares,
  POWER_CLASSES,
  powerClass,
} from './mileage.ts';

const calendarDate = (what: string) => {
  const message = `${what} : date réelle au format AAAA-MM-JJ attendue.`;
  return z.iso.date({ error: message, abort: true }).refine(isCalendarDate, message);
};
const id = text().min(1, 'Identifiant attendu.').max(64);
const cents = (what: string) =>
  z
    .number(`${what} : montant en centimes attendu.`)
    .int(`${what} : montant en centimes entiers attendu.`)
    .min(0, `${what} : le montant ne peut être négatif.`)
    .max(10_000_000_00, `${what} : montant hors limites.`);
const optionalText = (max: number) =>
  text()
    .max(max, `${max} caractères au maximum.`)
    .nullish()
    .transform((v) => (v ? v : null));
const fiscalPower = z
  .number('Puissance fiscale (CV de la carte grise, case P.6) attendue.')
  .int('Puissance fiscale : nombre entier de CV.')
  .min(1, 'Puissance fiscale : 1 CV au moins.')
  .max(99, 'Puissance fiscale hors limites.');

export const transportModes = [
  'personal_car',
  'company_vehicle',
  'train',
  'plane',
  'public_transport',
  'other',
] as const;
export type TransportMode = (typeof transportModes)[number];
export const TRANSPORT_LABELS_FR: Record<TransportMode, string> = {
  personal_car: 'Véhicule personnel',
  company_vehicle: 'Véhicule de l’organisation',
  train: 'Train',
  plane: 'Avion',
  public_transport: 'Transports en commun',
  other: 'Autre',
};

export const travelOrderInput = z
  .object({
    employeeId: id,
    purpose: text().min(1, 'Objet de la mission : champ obligatoire.').max(200, '200 caractères au maximum.'),
    destination: text().min(1, 'Destination : champ obligatoire.').max(200, '200 caractères au maximum.'),
    departureDate: calendarDate('Date de départ'),
    returnDate: calendarDate('Date de retour'),
    transport: z.enum(
      transportModes,
      'Moyen de transport : personal_car, company_vehicle, train, plane, public_transport ou other.',
    ),
    fiscalPower: fiscalPower.nullish().transform((v) => v ?? null),
    electric: z.boolean('Véhicule électrique : vrai ou faux.').default(false),
    estimatedCost: cents('Coût estimé').default(0),
    advance: cents('Avance').default(0),
  })
  .superRefine((v, ctx) => {
    if (v.returnDate < v.departureDate)
      ctx.addIssue({
        code: 'custom',
        path: ['returnDate'],
        message: 'Le retour ne peut précéder le départ.',
      });
    if (v.transport === 'personal_car' && v.fiscalPower === null)
      ctx.addIssue({
        code: 'custom',
        path: ['fiscalPower'],
        message: 'Avec un véhicule personnel, indiquez sa puissance fiscale (barème kilométrique).',
      });
    if (v.advance > v.estimatedCost)
      ctx.addIssue({
        code: 'custom',
        path: ['advance'],
        message: 'L’avance ne peut dépasser le coût estimé de la mission.',
      });
  });
export type TravelOrderInput = z.output<typeof travelOrderInput>;

export const paymentMethods = ['transfer', 'cheque'] as const;
export const paymentInput = z.object({
  date: calendarDate('Date du paiement'),
  method: z.enum(paymentMethods, 'Mode de paiement : transfer (virement) ou cheque (chèque).'),
});
export type PaymentInput = z.output<typeof paymentInput>;
export const cancellationInput = z.object({ date: calendarDate('Date de l’annulation') });

export const travelOrderStatuses = ['draft', 'approved', 'done', 'cancelled'] as const;
export const travelOrderDto = z.object({
  id: z.string(),
  number: z.string().nullable(),
  status: z.enum(travelOrderStatuses),
  employeeId: z.string(),
  employeeName: z.string(),
  purpose: z.string(),
  destination: z.string(),
  departureDate: z.string(),
  returnDate: z.string(),
  transport: z.enum(transportModes),
  fiscalPower: z.number().nullable(),
  electric: z.boolean(),
  estimatedCost: z.number().int(),
  advance: z.number().int(),
  advancePaidOn: z.string().nullable(),
  advanceEntryId: z.string().nullable(),
  approvedAt: z.string().nullable(),
});
export type TravelOrderDto = z.infer<typeof travelOrderDto>;
export const travelOrderList = z.object({ items: z.array(travelOrderDto) });
export type TravelOrderList = z.infer<typeof travelOrderList>;
export const travelOrderListQuery = z.object({
  employeeId: text().max(64).optional(),
  status: z.enum(travelOrderStatuses, 'Statut : draft, approved, done ou cancelled.').optional(),
});

export const expenseKinds = ['mileage', 'meal', 'lodging', 'transport', 'toll_parking', 'other'] as const;
export type ExpenseKind = (typeof expenseKinds)[number];
export const EXPENSE_KIND_LABELS_FR: Record<ExpenseKind, string> = {
  mileage: 'Indemnités kilométriques',
  meal: 'Repas',
  lodging: 'Hébergement',
  transport: 'Billets de transport',
  toll_parking: 'Péage, stationnement',
  other: 'Autre frais',
};

/**
 * Kinds whose VAT may be recovered on a receipt. Never on a mileage allowance (no invoice); nor on lodging
 * of staff, nor on the transport of persons: CGI annexe II art. 206 IV-2-3° and 4° exclude them.
 */
export const VAT_RECOVERABLE_KINDS: readonly ExpenseKind[] = ['meal', 'toll_parking', 'other'];

export const expenseLineInput = z.object({
  kind: z.enum(expenseKinds, 'Nature : mileage, meal, lodging, transport, toll_parking ou other.'),
  date: calendarDate('Date de la dépense'),
  label: optionalText(200),
  fromPlace: optionalText(120),
  toPlace: optionalText(120),
  km: z
    .number('Distance en kilomètres attendue.')
    .int('Distance : kilomètres entiers.')
    .min(1, 'Distance : 1 km au moins.')
    .max(20_000, 'Distance : 20 000 km au plus par ligne.')
    .nullish()
    .transform((v) => v ?? null),
  fiscalPower: fiscalPower.nullish().transform((v) => v ?? null),
  electric: z.boolean('Véhicule électrique : vrai ou faux.').default(false),
  mealType: z
    .enum(MEAL_TYPES, 'Type de repas : restaurant, not_restaurant ou on_site.')
    .nullish()
    .transform((v) => v ?? null),
  amount: cents('Montant TTC')
    .nullish()
    .transform((v) => v ?? null),
  vat: cents('TVA récupérable').default(0),
});
export type ExpenseLineInput = z.output<typeof expenseLineInput>;

/**
 * What each kind of line requires, as French field issues (`lines.<i>.<field>`). Checked by the domain
 * once the report's employee is found (so another organisation's ids answer 404 first), and by the web.
 */
export function lineIssues(v: ExpenseLineInput, i: number): { field: string; message: string }[] {
  const issues: { field: string; message: string }[] = [];
  const issue = (path: string, message: string) => issues.push({ field: `lines.${i}.${path}`, message });
  if (v.kind === 'mileage') {
    if (!v.fromPlace) issue('fromPlace', 'Trajet : indiquez le lieu de départ.');
    if (!v.toPlace) issue('toPlace', 'Trajet : indiquez le lieu d’arrivée.');
    if (v.km === null) issue('km', 'Indiquez la distance parcourue.');
    if (v.fiscalPower === null) issue('fiscalPower', 'Indiquez la puissance fiscale du véhicule.');
    if (v.vat !== 0)
      issue('vat', 'Pas de TVA récupérable sur des indemnités kilométriques : aucune facture ne les porte.');
    return issues;
  }
  if (v.amount === null || v.amount === 0) issue('amount', 'Indiquez le montant TTC payé.');
  if (v.vat > 0 && !VAT_RECOVERABLE_KINDS.includes(v.kind))
    issue(
      'vat',
      v.kind === 'lodging'
        ? 'La TVA sur l’hébergement du personnel n’est pas récupérable (CGI, ann. II, art. 206 IV-2-4°).'
        : 'La TVA sur le transport de personnes n’est pas récupérable (CGI, ann. II, art. 206 IV-2-3°).',
    );
  // 20 % is the highest rate: its VAT is one sixth of the amount incl. VAT.
  if (v.amount !== null && v.vat * 6 > v.amount)
    issue('vat', 'La TVA ne peut dépasser le sixième du montant TTC (taux de 20 %).');
  return issues;
}

export const expenseReportInput = z.object({
  employeeId: id,
  travelOrderId: text()
    .max(64)
    .nullish()
    .transform((v) => v || null),
  title: text().min(1, 'Objet de la note : champ obligatoire.').max(200, '200 caractères au maximum.'),
  reportDate: calendarDate('Date de la note'),
  lines: z
    .array(expenseLineInput)
    .min(1, 'Une note de frais compte au moins une ligne.')
    .max(200, 'Une note de frais compte 200 lignes au plus.'),
});
export type ExpenseReportInput = z.output<typeof expenseReportInput>;

export const expenseReportStatuses = ['draft', 'validated', 'reimbursed', 'cancelled'] as const;
export type ExpenseReportStatus = (typeof expenseReportStatuses)[number];

export const expenseLineDto = z.object({
  kind: z.enum(expenseKinds),
  date: z.string(),
  label: z.string().nullable(),
  fromPlace: z.string().nullable(),
  toPlace: z.string().nullable(),
  km: z.number().nullable(),
  fiscalPower: z.number().nullable(),
  electric: z.boolean(),
  mealType: z.enum(MEAL_TYPES).nullable(),
  /** Incl. VAT; for mileage, the allowance (fixed at validation, a preview on a draft). */
  amount: z.number().int(),
  vat: z.number().int(),
  account: z.string(),
  /** Mileage: the vehicle's kilometres of the year before this line, and the barème line applied. */
  kmBefore: z.number().nullable(),
  formula: z.string().nullable(),
  /** Meals: the URSSAF exempt ceiling and what exceeds it (reimbursed, subject to contributions). */
  exemptLimit: z.number().int().nullable(),
  excess: z.number().int(),
});
export type ExpenseLineDto = z.infer<typeof expenseLineDto>;

export const expenseReportDto = z.object({
  id: z.string(),
  number: z.string().nullable(),
  status: z.enum(expenseReportStatuses),
  employeeId: z.string(),
  employeeName: z.string(),
  travelOrderId: z.string().nullable(),
  travelOrderNumber: z.string().nullable(),
  title: z.string(),
  reportDate: z.string(),
  total: z.number().int(),
  totalVat: z.number().int(),
  mileageTotal: z.number().int(),
  /** Meal amounts above the URSSAF limits: reimbursed, to be subjected to contributions by payroll. */
  excessTotal: z.number().int(),
  /** The travel order's advance, once paid: deducted from what the employee is paid. */
  advance: z.number().int(),
  /** total − advance: paid to the employee (negative: the employee pays back). */
  amountDue: z.number().int(),
  lines: z.array(expenseLineDto),
  ledgerEntryId: z.string().nullable(),
  reimbursedOn: z.string().nullable(),
  reimbursementEntryId: z.string().nullable(),
  cancelledOn: z.string().nullable(),
  cancellationEntryId: z.string().nullable(),
});
export type ExpenseReportDto = z.infer<typeof expenseReportDto>;
export const expenseReportList = z.object({ items: z.array(expenseReportDto.omit({ lines: true })) });
export type ExpenseReportList = z.infer<typeof expenseReportList>;
export const expenseReportListQuery = z.object({
  employeeId: text().max(64).optional(),
  status: z.enum(expenseReportStatuses, 'Statut : draft, validated, reimbursed ou cancelled.').optional(),
});

/** The vehicles' kilometres already allowed in a year to an employee (for the live computation). */
export const mileageYearQuery = z.object({
  employeeId: id,
  year: z.string().regex(/^\d{4}$/, 'Année sur quatre chiffres attendue.'),
});
export const mileageYearDto = z.object({
  year: z.string(),
  vehicles: z.array(
    z.object({
      key: z.string(),
      powerClass: z.string(),
      electric: z.boolean(),
      km: z.number().int(),
      allowance: z.number().int(),
    }),
  ),
});
export type MileageYearDto = z.infer<typeof mileageYearDto>;

export { ACCOUNT_OF_KIND, computeLines, reportTotals } from './report-lines.ts';
