import { z } from 'zod';
import { isCalendarDate } from '../../kernel/dates/index.ts';
import { EMAIL_INVALID, isEmail } from '../../kernel/identifiers/contact.ts';
import { emailField, optionalText, siretField } from '../../kernel/organisations/contract.ts';
import { text } from '../../kernel/validation/text.ts';
import { classLevels, schoolYearLabel } from '../classes/contract.ts';

// PFMP (issue 5 part 8): shared by the server (validation, OpenAPI) and the web (forms), French messages.

export const agreementStatuses = ['draft', 'sent', 'signed', 'cancelled'] as const;
export const attendanceStatuses = ['present', 'absent_justified', 'absent_unjustified'] as const;
export const assessmentLevels = [1, 2, 3, 4] as const;

// format: date in the OpenAPI document (forms and the security tests' samples read it), then a real day.
const date = (message: string) => z.iso.date({ error: message, abort: true }).refine(isCalendarDate, message);
const name = (what: string) =>
  text().min(1, `${what} est obligatoire.`).max(200, '200 caractères au maximum.');

export const hostInput = z.object({
  name: name('Le nom de l’organisation'),
  siret: siretField,
  address: text().min(1, 'L’adresse est obligatoire.').max(500, '500 caractères au maximum.'),
  sector: text().min(1, 'Le secteur est obligatoire.').max(200, '200 caractères au maximum.'),
  contactName: optionalText(200),
  contactEmail: emailField,
  contactPhone: optionalText(40),
});
export type HostInput = z.output<typeof hostInput>;

export const tutorInput = z.object({
  name: name('Le nom du tuteur'),
  function: text().min(1, 'La fonction est obligatoire.').max(200, '200 caractères au maximum.'),
  email: emailField,
  phone: optionalText(40),
});
export type TutorInput = z.output<typeof tutorInput>;

export const tutorDto = z.object({
  id: z.string(),
  hostId: z.string(),
  name: z.string(),
  function: z.string(),
  email: z.string().nullable(),
  phone: z.string().nullable(),
});
export type TutorDto = z.infer<typeof tutorDto>;

export const hostDto = z.object({
  id: z.string(),
  name: z.string(),
  siret: z.string().nullable(),
  address: z.string(),
  sector: z.string(),
  contactName: z.string().nullable(),
  contactEmail: z.string().nullable(),
  contactPhone: z.string().nullable(),
  tutors: z.array(tutorDto),
});
export type HostDto = z.infer<typeof hostDto>;

export const periodInput = z.object({
  startsOn: date('Date de début invalide.'),
  endsOn: date('Date de fin invalide.'),
});
export type PeriodInput = z.output<typeof periodInput>;

export const agreementInput = z.object({
  hostId: z.string().min(1, 'Choisissez l’organisation d’accueil.').max(64),
  tutorId: z
    .string()
    .max(64)
    .nullable()
    .optional()
    .transform((v) => v || null),
  referentUserId: z
    .string()
    .max(64)
    .nullable()
    .optional()
    .transform((v) => v || null),
  /** The school year and level the placement counts for; the student's class by default. */
  schoolYear: schoolYearLabel.optional(),
  level: z.enum(classLevels, 'Niveau inconnu (seconde, première ou terminale).').optional(),
  activitiesPlanned: text().max(5000, '5 000 caractères au maximum.').default(''),
  periods: z.array(periodInput).max(6, 'Six périodes au plus par convention.').default([]),
});
export type AgreementInput = z.output<typeof agreementInput>;

export const agreementUpdate = z.object({
  tutorId: z
    .string()
    .max(64)
    .nullable()
    .optional()
    .transform((v) => v || null),
  referentUserId: z
    .string()
    .max(64)
    .nullable()
    .optional()
    .transform((v) => v || null),
  status: z.enum(agreementStatuses, 'Statut inconnu.'),
  signedOn: date('Date de signature invalide.')
    .nullable()
    .optional()
    .transform((v) => v ?? null),
  activitiesPlanned: text().max(5000, '5 000 caractères au maximum.'),
});
export type AgreementUpdate = z.output<typeof agreementUpdate>;

