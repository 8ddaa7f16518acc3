import { z } from 'zod';
import { isCalendarDate } from '../../kernel/dates/index.ts';
import { text } from '../../kernel/validation/text.ts';
import { optionalText } from '../shared/fields.ts';

export const eventKinds = ['trade_show', 'open_day', 'general_assembly', 'meeting', 'other'] as const;
export const guestStatuses = ['invited', 'registered', 'attended', 'absent', 'cancelled'] as const;

const dateMessage = 'Date réelle au format AAAA-MM-JJ attendue.';
export const calendarDateField = z.iso
  .date({ error: dateMessage, abort: true })
  .refine(isCalendarDate, dateMessage);
const timeField = z
  .string()
  .regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'Heure au format HH:MM attendue (ex. 09:30).')
  .nullish()
  .transform((v) => v ?? null);
const id = z.string().min(1).max(64);

export const eventInput = z
  .object({
    kind: z.enum(eventKinds, 'Type d’événement inconnu.'),
    title: text().min(1, 'Le titre est obligatoire.').max(200, '200 caractères au maximum.'),
    date: calendarDateField,
    startTime: timeField,
    endTime: timeField,
    place: optionalText(300),
    capacity: z
      .number('Nombre de places attendu.')
      .int('Nombre entier attendu.')
      .min(1, 'Au moins une place.')
      .max(100_000, '100 000 places au maximum.')
      .nullish()
      .transform((v) => v ?? null),
    description: optionalText(5000),
    costs: z
      .array(
        z.object({
          label: text().min(1, 'Le libellé du coût est obligatoire.').max(200, '200 caractères au maximum.'),
          /** Cents. */
          amount: z
            .number('Montant en centimes attendu.')
            .int('Montant en centimes (nombre entier) attendu.')
            .min(0, 'Montant positif attendu.')
            .max(100_000_000_00, 'Montant trop élevé.'),
        }),
      )
      .max(100, '100 lignes de coût au maximum.')
      .default([]),
  })
  .superRefine((e, ctx) => {
    if (e.startTime && e.endTime && e.endTime <= e.startTime)
      ctx.addIssue({
        code: 'custom',
        path: ['endTime'],
        message: 'L’heure de fin doit suivre l’heure de début.',
      });
  });
export type EventInput = z.output<typeof eventInput>;

export const eventListQuery = z.object({
  q: text().max(200, '200 caractères au maximum.').optional(),
  kind: z.enum(eventKinds, 'Type inconnu.').optional(),
  from: calendarDateField.optional(),
  to: calendarDateField.optional(),
  limit: z.coerce.number().int('Nombre entier attendu.').min(1).max(500).default(50),
  offset: z.coerce.number().int('Nombre entier attendu.').min(0).default(0),
});
export type EventListQuery = z.output<typeof eventListQuery>;

export const guestsInput = z.object({
  partyIds: z
    .array(id)
    .min(1, 'Choisissez au moins un invité.')
    .max(500, '500 invités à la fois au maximum.'),
});
export const guestStatusInput = z.object({ status: z.enum(guestStatuses, 'Statut inconnu.') });

export const invitationInput = z.object({
  subject: text().min(1, 'L’objet est obligatoire.').max(300, '300 caractères au maximum.'),
  text: text()
    .min(1, 'Le texte de l’invitation est obligatoire.')
    .max(20_000, '20 000 caractères au maximum.'),
  /** Absent: every guest not cancelled. */
  partyIds: z.array(id).max(500).optional(),
});
export type InvitationInput = z.output<typeof invitationInput>;

export const invitationResult = z.object({
  queued: z.number().int(),
  withoutEmail: z.array(z.string()),
});

export const guestDto = z.object({
  partyId: z.string(),
  name: z.string(),
  email: z.string().nullable(),
  city: z.string().nullable(),
  status: z.enum(guestStatuses),
  invitedAt: z.string().nullable(),
});
export type GuestDto = z.infer<typeof guestDto>;

export const eventSummaryDto = z.object({
  id: z.string(),
  kind: z.enum(eventKinds),
  title: z.string(),
  date: z.string(),
  startTime: z.string().nullable(),
  endTime: z.string().nullable(),
  place: z.string().nullable(),
  capacity: z.number().int().nullable(),
  description: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type EventSummaryDto = z.infer<typeof eventSummaryDto>;

export const eventDto = eventSummaryDto.extend({
  costs: z.array(z.object({ label: z.string(), amount: z.number().int() })),
  /** Cents. */
  totalCost: z.number().int(),
  guests: z.array(guestDto),
  counts: z.record(z.enum(guestStatuses), z.number().int()),
});
export type EventDto = z.infer<typeof eventDto>;

export const eventPage = z.object({ items: z.array(eventSummaryDto), total: z.number().int() });
export type EventPage = z.infer<typeof eventPage>;
