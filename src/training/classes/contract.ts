import { z } from 'zod';
import { text } from '../../kernel/validation/text.ts';

// Shared by the server (validation, OpenAPI) and the web (forms): one source of French messages.

export const classLevels = ['seconde', 'premiere', 'terminale'] as const;

export const schoolYearLabel = z
  .string()
  .trim()
  .regex(/^\d{4}-\d{4}$/, 'Année scolaire au format 2026-2027.')
  .refine((v) => Number(v.slice(5)) === Number(v.slice(0, 4)) + 1, 'Les deux années doivent se suivre.');

export const classInput = z.object({
  name: text().min(1, 'Le nom de la classe est obligatoire.').max(60, '60 caractères au maximum.'),
  level: z.enum(classLevels, 'Niveau inconnu (seconde, première ou terminale).'),
  schoolYear: schoolYearLabel,
  referentielId: z
    .string()
    .regex(/^[a-z0-9-]{1,40}$/, 'Référentiel inconnu.')
    .default('agora'),
});
export type ClassInput = z.output<typeof classInput>;

export const classDto = z.object({
  id: z.string(),
  name: z.string(),
  level: z.enum(classLevels),
  schoolYear: z.string(),
  referentielId: z.string(),
  studentCount: z.number(),
  teachers: z.array(z.object({ id: z.string(), name: z.string() })),
  groups: z.array(z.object({ id: z.string(), name: z.string() })),
});
export type ClassDto = z.infer<typeof classDto>;

export const groupInput = z.object({
  name: text().min(1, 'Le nom du groupe est obligatoire.').max(60, '60 caractères au maximum.'),
});

export const teacherInput = z.object({ userId: z.string().min(1).max(64) });

const firstName = text().min(1, 'Le prénom est obligatoire.').max(60, '60 caractères au maximum.');
const lastInitial = z
  .string()
  .trim()
  .max(1, 'Seulement l’initiale du nom (une lettre).')
  .regex(/^\p{L}?$/u, 'Seulement l’initiale du nom (une lettre).')
  .transform((v) => (v === '' ? null : v.toUpperCase()))
  .nullable()
  .optional()
  .transform((v) => v ?? null);
const optionalEmail = z
  .string()
  .trim()
  .toLowerCase()
  .max(200)
  .refine((v) => v === '' || /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(v), 'Adresse e-mail invalide.')
  .transform((v) => (v === '' ? null : v))
  .nullable()
  .optional()
  .transform((v) => v ?? null);

export const studentInput = z.object({
  firstName,
  lastInitial,
  email: optionalEmail,
  groupId: z.string().max(64).nullable().optional(),
});
export type StudentInput = z.output<typeof studentInput>;

export const studentImportInput = z.object({
  csv: z.string().min(1, 'Le fichier est vide.').max(200_000, 'Fichier trop volumineux (200 ko au maximum).'),
});

export const studentDto = z.object({
  id: z.string(),
  classId: z.string(),
  groupId: z.string().nullable(),
  firstName: z.string(),
  lastInitial: z.string().nullable(),
  email: z.string().nullable(),
  joined: z.boolean(),
  /** Shown to the class's teachers until the student has joined. */
  invitationCode: z.string().nullable(),
});
export type StudentDto = z.infer<typeof studentDto>;

export const joinInput = z.object({
  code: z
    .string()
    .trim()
    .toUpperCase()
    .regex(/^[A-Z0-9]{10}$/, 'Code d’invitation invalide (10 caractères).'),
  email: text().min(1, 'L’adresse e-mail est obligatoire.').max(200),
  password: z.string().min(1, 'Le mot de passe est obligatoire.').max(200),
});
export type JoinInput = z.output<typeof joinInput>;
