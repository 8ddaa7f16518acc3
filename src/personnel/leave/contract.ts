import { z } from 'zod';
import { isCalendarDate } from '../../kernel/dates/index.ts';
import { text } from '../../kernel/validation/text.ts';

// Leave and absences (congés et absences, 3.2.t1). Days are counted in half-days (integers: 11 is 5,5
// days); paid-leave balances in hundredths of a day (250 is the 2,5 days a month of work acquires).

const calendarDate = (what: string) => {
  const message = `${what} : date réelle au format AAAA-MM-JJ attendue.`;
  return z.iso.date({ error: message, abort: true }).refine(isCalendarDate, message);
};
const optionalText = (max: number) =>
  text()
    .max(max, `${max} caractères au maximum.`)
    .nullish()
    .transform((v) => (v ? v : null));

export const leaveTypes = [
  'paid_leave',
  'unpaid_leave',
  'sick_leave',
  'family_event',
  'training',
  'other',
] as const;
export type LeaveType = (typeof leaveTypes)[number];
export const leaveStatuses = ['requested', 'approved', 'refused', 'cancelled'] as const;
export type LeaveStatus = (typeof leaveStatuses)[number];

export const LEAVE_TYPE_LABELS_FR: Record<LeaveType, string> = {
  paid_leave: 'Congés payés',
  unpaid_leave: 'Congé sans solde',
  sick_leave: 'Arrêt maladie',
  family_event: 'Événement familial',
  training: 'Formation',
  other: 'Autre absence',
};
export const LEAVE_STATUS_LABELS_FR: Record<LeaveStatus, string> = {
  requested: 'Demandée',
  approved: 'Acceptée',
  refused: 'Refusée',
  cancelled: 'Annulée',
};

/** The absences the employer does not pay: payroll takes their hours off the month's pay. */
export const UNPAID_TYPES: readonly LeaveType[] = ['unpaid_leave', 'sick_leave'];

export const leaveRequestInput = z
  .object({
    employeeId: text().min(1, 'Salarié : champ obligatoire.').max(64, 'Identifiant de salarié invalide.'),
    type: z.enum(leaveTypes, 'Type d’absence inconnu.'),
    from: calendarDate('Premier jour'),
    to: calendarDate('Dernier jour'),
    startsAfternoon: z.boolean('Oui ou non attendu.').default(false),
    endsMorning: z.boolean('Oui ou non attendu.').default(false),
    comment: optionalText(500),
  })
  .superRefine((v, ctx) => {
    if (v.to < v.from)
      ctx.addIssue({
        code: 'custom',
        path: ['to'],
        message: 'Le dernier jour ne peut précéder le premier.',
      });
    else if (v.from === v.to && v.startsAfternoon && v.endsMorning)
      ctx.addIssue({
        code: 'custom',
        path: ['endsMorning'],
        message: 'Sur un seul jour, l’absence ne peut commencer l’après-midi et finir le matin.',
      });
  });
export type LeaveRequestInput = z.output<typeof leaveRequestInput>;

export const refusalInput = z.object({
  reason: text().min(1, 'Motif du refus : champ obligatoire.').max(500, '500 caractères au maximum.'),
});
export type RefusalInput = z.output<typeof refusalInput>;
// Both bodies are optional: a POST without one (null to the validator) approves or cancels without a note.
export const approvalInput = z
  .object({ note: optionalText(500) })
  .nullish()
  .transform((v) => v ?? { note: null });
export type ApprovalInput = z.output<typeof approvalInput>;
export const cancellationInput = z
  .object({ reason: optionalText(500) })
  .nullish()
  .transform((v) => v ?? { reason: null });
export type CancellationInput = z.output<typeof cancellationInput>;

export const leaveRequestDto = z.object({
  id: z.string(),
  employeeId: z.string(),
  employeeName: z.string(),
  type: z.enum(leaveTypes),
  status: z.enum(leaveStatuses),
  from: z.string(),
  to: z.string(),
  startsAfternoon: z.boolean(),
  endsMorning: z.boolean(),
  /** Half-days counted: jours ouvrables for paid leave, jours ouvrés for the others. */
  halfDays: z.number(),
  dayBasis: z.enum(['ouvrables', 'ouvres']),
  comment: z.string().nullable(),
  decidedAt: z.string().nullable(),
  decisionReason: z.string().nullable(),
  cancelledAt: z.string().nullable(),
  cancelReason: z.string().nullable(),
  createdAt: z.string(),
});
export type LeaveRequestDto = z.infer<typeof leaveRequestDto>;
export const leaveRequestList = z.object({ items: z.array(leaveRequestDto) });
export type LeaveRequestList = z.infer<typeof leaveRequestList>;

export const leaveListQuery = z.object({
  employeeId: text().max(64).optional(),
  status: z.enum(leaveStatuses, 'Statut inconnu.').optional(),
  type: z.enum(leaveTypes, 'Type d’absence inconnu.').optional(),
  /** Requests that touch [from, to]. */
  from: calendarDate('Du').optional(),
  to: calendarDate('Au').optional(),
});
export type LeaveListQuery = z.output<typeof leaveListQuery>;

export const leaveExportQuery = leaveListQuery.extend({
  format: z.enum(['csv', 'xlsx', 'pdf'], 'Format : csv, xlsx ou pdf.').default('csv'),
});

export const leaveBalanceDto = z.object({
  employeeId: z.string(),
  employeeName: z.string(),
  asOf: z.string(),
  /** The reference period running on asOf (1 June – 31 May). */
  periodFrom: z.string(),
  periodTo: z.string(),
  /** Acquired over the previous period, rounded up to a whole day, less what was taken in advance. */
  entitlement: z.number(),
  /** Being acquired over the current period up to asOf (anticipation allowed, L3141-12). */
  acquiring: z.number(),
  /** Approved paid leave starting in the current period. */
  taken: z.number(),
  /** Paid leave asked and not decided yet. */
  pending: z.number(),
  remaining: z.number(),
});
export type LeaveBalanceDto = z.infer<typeof leaveBalanceDto>;
export const leaveBalanceList = z.object({ asOf: z.string(), items: z.array(leaveBalanceDto) });
export type LeaveBalanceList = z.infer<typeof leaveBalanceList>;
export const balanceQuery = z.object({ asOf: calendarDate('Date').optional() });

const monthString = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'Mois au format AAAA-MM attendu.');
/** The month shown; the current month when absent. */
export const planningQuery = z.object({ month: monthString.optional() });
export const planningDto = z.object({
  month: z.string(),
  days: z.array(z.object({ date: z.string(), weekday: z.number(), holiday: z.string().nullable() })),
  rows: z.array(
    z.object({
      employeeId: z.string(),
      employeeName: z.string(),
      cells: z.array(
        z
          .object({
            requestId: z.string(),
            type: z.enum(leaveTypes),
            status: z.enum(leaveStatuses),
            part: z.enum(['day', 'morning', 'afternoon']),
          })
          .nullable(),
      ),
    }),
  ),
});
export type PlanningDto = z.infer<typeof planningDto>;

export const unpaidHoursQuery = z.object({ month: monthString.optional() });
export const unpaidHoursDto = z.object({
  employeeId: z.string(),
  month: z.string(),
  /** Hundredths of an hour: 700 is 7 h. */
  hours: z.number(),
  halfDays: z.number(),
  /** Half-days of each unpaid type. */
  byType: z.object({ unpaid_leave: z.number(), sick_leave: z.number() }),
});
export type UnpaidHoursDto = z.infer<typeof unpaidHoursDto>;
