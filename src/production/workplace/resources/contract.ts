import { z } from 'zod';
import { isCalendarDate } from '../../../kernel/dates/index.ts';
import { text } from '../../../kernel/validation/text.ts';

// Shared physical resources (2.3.t3): the catalogue (equipment, keys, vehicles, rooms), their loans
// (check-out to an employee or a named person, check-in with the state on return) and bookings.

const calendarDate = (what: string) => {
  const message = `${what} : date réelle au format AAAA-MM-JJ attendue.`;
  return z.iso.date({ error: message, abort: true }).refine(isCalendarDate, message);
};
const optionalText = (max: number) =>
  text()
    .max(max, `${max} caractères au maximum.`)
    .nullish()
    .transform((v) => (v ? v : null));

export const resourceCategories = ['equipment', 'key', 'vehicle', 'room', 'other'] as const;
export type ResourceCategory = (typeof resourceCategories)[number];
export const resourceStates = ['good', 'worn', 'damaged', 'out_of_service'] as const;
export type ResourceState = (typeof resourceStates)[number];

export const CATEGORY_LABELS_FR: Record<ResourceCategory, string> = {
  equipment: 'Matériel',
  key: 'Clé',
  vehicle: 'Véhicule',
  room: 'Salle',
  other: 'Autre',
};
export const STATE_LABELS_FR: Record<ResourceState, string> = {
  good: 'Bon état',
  worn: 'Usé',
  damaged: 'Endommagé',
  out_of_service: 'Hors service',
};

export const resourceInput = z.object({
  name: text().min(1, 'Désignation : champ obligatoire.').max(120, '120 caractères au maximum.'),
  category: z.enum(resourceCategories, 'Catégorie inconnue.'),
  identifier: optionalText(80),
  location: optionalText(120),
  state: z.enum(resourceStates, 'État inconnu.').default('good'),
  notes: optionalText(1000),
});
export type ResourceInput = z.output<typeof resourceInput>;

/** Who borrows: an employee of the register, or a person named in full. */
const borrower = {
  employeeId: text()
    .max(64, 'Identifiant de salarié invalide.')
    .nullish()
    .transform((v) => v || null),
  borrowerName: optionalText(120),
};
const needsBorrower = (
  v: { employeeId: string | null; borrowerName: string | null },
  ctx: z.RefinementCtx,
) => {
  if (!v.employeeId && !v.borrowerName)
    ctx.addIssue({
      code: 'custom',
      path: ['borrowerName'],
      message: 'Emprunteur : choisissez un salarié ou saisissez le nom de la personne.',
    });
};

export const loanInput = z
  .object({
    resourceId: text().min(1, 'Ressource : champ obligatoire.').max(64, 'Identifiant de ressource invalide.'),
    ...borrower,
    outOn: calendarDate('Date de sortie'),
    dueOn: calendarDate('Retour prévu'),
    remarks: optionalText(500),
  })
  .superRefine((v, ctx) => {
    needsBorrower(v, ctx);
    if (v.dueOn < v.outOn)
      ctx.addIssue({
        code: 'custom',
        path: ['dueOn'],
        message: 'Le retour prévu ne peut précéder la sortie.',
      });
  });
export type LoanInput = z.output<typeof loanInput>;

export const returnInput = z.object({
  returnedOn: calendarDate('Date de retour'),
  state: z.enum(resourceStates, 'État au retour : choisissez-en un.'),
  remarks: optionalText(500),
});
export type ReturnInput = z.output<typeof returnInput>;

export const bookingInput = z
  .object({
    resourceId: text().min(1, 'Ressource : champ obligatoire.').max(64, 'Identifiant de ressource invalide.'),
    ...borrower,
    from: calendarDate('Du'),
    to: calendarDate('Au'),
    purpose: optionalText(200),
  })
  .superRefine((v, ctx) => {
    needsBorrower(v, ctx);
    if (v.to < v.from)
      ctx.addIssue({
        code: 'custom',
        path: ['to'],
        message: 'La fin de la réservation ne peut précéder son début.',
      });
  });
export type BookingInput = z.output<typeof bookingInput>;

export const loanDto = z.object({
  id: z.string(),
  resourceId: z.string(),
  resourceName: z.string(),
  category: z.enum(resourceCategories),
  identifier: z.string().nullable(),
  employeeId: z.string().nullable(),
  borrowerName: z.string(),
  outOn: z.string(),
  dueOn: z.string(),
  stateOut: z.enum(resourceStates),
  remarksOut: z.string().nullable(),
  returnedOn: z.string().nullable(),
  stateReturned: z.enum(resourceStates).nullable(),
  remarksReturned: z.string().nullable(),
  /** Not returned and past its due date, on the organisation's today. */
  overdue: z.boolean(),
});
export type LoanDto = z.infer<typeof loanDto>;
export const loanList = z.object({ asOf: z.string(), items: z.array(loanDto) });
export type LoanList = z.infer<typeof loanList>;

export const resourceDto = z.object({
  id: z.string(),
  name: z.string(),
  category: z.enum(resourceCategories),
  identifier: z.string().nullable(),
  location: z.string().nullable(),
  state: z.enum(resourceStates),
  notes: z.string().nullable(),
  /** The open loan, if it is out. */
  loan: loanDto.nullable(),
  createdAt: z.string(),
});
export type ResourceDto = z.infer<typeof resourceDto>;
export const resourceList = z.object({ items: z.array(resourceDto) });
export type ResourceList = z.infer<typeof resourceList>;
export const resourceListQuery = z.object({
  category: z.enum(resourceCategories, 'Catégorie inconnue.').optional(),
  q: text().max(100).optional(),
});
export type ResourceListQuery = z.output<typeof resourceListQuery>;

export const loanListQuery = z.object({
  resourceId: text().max(64).optional(),
  employeeId: text().max(64).optional(),
  /** open: not returned; overdue: not returned and late. */
  state: z.enum(['open', 'overdue', 'returned'], 'Filtre : open, overdue ou returned.').optional(),
  /** Loans out between from and to. */
  from: calendarDate('Du').optional(),
  to: calendarDate('Au').optional(),
});
export type LoanListQuery = z.output<typeof loanListQuery>;
export const loanExportQuery = loanListQuery.extend({
  format: z.enum(['csv', 'xlsx', 'pdf'], 'Format : csv, xlsx ou pdf.').default('csv'),
});

export const bookingDto = z.object({
  id: z.string(),
  resourceId: z.string(),
  resourceName: z.string(),
  employeeId: z.string().nullable(),
  borrowerName: z.string(),
  from: z.string(),
  to: z.string(),
  purpose: z.string().nullable(),
  status: z.enum(['booked', 'cancelled']),
});
export type BookingDto = z.infer<typeof bookingDto>;
export const bookingList = z.object({ items: z.array(bookingDto) });
export const bookingListQuery = z.object({
  resourceId: text().max(64).optional(),
  /** Bookings still running on or after this day (all when absent). */
  from: calendarDate('Du').optional(),
});

export const borrowerList = z.object({ items: z.array(z.object({ id: z.string(), name: z.string() })) });
export type BorrowerList = z.infer<typeof borrowerList>;
