import { z } from 'zod';
import { isCalendarDate } from '../../../kernel/dates/index.ts';
import { text } from '../../../kernel/validation/text.ts';

// Internal notices (notes de service, notes internes, 2.3.t5 and 3.3.t1 for the social ones) and the
// mandatory staff postings (affichage obligatoire). A notice gets its number NS-2026-001 when published.

export const noticeCategories = ['organisation', 'safety', 'social', 'event', 'other'] as const;
export type NoticeCategory = (typeof noticeCategories)[number];
export const noticeAudiences = ['everyone', 'staff', 'service'] as const;
export type NoticeAudience = (typeof noticeAudiences)[number];
export const noticeStatuses = ['draft', 'published'] as const;
export type NoticeStatus = (typeof noticeStatuses)[number];

export const NOTICE_CATEGORY_LABELS_FR: Record<NoticeCategory, string> = {
  organisation: 'Organisation',
  safety: 'Sécurité',
  social: 'Information sociale',
  event: 'Événement',
  other: 'Autre',
};
export const NOTICE_AUDIENCE_LABELS_FR: Record<NoticeAudience, string> = {
  everyone: 'Tout le monde',
  staff: 'Le personnel',
  service: 'Un service',
};

const calendarDate = (what: string) => {
  const message = `${what} : date réelle au format AAAA-MM-JJ attendue.`;
  return z.iso.date({ error: message, abort: true }).refine(isCalendarDate, message);
};
const optionalText = (max: number) =>
  text()
    .max(max, `${max} caractères au maximum.`)
    .nullish()
    .transform((v) => (v ? v : null));

export const noticeInput = z
  .object({
    title: text().min(1, 'Objet : champ obligatoire.').max(200, '200 caractères au maximum.'),
    category: z.enum(noticeCategories, 'Catégorie inconnue.'),
    audience: z.enum(noticeAudiences, 'Destinataires : everyone, staff ou service.'),
    /** The service addressed (the employees' workplace) when the audience is a service. */
    service: optionalText(200),
    author: text().min(1, 'Auteur : champ obligatoire.').max(200, '200 caractères au maximum.'),
    body: text().min(1, 'Texte : champ obligatoire.').max(20_000, '20 000 caractères au maximum.'),
    publishOn: calendarDate('Date de publication'),
    expiresOn: calendarDate('Date d’expiration')
      .nullish()
      .transform((v) => v ?? null),
    pinned: z.boolean('Oui ou non attendu.').default(false),
  })
  .superRefine((v, ctx) => {
    if (v.audience === 'service' && !v.service)
      ctx.addIssue({
        code: 'custom',
        path: ['service'],
        message: 'Service destinataire : champ obligatoire.',
      });
    if (v.expiresOn && v.expiresOn < v.publishOn)
      ctx.addIssue({
        code: 'custom',
        path: ['expiresOn'],
        message: 'La date d’expiration ne peut précéder la publication.',
      });
  });
export type NoticeInput = z.output<typeof noticeInput>;

export const noticeListQuery = z.object({
  category: z.enum(noticeCategories, 'Catégorie inconnue.').optional(),
  /** Only the notices displayed on that day (published, not expired). */
  currentOn: calendarDate('Date').optional(),
});
export type NoticeListQuery = z.output<typeof noticeListQuery>;
export const acknowledgementInput = z.object({
  employeeId: text().min(1, 'Salarié : champ obligatoire.').max(64, 'Identifiant de salarié invalide.'),
});

export const noticeSummaryDto = z.object({
  id: z.string(),
  number: z.string().nullable(),
  title: z.string(),
  category: z.enum(noticeCategories),
  audience: z.enum(noticeAudiences),
  service: z.string().nullable(),
  author: z.string(),
  publishOn: z.string(),
  expiresOn: z.string().nullable(),
  pinned: z.boolean(),
  status: z.enum(noticeStatuses),
  readCount: z.number(),
});
export type NoticeSummaryDto = z.infer<typeof noticeSummaryDto>;
const reader = z.object({ employeeId: z.string(), name: z.string(), readAt: z.string().nullable() });
export const noticeDto = noticeSummaryDto.extend({
  body: z.string(),
  publishedAt: z.string().nullable(),
  readers: z.array(reader),
  unread: z.array(reader),
});
export type NoticeDto = z.infer<typeof noticeDto>;
export const noticeList = z.object({ items: z.array(noticeSummaryDto) });
export type NoticeList = z.infer<typeof noticeList>;

export const postingStates = ['posted', 'missing', 'outdated', 'not_required'] as const;
export type PostingState = (typeof postingStates)[number];
export const postingInput = z.object({
  postedOn: calendarDate('Date d’affichage'),
  location: optionalText(200),
  note: optionalText(1000),
});
export type PostingInput = z.output<typeof postingInput>;
export const postingDto = z.object({
  code: z.string(),
  label: z.string(),
  content: z.string(),
  reference: z.string(),
  byAnyMeans: z.boolean(),
  minHeadcount: z.number(),
  state: z.enum(postingStates),
  postedOn: z.string().nullable(),
  location: z.string().nullable(),
  note: z.string().nullable(),
});
export type PostingDto = z.infer<typeof postingDto>;
export const postingChecklist = z.object({
  asOf: z.string(),
  headcount: z.number(),
  items: z.array(postingDto),
  missing: z.number(),
  outdated: z.number(),
});
export type PostingChecklist = z.infer<typeof postingChecklist>;
