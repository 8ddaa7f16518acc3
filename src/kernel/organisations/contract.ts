import { z } from 'zod';
import { isFiscalYearStart } from '../dates/index.ts';
import {
  BIC_INVALID,
  EMAIL_INVALID,
  isEmail,
  isSiren,
  isSiret,
  isVatNumber,
  normalizeIdentifier,
  SIREN_INVALID,
  SIRET_INVALID,
  VAT_NUMBER_INVALID,
  vatNumberFromSiren,
} from '../identifiers/index.ts';
import { text } from '../validation/text.ts';

// Shared by the server (validation, OpenAPI) and the web (forms): one source of French messages.

const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max, `${max} caractères au maximum.`)
    .transform((v) => (v === '' ? null : v))
    .nullable()
    .optional()
    .transform((v) => v ?? null);

const identifier = (check: (v: string) => boolean, message: string) =>
  z
    .string()
    .transform(normalizeIdentifier)
    .refine((v) => v === '' || check(v), message)
    .transform((v) => (v === '' ? null : v))
    .nullable()
    .optional()
    .transform((v) => v ?? null);

export const sirenField = identifier(isSiren, SIREN_INVALID);
export const siretField = identifier(isSiret, SIRET_INVALID);
export const vatNumberField = identifier(isVatNumber, VAT_NUMBER_INVALID);
export const emailField = z
  .string()
  .trim()
  .toLowerCase()
  .refine((v) => v === '' || isEmail(v), EMAIL_INVALID)
  .transform((v) => (v === '' ? null : v))
  .nullable()
  .optional()
  .transform((v) => v ?? null);
export { BIC_INVALID, optionalText };

function isTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat('fr-FR', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

export const organisationKinds = ['company', 'association', 'public_body', 'health_social'] as const;
export const vatRegimes = [
  'normal_monthly',
  'normal_quarterly',
  'simplified',
  'franchise',
  'not_liable',
] as const;

export const organisationInput = z
  .object({
    name: text().min(1, 'Le nom est obligatoire.').max(200, '200 caractères au maximum.'),
    legalForm: optionalText(100),
    kind: z.enum(organisationKinds, 'Type d’organisation inconnu.'),
    siren: sirenField,
    siret: siretField,
    vatNumber: vatNumberField,
    addressLine1: optionalText(200),
    addressLine2: optionalText(200),
    postalCode: optionalText(20),
    city: optionalText(100),
    country: z
      .string()
      .trim()
      .toUpperCase()
      .regex(/^[A-Z]{2}$/, 'Code pays ISO à deux lettres attendu (FR, BE…).')
      .default('FR'),
    email: emailField,
    phone: optionalText(30),
    fiscalYearStart: z
      .string()
      .refine(isFiscalYearStart, 'Début d’exercice au format MM-JJ, date réelle hors 29 février (ex. 01-01).')
      .default('01-01'),
    vatRegime: z.enum(vatRegimes, 'Régime de TVA inconnu.'),
    timeZone: z
      .string()
      .max(64)
      .refine(isTimeZone, 'Fuseau horaire inconnu (ex. Europe/Paris, America/Cayenne).')
      .default('Europe/Paris'),
  })
  .superRefine((org, ctx) => {
    if (org.siret && org.siren && !org.siret.startsWith(org.siren))
      ctx.addIssue({ code: 'custom', path: ['siret'], message: 'Le SIRET doit commencer par le SIREN.' });
    if (org.siret && !org.siren)
      ctx.addIssue({ code: 'custom', path: ['siren'], message: 'Indiquez le SIREN avec le SIRET.' });
    if (
      org.vatNumber?.startsWith('FR') &&
      org.siren &&
      isSiren(org.siren) &&
      isVatNumber(org.vatNumber) &&
      org.vatNumber !== vatNumberFromSiren(org.siren)
    )
      ctx.addIssue({
        code: 'custom',
        path: ['vatNumber'],
        message: 'Le numéro de TVA ne correspond pas au SIREN.',
      });
    if (org.kind === 'company' && !org.siren)
      ctx.addIssue({
        code: 'custom',
        path: ['siren'],
        message: 'Le SIREN est obligatoire pour une entreprise.',
      });
  });

export type OrganisationInput = z.output<typeof organisationInput>;

export const organisationDto = z.object({
  id: z.string(),
  name: z.string(),
  legalForm: z.string().nullable(),
  kind: z.enum(organisationKinds),
  siren: z.string().nullable(),
  siret: z.string().nullable(),
  vatNumber: z.string().nullable(),
  addressLine1: z.string().nullable(),
  addressLine2: z.string().nullable(),
  postalCode: z.string().nullable(),
  city: z.string().nullable(),
  country: z.string(),
  email: z.string().nullable(),
  phone: z.string().nullable(),
  fiscalYearStart: z.string(),
  vatRegime: z.enum(vatRegimes),
  timeZone: z.string(),
  copiedFrom: z.string().nullable(),
  isTemplate: z.boolean(),
  simulatedToday: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type OrganisationDto = z.infer<typeof organisationDto>;
