import { z } from 'zod';
import { EMAIL_INVALID, isEmail } from '../identifiers/contact.ts';
import { text } from '../validation/text.ts';

export const mailSecurities = ['none', 'starttls', 'tls'] as const;
export const mailStatuses = ['pending', 'sending', 'sent', 'failed', 'cancelled'] as const;

const requiredEmail = z
  .string()
  .trim()
  .toLowerCase()
  .max(254, '254 caractères au maximum.')
  .refine((v) => isEmail(v), EMAIL_INVALID);

const optional = (max: number) =>
  text()
    .max(max, `${max} caractères au maximum.`)
    .nullish()
    .transform((v) => (v ? v : null));

export const mailSettingsInput = z.object({
  host: text()
    .min(1, 'Le serveur SMTP est obligatoire.')
    .max(253, '253 caractères au maximum.')
    .regex(/^[A-Za-z0-9.-]+$/, 'Nom de serveur invalide (par exemple smtp.exemple.fr).'),
  port: z.coerce
    .number('Port attendu.')
    .int('Nombre entier attendu.')
    .min(1, 'Port entre 1 et 65535.')
    .max(65535, 'Port entre 1 et 65535.'),
  security: z.enum(mailSecurities, 'Sécurité : aucune (none), STARTTLS (starttls) ou TLS (tls).'),
  username: optional(254),
  /** Absent or null: keep the stored password; "" removes it. */
  password: z.string().max(500, '500 caractères au maximum.').nullish(),
  fromAddress: requiredEmail,
  fromName: optional(200),
});
export type MailSettingsInput = z.output<typeof mailSettingsInput>;

export const mailSettingsDto = z.object({
  configured: z.boolean(),
  host: z.string().nullable(),
  port: z.number().int().nullable(),
  security: z.enum(mailSecurities).nullable(),
  username: z.string().nullable(),
  /** Never the password itself. */
  hasPassword: z.boolean(),
  fromAddress: z.string().nullable(),
  fromName: z.string().nullable(),
  updatedAt: z.string().nullable(),
});
export type MailSettingsDto = z.infer<typeof mailSettingsDto>;

export const testEmailInput = z.object({ to: requiredEmail });
export const testEmailResult = z.object({ ok: z.boolean(), message: z.string() });

/** What a module hands to enqueueEmail (attachments already stored by the documents store). */
export const emailMessage = z.object({
  to: z.array(requiredEmail).min(1, 'Au moins un destinataire.').max(50, '50 destinataires au maximum.'),
  subject: text().min(1, 'L’objet est obligatoire.').max(300, '300 caractères au maximum.'),
  text: z.string().max(100_000, '100 000 caractères au maximum.'),
  replyTo: requiredEmail.nullish(),
  source: z.string().max(200).nullish(),
  attachments: z
    .array(z.object({ documentId: z.string().max(64) }))
    .max(20)
    .default([]),
});
export type EmailMessage = z.input<typeof emailMessage>;

export const outboxQuery = z.object({
  status: z.enum(mailStatuses, 'Statut inconnu.').optional(),
  limit: z.coerce.number().int('Nombre entier attendu.').min(1).max(500).default(50),
  offset: z.coerce.number().int('Nombre entier attendu.').min(0).default(0),
});
export type OutboxQuery = z.output<typeof outboxQuery>;

export const outboxMessageDto = z.object({
  id: z.string(),
  status: z.enum(mailStatuses),
  to: z.array(z.string()),
  subject: z.string(),
  source: z.string().nullable(),
  attempts: z.number().int(),
  nextAttemptAt: z.string(),
  lastError: z.string().nullable(),
  sentAt: z.string().nullable(),
  attachments: z.array(z.object({ documentId: z.string(), fileName: z.string() })),
  createdAt: z.string(),
});
export type OutboxMessageDto = z.infer<typeof outboxMessageDto>;

export const outboxPage = z.object({ items: z.array(outboxMessageDto), total: z.number().int() });
export type OutboxPage = z.infer<typeof outboxPage>;
