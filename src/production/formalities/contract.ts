import { z } from 'zod';
import { isCalendarDate } from '../../kernel/dates/index.ts';
import { text } from '../../kernel/validation/text.ts';

// The organisation's administrative formalities with its partners (2.1.t3, decision 0048): declarations,
// filings, renewals owed to URSSAF, the SIE, the greffe, the préfecture, the CAF, the ARS, the insurer…

const calendarDate = (what: string) => {
  const message = `${what} : date réelle au format AAAA-MM-JJ attendue.`;
  return z.iso.date({ error: message, abort: true }).refine(isCalendarDate, message);
};
const optionalText = (max: number) =>
  text()
    .max(max, `${max} caractères au maximum.`)
    .nullish()
    .transform((v) => (v ? v : null));

export const formalityCategories = ['social', 'fiscal', 'legal', 'insurance', 'sector', 'other'] as const;
export type FormalityCategory = (typeof formalityCategories)[number];
export const formalityPeriodicities = ['one_off', 'monthly', 'quarterly', 'yearly'] as const;
export type FormalityPeriodicity = (typeof formalityPeriodicities)[number];
/** Computed on a date. */
export const formalityStatuses = ['overdue', 'due_soon', 'upcoming', 'done'] as const;
export type FormalityStatus = (typeof formalityStatuses)[number];

export const CATEGORY_LABELS_FR: Record<FormalityCategory, string> = {
  social: 'Sociale',
  fiscal: 'Fiscale',
  legal: 'Juridique',
  insurance: 'Assurance',
  sector: 'Sectorielle',
  other: 'Autre',
};
export const PERIODICITY_LABELS_FR: Record<FormalityPeriodicity, string> = {
  one_off: 'Ponctuelle',
  monthly: 'Mensuelle',
  quarterly: 'Trimestrielle',
  yearly: 'Annuelle',
};
export const STATUS_LABELS_FR: Record<FormalityStatus, string> = {
  overdue: 'En retard',
  due_soon: 'À faire bientôt',
  upcoming: 'À venir',
  done: 'Terminée',
};

export const formalityInput = z.object({
  title: text().min(1, 'Intitulé : champ obligatoire.').max(200, '200 caractères au maximum.'),
  /** One of the organisation's parties… */
  partyId: text().max(64, 'Identifiant de tiers invalide.').nullish(),
  /** …or the partner's name typed in (URSSAF, SIE de Grenoble…). */
  partnerName: optionalText(200),
  category: z.enum(formalityCategories, 'Catégorie inconnue.'),
  periodicity: z.enum(formalityPeriodicities, 'Périodicité inconnue.'),
  /** The (next) due date. */
  dueOn: calendarDate('Échéance'),
  responsible: optionalText(120),
  reminderDays: z
    .number('Rappel (jours) : nombre entier attendu.')
    .int('Rappel (jours) : nombre entier attendu.')
    .min(0, 'Rappel (jours) : au moins 0.')
    .max(365, 'Rappel (jours) : au plus 365.')
    .default(15),
  notes: optionalText(2000),
});
export type FormalityInput = z.output<typeof formalityInput>;

export const completionInput = z.object({
  doneOn: calendarDate('Date de réalisation'),
  /** N° de dépôt, accusé de réception… */
  reference: optionalText(120),
  note: optionalText(1000),
});
export type CompletionInput = z.output<typeof completionInput>;

export const completionDto = z.object({
  id: z.string(),
  dueOn: z.string(),
  doneOn: z.string(),
  reference: z.string().nullable(),
  note: z.string().nullable(),
  createdAt: z.string(),
});
export type CompletionDto = z.infer<typeof completionDto>;

export const formalityDto = z.object({
  id: z.string(),
  title: z.string(),
  partyId: z.string().nullable(),
  /** The party's name, or the name typed in. */
  partner: z.string(),
  category: z.enum(formalityCategories),
  periodicity: z.enum(formalityPeriodicities),
  /** Null once a one-off formality is done. */
  nextDueOn: z.string().nullable(),
  responsible: z.string().nullable(),
  reminderDays: z.number(),
  notes: z.string().nullable(),
  /** On asOf. */
  status: z.enum(formalityStatuses),
  asOf: z.string(),
  /** Days from asOf to the next due date (negative when overdue). */
  inDays: z.number().nullable(),
  completions: z.array(completionDto),
  createdAt: z.string(),
});
export type FormalityDto = z.infer<typeof formalityDto>;
export const formalityList = z.object({ asOf: z.string(), items: z.array(formalityDto) });
export type FormalityList = z.infer<typeof formalityList>;

export const formalityListQuery = z.object({
  category: z.enum(formalityCategories, 'Catégorie inconnue.').optional(),
  status: z.enum(formalityStatuses, 'Statut inconnu.').optional(),
  asOf: calendarDate('Date').optional(),
});
export type FormalityListQuery = z.output<typeof formalityListQuery>;

export const calendarQuery = z.object({
  asOf: calendarDate('Date').optional(),
  days: z.coerce
    .number('Nombre de jours attendu.')
    .int('Nombre de jours entier attendu.')
    .min(1, 'Au moins 1 jour.')
    .max(731, 'Au plus 731 jours.')
    .default(90),
});
export const calendarEntryDto = z.object({
  date: z.string(),
  formalityId: z.string(),
  title: z.string(),
  partner: z.string(),
  category: z.enum(formalityCategories),
  periodicity: z.enum(formalityPeriodicities),
  responsible: z.string().nullable(),
  status: z.enum(formalityStatuses),
  /** Days from asOf (negative when overdue). */
  inDays: z.number(),
});
export type CalendarEntryDto = z.infer<typeof calendarEntryDto>;
export const calendarDto = z.object({ asOf: z.string(), to: z.string(), items: z.array(calendarEntryDto) });
export type CalendarDto = z.infer<typeof calendarDto>;
