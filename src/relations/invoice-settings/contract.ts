import { z } from 'zod';
import {
  BIC_INVALID,
  IBAN_INVALID,
  isBic,
  isIban,
  normalizeIdentifier,
} from '../../kernel/identifiers/index.ts';
import { decimalField, optionalText } from '../shared/fields.ts';

const identifier = (check: (v: string) => boolean, message: string) =>
  z
    .string()
    .max(60)
    .transform(normalizeIdentifier)
    .refine((v) => v === '' || check(v), message)
    .transform((v) => (v === '' ? null : v))
    .nullish()
    .transform((v) => v ?? null);

export const invoiceSettingsInput = z.object({
  paymentTermsDays: z
    .number('Nombre de jours attendu.')
    .int('Nombre entier de jours attendu.')
    // C. com. L441-10: 60 days from the invoice date at most (45 days end of month being the other form).
    .min(0, 'Le délai de paiement ne peut pas être négatif.')
    .max(60, 'Le délai de paiement convenu ne peut dépasser 60 jours (C. com. art. L441-10).')
    .default(30),
  /** Null: the legal default (ECB refinancing rate + 10 points), written out on the invoice. */
  latePenaltyRate: decimalField('Taux des pénalités de retard', 2, { min: 0, max: 100 })
    .nullish()
    .transform((v) => v ?? null),
  earlyPaymentDiscount: optionalText(300),
  vatOnDebits: z.boolean('Oui ou non attendu.').default(false),
  shareCapital: z
    .number('Montant en centimes attendu.')
    .int('Montant en centimes entiers attendu.')
    .min(0)
    .max(Number.MAX_SAFE_INTEGER)
    .nullish()
    .transform((v) => v ?? null),
  rcsCity: optionalText(100),
  iban: identifier(isIban, IBAN_INVALID),
  bic: identifier(isBic, BIC_INVALID),
  footer: optionalText(500),
});
export type InvoiceSettingsInput = z.output<typeof invoiceSettingsInput>;

export const invoiceSettingsDto = z.object({
  paymentTermsDays: z.number().int(),
  /** Percent with two decimals ("12.15"), or null for the legal default. */
  latePenaltyRate: z.string().nullable(),
  earlyPaymentDiscount: z.string().nullable(),
  vatOnDebits: z.boolean(),
  shareCapital: z.number().int().nullable(),
  rcsCity: z.string().nullable(),
  iban: z.string().nullable(),
  bic: z.string().nullable(),
  footer: z.string().nullable(),
});
export type InvoiceSettingsDto = z.infer<typeof invoiceSettingsDto>;