export const attendanceInput = z.object({
  days: z
    .array(
      z.object({
        day: date('Jour invalide.'),
        status: z.enum(attendanceStatuses, 'Présence inconnue.').nullable(),
      }),
    )
    .min(1, 'Aucun jour à enregistrer.')
    .max(400),
});
export type AttendanceInput = z.output<typeof attendanceInput>;

export const activitiesInput = z.object({
  taskCodes: z.array(z.string().max(40)).max(200),
});

export const assessmentInput = z.object({
  source: z.enum(['paper', 'tutor'], 'Origine inconnue.'),
  assessedOn: date('Date d’évaluation invalide.'),
  comment: optionalText(5000),
  items: z
    .array(
      z.object({
        indicatorCode: z.string().max(60),
        level: z
          .number('Niveau de 1 à 4.')
          .int('Niveau de 1 à 4.')
          .min(1, 'Niveau de 1 à 4.')
          .max(4, 'Niveau de 1 à 4.'),
        comment: optionalText(1000),
      }),
    )
    .max(500),
});
export type AssessmentInput = z.output<typeof assessmentInput>;

export const periodDto = z.object({
  id: z.string(),
  startsOn: z.string(),
  endsOn: z.string(),
  plannedDays: z.number(),
  plannedWeeks: z.number(),
  daysPresent: z.number(),
  daysAbsentJustified: z.number(),
  daysAbsentUnjustified: z.number(),
  daysMissing: z.number(),
  weeksDone: z.number(),
  allowanceCents: z.number(),
  attendance: z.array(z.object({ day: z.string(), status: z.enum(attendanceStatuses) })),
});
export type PeriodDto = z.infer<typeof periodDto>;

export const agreementDto = z.object({
  id: z.string(),
  studentId: z.string(),
  host: z.object({ id: z.string(), name: z.string(), address: z.string(), sector: z.string() }),
  tutor: tutorDto.nullable(),
  referent: z.object({ id: z.string(), name: z.string() }).nullable(),
  schoolYear: z.string(),
  level: z.enum(classLevels),
  status: z.enum(agreementStatuses),
  signedOn: z.string().nullable(),
  activitiesPlanned: z.string(),
  periods: z.array(periodDto),
  activitiesDone: z.array(z.string()),
  assessment: z.object({
    source: z.enum(['paper', 'tutor']).nullable(),
    assessedOn: z.string().nullable(),
    comment: z.string().nullable(),
    items: z.array(
      z.object({
        indicatorCode: z.string(),
        competencyCode: z.string(),
        level: z.number(),
        comment: z.string().nullable(),
      }),
    ),
  }),
});
export type AgreementDto = z.infer<typeof agreementDto>;

export const warningDto = z.object({
  code: z.enum(['below-requirement', 'overlap', 'not-signed-before-start', 'attendance-missing']),
  message: z.string(),
  periodIds: z.array(z.string()),
});

export const studentPfmpDto = z.object({
  student: z.object({ id: z.string(), name: z.string(), classId: z.string(), className: z.string() }),
  referentielId: z.string(),
  canManage: z.boolean(),
  today: z.string(),
  weeks: z.object({
    planned: z.number(),
    done: z.number(),
    daysDone: z.number(),
    required: z.number(),
    referentiel: z.number().nullable(),
  }),
  allowance: z.object({
    totalOwedCents: z.number(),
    years: z.array(
      z.object({
        schoolYear: z.string(),
        level: z.enum(classLevels),
        daysPresent: z.number(),
        computedCents: z.number(),
        capCents: z.number(),
        owedCents: z.number(),
      }),
    ),
  }),
  warnings: z.array(warningDto),
  agreements: z.array(agreementDto),
});
export type StudentPfmpDto = z.infer<typeof studentPfmpDto>;

export const pfmpStudentSummaryDto = z.object({
  id: z.string(),
  name: z.string(),
  classId: z.string(),
  className: z.string(),
  agreements: z.number(),
});
export type PfmpStudentSummaryDto = z.infer<typeof pfmpStudentSummaryDto>;

