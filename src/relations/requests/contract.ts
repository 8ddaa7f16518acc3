import { z } from 'zod';
import { emailField } from '../../kernel/organisations/contract.ts';
import { text } from '../../kernel/validation/text.ts';
import { idField, optionalDate, optionalId, pageQuery, requiredText } from '../shared/contract-fields.ts';
import { optionalText } from '../shared/fields.ts';

export const requestChannels = ['phone', 'email', 'counter', 'web_form'] as const;
export const requestStatuses = ['new', 'in_progress', 'answered', 'closed'] as const;

const category = optionalText(80);

/** A request taken by a member (phone, e-mail, counter), or typed in from a paper form. */
export const requestInput = z.object({
  channel: z.enum(requestChannels, 'Canal inconnu : phone, email, counter ou web_form.'),
  partyId: optionalId,
  senderName: optionalText(200),
  senderEmail: emailField,
  senderPhone: optionalText(30),
  category,
  subject: requiredText('Objet', 200),
  message: requiredText('Message', 5000),
  assigneeId: optionalId,
  /** Left empty: the date it was received plus the form's answer delay (7 days by default). */
  dueDate: optionalDate('Date de réponse attendue'),
});
export type RequestInput = z.output<typeof requestInput>;

/** What a member changes while handling a request (the answer has its own command). */
export const requestUpdateInput = requestInput.extend({
  status: z.enum(requestStatuses, 'Statut inconnu : new, in_progress, answered ou closed.'),
});
export type RequestUpdateInput = z.output<typeof requestUpdateInput>;

export const requestAnswerInput = z.object({
  answer: requiredText('Réponse', 10000),
  /** Close the request at once (nothing more expected from the sender). */
  close: z.boolean().default(false),
});
export type RequestAnswerInput = z.output<typeof requestAnswerInput>;

export const requestListQuery = z.object({
  status: z.enum(requestStatuses, 'Statut inconnu.').optional(),
  channel: z.enum(requestChannels, 'Canal inconnu.').optional(),
  partyId: text().max(64).optional(),
  assigneeId: text().max(64).optional(),
  q: text().max(200, '200 caractères au maximum.').optional(),
  ...pageQuery,
});
export type RequestListQuery = z.output<typeof requestListQuery>;

export const requestDto = z.object({
  id: z.string(),
  channel: z.enum(requestChannels),
  partyId: z.string().nullable(),
  partyName: z.string().nullable(),
  senderName: z.string().nullable(),
  senderEmail: z.string().nullable(),
  senderPhone: z.string().nullable(),
  category: z.string().nullable(),
  subject: z.string(),
  message: z.string(),
  assigneeId: z.string().nullable(),
  assigneeName: z.string().nullable(),
  status: z.enum(requestStatuses),
  receivedAt: z.string(),
  dueDate: z.string().nullable(),
  overdue: z.boolean(),
  answer: z.string().nullable(),
  answeredAt: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type RequestDto = z.infer<typeof requestDto>;

export const requestPage = z.object({ items: z.array(requestDto), total: z.number().int() });
export type RequestPage = z.infer<typeof requestPage>;

// Answer templates: placeholders in double braces, filled from the request (see fillTemplate).
export const TEMPLATE_PLACEHOLDERS = ['nom', 'objet', 'organisation', 'date', 'signataire'] as const;

export const requestTemplateInput = z.object({
  name: requiredText('Nom du modèle', 100),
  category,
  body: requiredText('Texte du modèle', 10000),
});
export type RequestTemplateInput = z.output<typeof requestTemplateInput>;

export const requestTemplateDto = z.object({
  id: z.string(),
  name: z.string(),
  category: z.string().nullable(),
  body: z.string(),
  updatedAt: z.string(),
});
export type RequestTemplateDto = z.infer<typeof requestTemplateDto>;

/**
 * Fills a template's {{nom}}, {{objet}}, {{organisation}}, {{date}}, {{signataire}}; an unknown
 * placeholder is left as typed so the member sees it before sending. Pure: the web uses it too.
 */
export function fillTemplate(body: string, values: Partial<Record<string, string>>): string {
  return body.replace(/\{\{\s*([a-zà-ÿ]+)\s*\}\}/giu, (whole, name: string) => {
    const value = values[name.toLowerCase()];
    return value === undefined ? whole : value;
  });
}

// The organisation's public form.
export const requestFormSettingsInput = z.object({
  enabled: z.boolean(),
  intro: optionalText(1000),
  categories: z
    .array(requiredText('Catégorie', 80))
    .max(20, '20 catégories au maximum.')
    .transform((v) => [...new Set(v)]),
  answerDays: z.number().int('Nombre entier de jours attendu.').min(1).max(90).default(7),
});
export type RequestFormSettingsInput = z.output<typeof requestFormSettingsInput>;

export const requestFormSettingsDto = z.object({
  enabled: z.boolean(),
  intro: z.string().nullable(),
  categories: z.array(z.string()),
  answerDays: z.number().int(),
});
export type RequestFormSettingsDto = z.infer<typeof requestFormSettingsDto>;

/** What a visitor's browser gets to draw the form: nothing but the organisation's name and the form. */
export const publicRequestFormDto = z.object({
  organisationName: z.string(),
  intro: z.string().nullable(),
  categories: z.array(z.string()),
  /** Signed time of display: a submission sooner than a few seconds after it is refused (a robot). */
  token: z.string(),
});
export type PublicRequestFormDto = z.infer<typeof publicRequestFormDto>;

export const publicRequestInput = z.object({
  name: requiredText('Nom', 200),
  email: emailField.refine((v) => v !== null, 'L’adresse électronique est obligatoire.'),
  phone: optionalText(30),
  category,
  subject: requiredText('Objet', 200),
  message: requiredText('Message', 5000),
  /** Honeypot: hidden from people, filled by robots. */
  website: z.string().max(500).optional(),
  token: text().min(1, 'Rechargez le formulaire puis recommencez.').max(200),
});
export type PublicRequestInput = z.output<typeof publicRequestInput>;

export const publicRequestAck = z.object({ received: z.literal(true), message: z.string() });

export const requestIdParams = z.object({ orgId: z.string().max(64), requestId: idField });
