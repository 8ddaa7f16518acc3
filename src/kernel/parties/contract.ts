import { z } from 'zod';
import {
  BIC_INVALID,
  IBAN_INVALID,
  isBic,
  isIban,
  isSiren,
  isVatNumber,
  normalizeIdentifier,
  POSTAL_CODE_INVALID,
  vatNumberFromSiren,
} from '../identifiers/index.ts';
import {
  emailField,
  optionalText,
  sirenField,
  siretField,
  vatNumberField,
} from '../organisations/contract.ts';
import { text } from '../validation/text.ts';

export const partyKinds = ['person', 'organisation'] as const;
export const partyRoles = [
  'customer',
  'user',
  'member',
  'prospect',
  'supplier',
  'subcontractor',
  'provider',
] as const;
export const addressKinds = ['billing', 'delivery', 'head_office', 'other'] as const;

const ibanField = z
  .string()
  .transform(normalizeIdentifier)
  .refine((v) => v === '' || isIban(v), IBAN_INVALID)
  .transform((v) => (v === '' ? null : v))
  .nullable()
  .optional()
  .transform((v) => v ?? null);
const bicField = z
  .string()
  .transform(normalizeIdentifier)
  .refine((v) => v === '' || isBic(v), BIC_INVALID)
  .transform((v) => (v === '' ? null : v))
  .nullable()
  .optional()
  .transform((v) => v ?? null);

export const contactInput = z.object({
  name: text().min(1, 'Le nom du contact est obligatoire.').max(200, '200 caractères au maximum.'),
  jobTitle: optionalText(100),
  email: emailField,
  phone: optionalText(30),
});

export const addressInput = z
  .object({
    kind: z.enum(addressKinds, 'Type d’adresse inconnu.'),
    line1: text().min(1, 'L’adresse est obligatoire.').max(200, '200 caractères au maximum.'),
    line2: optionalText(200),
    postalCode: z
      .string()
      .trim()
      .min(1, 'Le code postal est obligatoire.')
      .max(20, '20 caractères au maximum.'),
    city: text().min(1, 'La ville est obligatoire.').max(100, '100 caractères au maximum.'),
    country: z
      .string()
      .trim()
      .toUpperCase()
      .regex(/^[A-Z]{2}$/, 'Code pays ISO à deux lettres attendu (FR, BE…).')
      .default('FR'),
  })
  .superRefine((a, ctx) => {
    if (a.country === 'FR' && !/^\d{5}$/.test(a.postalCode))
      ctx.addIssue({ code: 'custom', path: ['postalCode'], message: POSTAL_CODE_INVALID });
  });

export const partyInput = z
  .object({
    kind: z.enum(partyKinds, 'Indiquez s’il s’agit d’une personne ou d’une organisation.'),
    name: text().min(1, 'Le nom est obligatoire.').max(200, '200 caractères au maximum.'),
    roles: z
      .array(z.enum(partyRoles, 'Rôle inconnu.'))
      .min(1, 'Choisissez au moins un rôle (client, fournisseur…).')
      .max(7)
      .transform((roles) => [...new Set(roles)]),
    legalForm: optionalText(100),
    siren: sirenField,
    siret: siretField,
    vatNumber: vatNumberField,
    email: emailField,
    phone: optionalText(30),
    website: optionalText(200),
    iban: ibanField,
    bic: bicField,
    notes: optionalText(5000),
    contacts: z.array(contactInput).max(50, '50 contacts au maximum.').default([]),
    addresses: z.array(addressInput).max(20, '20 adresses au maximum.').default([]),
  })
  .superRefine((p, ctx) => {
    if (p.siret && p.siren && !p.siret.startsWith(p.siren))
      ctx.addIssue({ code: 'custom', path: ['siret'], message: 'Le SIRET doit commencer par le SIREN.' });
    if (p.siret && !p.siren && !isSiren(p.siret.slice(0, 9)))
      ctx.addIssue({ code: 'custom', path: ['siret'], message: 'Le SIRET ne contient pas un SIREN valide.' });
    if (
      p.vatNumber?.startsWith('FR') &&
      p.siren &&
      isSiren(p.siren) &&
      isVatNumber(p.vatNumber) &&
      p.vatNumber !== vatNumberFromSiren(p.siren)
    )
      ctx.addIssue({
        code: 'custom',
        path: ['vatNumber'],
        message: 'Le numéro de TVA ne correspond pas au SIREN.',
      });
    if (p.kind === 'person' && (p.siren || p.siret))
      ctx.addIssue({
        code: 'custom',
        path: ['siren'],
        message: 'Une personne physique n’a pas de SIREN : choisissez « organisation ».',
      });
  });
export type PartyInput = z.output<typeof partyInput>;

export const partyListQuery = z.object({
  q: text().max(200, '200 caractères au maximum.').optional(),
  role: z.enum(partyRoles, 'Rôle inconnu.').optional(),
  kind: z.enum(partyKinds, 'Type inconnu.').optional(),
  archived: z.enum(['exclude', 'include', 'only'], 'Valeur inconnue.').default('exclude'),
  sort: z.enum(['name', '-name', 'createdAt', '-createdAt'], 'Tri inconnu.').default('name'),
  limit: z.coerce.number().int('Nombre entier attendu.').min(1).max(500).default(50),
  offset: z.coerce.number().int('Nombre entier attendu.').min(0).default(0),
});
export type PartyListQuery = z.output<typeof partyListQuery>;

export const partyDto = z.object({
  id: z.string(),
  kind: z.enum(partyKinds),
  name: z.string(),
  roles: z.array(z.enum(partyRoles)),
  legalForm: z.string().nullable(),
  siren: z.string().nullable(),
  siret: z.string().nullable(),
  vatNumber: z.string().nullable(),
  email: z.string().nullable(),
  phone: z.string().nullable(),
  website: z.string().nullable(),
  iban: z.string().nullable(),
  bic: z.string().nullable(),
  notes: z.string().nullable(),
  contacts: z.array(
    z.object({
      id: z.string(),
      name: z.string(),
      jobTitle: z.string().nullable(),
      email: z.string().nullable(),
      phone: z.string().nullable(),
    }),
  ),
  addresses: z.array(
    z.object({
      id: z.string(),
      kind: z.enum(addressKinds),
      line1: z.string(),
      line2: z.string().nullable(),
      postalCode: z.string(),
      city: z.string(),
      country: z.string(),
    }),
  ),
  archivedAt: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type PartyDto = z.infer<typeof partyDto>;

export const partyPage = z.object({ items: z.array(partyDto), total: z.number().int() });
export type PartyPage = z.infer<typeof partyPage>;