// ————— The class-wide overview (decision 0030) —————

/** What puts a student in « à traiter »: each a thing a teacher can act on now (decision 0030). */
export const pfmpOverviewIssues = [
  'below-pace',
  'attendance-missing',
  'unsigned-agreement',
  'assessment-missing',
] as const;
export type PfmpOverviewIssue = (typeof pfmpOverviewIssues)[number];

export const pfmpOverviewFilters = ['all', 'issues'] as const;
export const pfmpOverviewQuery = z.object({
  filter: z.enum(pfmpOverviewFilters, 'Filtre inconnu (all ou issues).').default('all'),
});
export const pfmpOverviewExportQuery = pfmpOverviewQuery.extend({
  format: z.enum(['csv'], 'Format inconnu (csv).').default('csv'),
});

export const pfmpOverviewRowDto = z.object({
  student: z.object({ id: z.string(), name: z.string() }),
  weeks: z.object({
    done: z.number(),
    planned: z.number(),
    /** Planned minus the days already lost to absence: where the student ends at the current pace. */
    projected: z.number(),
    daysDone: z.number(),
    plannedDays: z.number(),
  }),
  /** The period under way today, else the next one to start; null when none is left. */
  period: z
    .object({
      kind: z.enum(['current', 'next']),
      hostName: z.string(),
      startsOn: z.string(),
      endsOn: z.string(),
    })
    .nullable(),
  agreements: z.object({
    /** Periods whose agreement is a draft or sent, not signed. */
    unsignedPeriods: z.number(),
    /** Periods that started before their (now signed) agreement was signed: shown, nothing left to do. */
    signedLatePeriods: z.number(),
  }),
  attendanceMissingDays: z.number(),
  /** Agreements whose last period has ended (due) and those of them with the tutor's assessment (done). */
  assessments: z.object({ due: z.number(), done: z.number() }),
  /** The allowance owed for the class's school year (capped), as the student's PFMP page counts it. */
  allowanceCents: z.number(),
  issues: z.array(z.enum(pfmpOverviewIssues)),
});
export type PfmpOverviewRowDto = z.infer<typeof pfmpOverviewRowDto>;

export const pfmpOverviewDto = z.object({
  class: z.object({
    id: z.string(),
    name: z.string(),
    level: z.enum(classLevels),
    schoolYear: z.string(),
  }),
  today: z.string(),
  requiredWeeks: z.number(),
  /** The requirement's share due by the end of the class's school year, at an even pace over three years. */
  weeksDueByYearEnd: z.number(),
  filter: z.enum(pfmpOverviewFilters),
  /** Over the whole class, whatever the filter. */
  totals: z.object({ students: z.number(), withIssues: z.number(), averageWeeksDone: z.number() }),
  rows: z.array(pfmpOverviewRowDto),
});
export type PfmpOverviewDto = z.infer<typeof pfmpOverviewDto>;

export const tutorAssessmentDto = z.object({
  agreementId: z.string(),
  hostName: z.string(),
  tutorName: z.string().nullable(),
  source: z.enum(['paper', 'tutor']).nullable(),
  assessedOn: z.string().nullable(),
  indicatorCode: z.string(),
  competencyCode: z.string(),
  level: z.number(),
  comment: z.string().nullable(),
});
export type TutorAssessmentDto = z.infer<typeof tutorAssessmentDto>;

/** Indicator codes are not in the référentiel text: the competency code and the indicator's rank (1.2.1.i3). */
export function indicatorCode(competencyCode: string, index: number): string {
  return `${competencyCode}.i${index + 1}`;
}

// ————— The tutor's assessment link (decision 0029) —————

export const TUTOR_LINK_DEFAULT_DAYS = 30;
export const TUTOR_LINK_MAX_DAYS = 90;
export const tutorLinkStatuses = ['active', 'used', 'revoked', 'expired'] as const;

