import { z } from 'zod';
import { isCalendarDate } from '../../kernel/dates/index.ts';
import { text } from '../../kernel/validation/text.ts';
import { contractTypes } from '../employees/contract.ts';
import type { ApplicantStatus, OpeningStatus } from './tables.ts';

// Recruitment (3.1.t1): job openings, applicants, interviews. Pay in integer cents (monthly gross),
// hours in hundredths (35 h is 3500).

const date = (what: string) => {
  const message = `${what} : date réelle au format AAAA-MM-JJ attendue.`;
  return z.iso.date({ error: message, abort: true }).refine(isCalendarDate, message);
};
const optionalDate = (what: string) =>
  date(what)
    .nullish()
    .transform((v) => v ?? null);
const optionalText = (max: number) =>
  text()
    .max(max, `${max} caractères au maximum.`)
    .nullish()
    .transform((v) => (v ? v : null));
const required = (what: string, max: number) =>
  text().min(1, `${what} : champ obligatoire.`).max(max, `${max} caractères au maximum.`);
const cents = (what: string) =>
  z
    .number(`${what} en centimes attendu.`)
    .int(`${what} en centimes entiers.`)
    .min(0, `${what} ne peut être négatif.`)
    .max(100_000_000, `${what} hors limites.`)
    .nullish()
    .transform((v) => v ?? null);

export const openingStatuses = ['draft', 'published', 'closed', 'filled'] as const;
export const channels = ['france_travail', 'website', 'social_networks', 'job_board', 'other'] as const;
export type Channel = (typeof channels)[number];
export const applicantStatuses = [
  'received',
  'preselected',
  'interview',
  'offer',
  'hired',
  'refused',
] as const;

export const OPENING_STATUS_LABELS_FR: Record<OpeningStatus, string> = {
  draft: 'Brouillon',
  published: 'Publiée',
  closed: 'Clôturée',
  filled: 'Pourvue',
};
export const APPLICANT_STATUS_LABELS_FR: Record<ApplicantStatus, string> = {
  received: 'Reçue',
  preselected: 'Présélectionnée',
  interview: 'Entretien',
  offer: 'Proposition',
  hired: 'Embauchée',
  refused: 'Refusée',
};

export const openingInput = z
  .object({
    title: required('Intitulé du poste', 120),
    service: optionalText(100),
    contractType: z.enum(contractTypes, 'Type de contrat : cdi, cdd, apprenticeship ou internship.'),
    weeklyHours: z
      .number('Durée hebdomadaire en centièmes d’heure attendue (3500 pour 35 h).')
      .int('Durée hebdomadaire en centièmes d’heure entiers.')
      .min(1, 'La durée hebdomadaire doit être positive.')
      .max(4800, 'La durée hebdomadaire ne peut dépasser 48 h.'),
    salaryMin: cents('Le salaire minimum'),
    salaryMax: cents('Le salaire maximum'),
    place: optionalText(200),
    description: text().max(20000, '20 000 caractères au maximum.').default(''),
    channels: z.array(z.enum(channels, 'Canal de diffusion inconnu.')).max(5).default([]),
    opensOn: optionalDate('Date de parution'),
    closesOn: optionalDate('Date limite de candidature'),
  })
  .superRefine((v, ctx) => {
    if (v.salaryMin !== null && v.salaryMax !== null && v.salaryMax < v.salaryMin)
      ctx.addIssue({
        code: 'custom',
        path: ['salaryMax'],
        message: 'Le salaire maximum ne peut être inférieur au minimum.',
      });
    if (v.opensOn && v.closesOn && v.closesOn < v.opensOn)
      ctx.addIssue({
        code: 'custom',
        path: ['closesOn'],
        message: 'La date limite ne peut précéder la date de parution.',
      });
  });
export type OpeningInput = z.output<typeof openingInput>;

export const applicantInput = z.object({
  lastName: required('Nom', 100),
  firstName: required('Prénom', 100),
  email: z
    .email('Adresse e-mail invalide.')
    .max(200)
    .nullish()
    .transform((v) => v ?? null),
  phone: optionalText(30),
  cvReceivedOn: date('Date de réception du CV'),
  source: optionalText(100),
  notes: optionalText(2000),
});
export type ApplicantInput = z.output<typeof applicantInput>;

export const applicantStepInput = z.object({
  status: z.enum(['received', 'preselected', 'interview', 'offer'], 'Étape inconnue.'),
  on: optionalDate('Date'),
});
export type ApplicantStepInput = z.output<typeof applicantStepInput>;

export const interviewInput = z.object({
  heldOn: date('Date de l’entretien'),
  interviewers: required('Recruteurs', 300),
  notes: optionalText(4000),
});
export type InterviewInput = z.output<typeof interviewInput>;

export const refusalInput = z.object({ refusedOn: date('Date du refus') });
export type ApplicantRefusalInput = z.output<typeof refusalInput>;

export const retentionQuery = z.object({ asOf: optionalDate('Date') });

export type InterviewDto = {
  id: string;
  heldOn: string;
  interviewers: string;
  notes: string | null;
};
export type ApplicantDto = {
  id: string;
  openingId: string;
  lastName: string;
  firstName: string;
  email: string | null;
  phone: string | null;
  cvReceivedOn: string;
  source: string | null;
  status: ApplicantStatus;
  refusedOn: string | null;
  lastContactOn: string;
  employeeId: string | null;
  notes: string | null;
  interviews: InterviewDto[];
};
export type OpeningDto = Omit<OpeningInput, 'channels'> & {
  id: string;
  channels: Channel[];
  status: OpeningStatus;
  publishedAt: string | null;
  applicantCount: number;
};
export type OpeningDetailDto = OpeningDto & { applicants: ApplicantDto[] };
export type OpeningList = { items: OpeningDto[] };
export type RetentionDue = {
  asOf: string;
  limit: string;
  items: { id: string; name: string; openingTitle: string; status: ApplicantStatus; lastContactOn: string }[];
};
