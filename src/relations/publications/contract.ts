import { z } from 'zod';
import { calendarDate, idField, optionalDate, requiredText } from '../shared/contract-fields.ts';

export const publicationChannels = [
  'website',
  'facebook',
  'instagram',
  'linkedin',
  'newsletter',
  'notice_board',
] as const;
export const publicationStatuses = ['draft', 'scheduled', 'published', 'cancelled'] as const;

export const publicationInput = z.object({
  channel: z.enum(
    publicationChannels,
    'Canal inconnu : website, facebook, instagram, linkedin, newsletter ou notice_board.',
  ),
  title: requiredText('Titre', 200),
  body: requiredText('Texte', 20000),
  scheduledOn: optionalDate('Date de publication'),
  scheduledTime: z
    .string()
    .regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'Heure au format HH:MM attendue (ex. 09:30).')
    .nullish()
    .transform((v) => v ?? null),
  status: z.enum(publicationStatuses, 'Statut inconnu : draft, scheduled, published ou cancelled.'),
});
export type PublicationInput = z.output<typeof publicationInput>;

export const publicationListQuery = z.object({
  from: calendarDate('Date de début').optional(),
  to: calendarDate('Date de fin').optional(),
  channel: z.enum(publicationChannels, 'Canal inconnu.').optional(),
  status: z.enum(publicationStatuses, 'Statut inconnu.').optional(),
});
export type PublicationListQuery = z.output<typeof publicationListQuery>;

export const publicationDto = z.object({
  id: z.string(),
  channel: z.enum(publicationChannels),
  title: z.string(),
  body: z.string(),
  scheduledOn: z.string().nullable(),
  scheduledTime: z.string().nullable(),
  status: z.enum(publicationStatuses),
  publishedAt: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type PublicationDto = z.infer<typeof publicationDto>;

export const publicationIdParams = z.object({ orgId: z.string().max(64), publicationId: idField });
