import { z } from 'zod';
import { isCalendarDate } from '../../kernel/dates/index.ts';
import { text } from '../../kernel/validation/text.ts';
import type { ReviewState } from './review-schedule.ts';
import type { EnrolmentStatus, ReviewKind, TrainingFunding } from './tables.ts';

// Professional training of the staff (3.1.t3): hours in hundredths (7 h is 700), costs in integer cents.

const date = (what: string) => {
  const message = `${what} : date réelle au format AAAA-MM-JJ attendue.`;
  return z.iso.date({ error: message, abort: true }).refine(isCalendarDate, message);
};
const optionalText = (max: number) =>
  text()
    .max(max, `${max} caractères au maximum.`)
    .nullish()
    .transform((v) => (v ? v : null));

export const fundings = ['opco', 'cpf', 'employer'] as const;
export const FUNDING_LABELS_FR: Record<TrainingFunding, string> = {
  opco: 'OPCO',
  cpf: 'CPF',
  employer: 'Employeur',
};
export const ENROLMENT_STATUS_LABELS_FR: Record<EnrolmentStatus, string> = {
  planned: 'Prévue',
  done: 'Réalisée',
  cancelled: 'Annulée',
};

export const actionInput = z
  .object({
    title: text().min(1, 'Intitulé : champ obligatoire.').max(200, '200 caractères au maximum.'),
    provider: text().min(1, 'Organisme de formation : champ obligatoire.').max(200),
    startsOn: date('Premier jour'),
    endsOn: date('Dernier jour'),
    hours: z
      .number('Durée en centièmes d’heure attendue (700 pour 7 h).')
      .int('Durée en centièmes d’heure entiers.')
      .min(1, 'La durée doit être positive.')
      .max(200_000, 'Durée hors limites.'),
    cost: z
      .number('Coût en centimes attendu.')
      .int('Coût en centimes entiers.')
      .min(0, 'Le coût ne peut être négatif.')
      .max(100_000_000, 'Coût hors limites.'),
    funding: z.enum(fundings, 'Financement : opco, cpf ou employer.'),
    notes: optionalText(2000),
  })
  .refine((v) => v.endsOn >= v.startsOn, {
    path: ['endsOn'],
    message: 'Le dernier jour ne peut précéder le premier.',
  });
export type ActionInput = z.output<typeof actionInput>;

export const enrolmentInput = z.object({ employeeId: z.string().min(1).max(64) });
export const enrolmentUpdateInput = z.object({
  status: z.enum(['planned', 'done', 'cancelled'], 'Statut : planned, done ou cancelled.'),
  attestationReceived: z.boolean('Attestation reçue : oui ou non.').default(false),
});
export type EnrolmentUpdateInput = z.output<typeof enrolmentUpdateInput>;

export const reviewInput = z.object({
  employeeId: z.string().min(1).max(64),
  kind: z.enum(['review', 'summary'], 'Type : review (entretien) ou summary (état des lieux).'),
  heldOn: date('Date de l’entretien'),
  notes: optionalText(4000),
});
export type ReviewInput = z.output<typeof reviewInput>;

export const yearQuery = z.object({
  year: z.coerce.number('Année attendue.').int().min(2000, 'Année hors limites.').max(2100).optional(),
});
export const summaryExportQuery = yearQuery.extend({
  format: z.enum(['pdf', 'csv', 'xlsx'], 'Format inconnu : pdf, csv ou xlsx.').default('pdf'),
});

export type EnrolmentDto = {
  id: string;
  employeeId: string;
  employeeName: string;
  status: EnrolmentStatus;
  attestationReceived: boolean;
};
export type ActionDto = Omit<ActionInput, never> & { id: string; enrolments: EnrolmentDto[] };
export type ActionList = { items: ActionDto[] };
export type ReviewDueDto = {
  employeeId: string;
  employeeName: string;
  hireDate: string;
  lastReviewOn: string | null;
  nextReviewOn: string;
  reviewState: ReviewState;
  nextSummaryOn: string;
  summaryState: ReviewState;
};
export type ReviewList = { today: string; items: ReviewDueDto[] };
export type ReviewDto = {
  id: string;
  employeeId: string;
  kind: ReviewKind;
  heldOn: string;
  notes: string | null;
};
export type SummaryLine = {
  employeeId: string;
  employeeName: string;
  jobTitle: string;
  actions: number;
  hoursDone: number;
  hoursPlanned: number;
  cost: number;
};
export type TrainingSummary = {
  year: number;
  employees: SummaryLine[];
  byJobTitle: { jobTitle: string; hoursDone: number; hoursPlanned: number; cost: number }[];
  total: { hoursDone: number; hoursPlanned: number; cost: number };
};