export const tutorLinkInput = z.object({
  expiresInDays: z
    .number('Durée de validité : un nombre de jours.')
    .int('Durée de validité : un nombre entier de jours.')
    .min(1, `Durée de validité : de 1 à ${TUTOR_LINK_MAX_DAYS} jours.`)
    .max(TUTOR_LINK_MAX_DAYS, `Durée de validité : de 1 à ${TUTOR_LINK_MAX_DAYS} jours.`)
    .default(TUTOR_LINK_DEFAULT_DAYS),
  /** Also e-mail the link to this address, through the organisation's outbox (decision 0031). */
  sendTo: z
    .string('Adresse du tuteur : une adresse électronique.')
    .trim()
    .toLowerCase()
    .max(254, 'Adresse du tuteur : 254 caractères au maximum.')
    .refine((v) => isEmail(v), EMAIL_INVALID)
    .nullish()
    .transform((v) => v ?? null),
});
export type TutorLinkInput = z.output<typeof tutorLinkInput>;

/** What the teacher sees of a link: never the token (only its hash is kept). */
export const tutorLinkDto = z.object({
  id: z.string(),
  agreementId: z.string(),
  status: z.enum(tutorLinkStatuses),
  createdAt: z.string(),
  expiresAt: z.string(),
  usedAt: z.string().nullable(),
  revokedAt: z.string().nullable(),
  signerName: z.string().nullable(),
  signerFunction: z.string().nullable(),
});
export type TutorLinkDto = z.infer<typeof tutorLinkDto>;

/** The answer to creating a link: the only time its token (and so its address) is shown. */
export const createdTutorLinkDto = z.object({
  link: tutorLinkDto,
  token: z.string(),
  /** The web page's path; the web puts its own origin before it. */
  path: z.string(),
  /** When the teacher asked to e-mail it (decision 0031): queued in the outbox, or not (no SMTP server). */
  email: z
    .object({ to: z.string(), status: z.enum(['queued', 'not-configured']), message: z.string() })
    .nullable(),
});
export type CreatedTutorLinkDto = z.infer<typeof createdTutorLinkDto>;

/** The public page's data: minimised (the student's first name and initial, no contact details). */
export const publicTutorAssessmentDto = z.object({
  status: z.enum(['open', 'submitted']),
  schoolName: z.string(),
  studentName: z.string(),
  hostName: z.string(),
  schoolYear: z.string(),
  expiresAt: z.string(),
  periods: z.array(z.object({ startsOn: z.string(), endsOn: z.string() })),
  activities: z.array(z.object({ code: z.string(), title: z.string() })),
  /** The référentiel's competencies with indicators, as the teacher's screen lists them. */
  competencies: z.array(
    z.object({
      code: z.string(),
      title: z.string(),
      blockCode: z.string(),
      blockTitle: z.string(),
      activities: z.array(z.string()),
      indicators: z.array(z.object({ code: z.string(), label: z.string() })),
    }),
  ),
  /** The designated tutor, to prefill the signature. */
  tutor: z.object({ name: z.string(), function: z.string() }).nullable(),
  submitted: z.object({ assessedOn: z.string(), signerName: z.string() }).nullable(),
});
export type PublicTutorAssessmentDto = z.infer<typeof publicTutorAssessmentDto>;

export const tutorSubmissionInput = z.object({
  tutorName: name('Votre nom'),
  tutorFunction: text().min(1, 'Votre fonction est obligatoire.').max(200, '200 caractères au maximum.'),
  certified: z.literal(true, 'Cochez la case pour certifier cette évaluation.'),
  comment: optionalText(5000),
  items: assessmentInput.shape.items.min(1, 'Évaluez au moins un indicateur.'),
});
export type TutorSubmissionInput = z.output<typeof tutorSubmissionInput>;

export const tutorSubmissionAck = z.object({ message: z.string(), assessedOn: z.string() });

/** The competencies the PFMP grid shows (teacher's screen and tutor's page): those with indicators. */
export function assessableCompetencies<
  B extends { code: string; title: string; competencies: readonly { indicators: readonly string[] }[] },
>(blocks: readonly B[]): { block: B; competency: B['competencies'][number] }[] {
  return blocks.flatMap((block) =>
    block.competencies.filter((c) => c.indicators.length > 0).map((competency) => ({ block, competency })),
  );
}
