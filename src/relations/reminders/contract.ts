import { z } from 'zod';
import { isCalendarDate } from '../../kernel/dates/index.ts';
import { text } from '../../kernel/validation/text.ts';

const calendarDate = (what: string) => {
  const message = `${what} : date réelle au format AAAA-MM-JJ attendue.`;
  return z.iso.date({ error: message, abort: true }).refine(isCalendarDate, message);
};
const id = text().min(1, 'Identifiant attendu.').max(64);

export const reminderLevels = [1, 2, 3] as const;
export const REMINDER_LEVEL_LABELS: Record<(typeof reminderLevels)[number], string> = {
  1: 'Relance amiable',
  2: 'Relance ferme',
  3: 'Mise en demeure de payer',
};
export const reminderChannels = ['letter', 'email'] as const;

export const reminderInput = z.object({
  customerId: id,
  level: z.union(
    [z.literal(1), z.literal(2), z.literal(3)],
    'Niveau de relance : 1 (amiable), 2 (ferme) ou 3 (mise en demeure).',
  ),
  /** The date of the letter; today in the organisation's time zone by default. */
  date: calendarDate('Date de la relance')
    .nullish()
    .transform((v) => v ?? null),
  /** The overdue invoices to claim; all the customer's overdue invoices when left out. */
  invoiceIds: z
    .array(id)
    .max(200, '200 factures au plus par relance.')
    .nullish()
    .transform((v) => v ?? null),
  channel: z.enum(reminderChannels, 'Canal inconnu : letter (PDF à imprimer) ou email (courriel).'),
  /** For the email channel: the customer's email address by default. */
  emailTo: z
    .email('Adresse électronique invalide.')
    .max(254)
    .nullish()
    .transform((v) => v ?? null),
});
export type ReminderInput = z.output<typeof reminderInput>;

export const reminderListQuery = z.object({
  customerId: text().max(64).optional(),
  invoiceId: text().max(64).optional(),
  limit: z.coerce.number().int('Nombre entier attendu.').min(1).max(500).default(100),
});
export type ReminderListQuery = z.output<typeof reminderListQuery>;

export const reminderInvoiceDto = z.object({
  invoiceId: z.string(),
  number: z.string(),
  dueDate: z.string(),
  remaining: z.number().int(),
  daysLate: z.number().int(),
  /** Annual rate, percent with two decimals ("12.15"). */
  penaltyRate: z.string(),
  penalty: z.number().int(),
  recoveryFee: z.number().int(),
});

export const reminderDto = z.object({
  id: z.string(),
  customerId: z.string(),
  customerName: z.string(),
  level: z.number().int(),
  levelLabel: z.string(),
  date: z.string(),
  channel: z.enum(reminderChannels),
  emailTo: z.string().nullable(),
  principal: z.number().int(),
  penalties: z.number().int(),
  recoveryFees: z.number().int(),
  total: z.number().int(),
  invoices: z.array(reminderInvoiceDto),
  documentId: z.string().nullable(),
  sentAt: z.string().nullable(),
  sendError: z.string().nullable(),
  createdAt: z.string(),
});
export type ReminderDto = z.infer<typeof reminderDto>;
export const reminderList = z.object({ items: z.array(reminderDto) });
