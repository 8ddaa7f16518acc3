import { z } from 'zod';
import { isCalendarDate } from '../../../kernel/dates/index.ts';
import { EMAIL_INVALID, isEmail } from '../../../kernel/identifiers/contact.ts';
import { text } from '../../../kernel/validation/text.ts';

// Meetings (réunions, 2.3.t4): planned, convened, held, minutes approved — or cancelled. Times are
// 'HH:MM' in the organisation's time zone (Europe/Paris), as the convocation prints them.

export const meetingKinds = [
  'service_meeting',
  'management_committee',
  'general_assembly',
  'board',
  'municipal_council',
  'other',
] as const;
export type MeetingKind = (typeof meetingKinds)[number];
export const meetingModes = ['in_person', 'remote', 'hybrid'] as const;
export type MeetingMode = (typeof meetingModes)[number];
export const meetingStatuses = ['planned', 'convened', 'held', 'minutes_approved', 'cancelled'] as const;
export type MeetingStatus = (typeof meetingStatuses)[number];
export const attendances = ['present', 'excused', 'absent', 'represented'] as const;
export type Attendance = (typeof attendances)[number];
export const quorumRules = ['at_least', 'more_than'] as const;
export type QuorumRule = (typeof quorumRules)[number];

export const MEETING_KIND_LABELS_FR: Record<MeetingKind, string> = {
  service_meeting: 'Réunion de service',
  management_committee: 'Comité de direction',
  general_assembly: 'Assemblée générale',
  board: 'Conseil d’administration',
  municipal_council: 'Conseil municipal',
  other: 'Autre réunion',
};
export const MEETING_MODE_LABELS_FR: Record<MeetingMode, string> = {
  in_person: 'En présentiel',
  remote: 'À distance',
  hybrid: 'Hybride',
};
export const MEETING_STATUS_LABELS_FR: Record<MeetingStatus, string> = {
  planned: 'Planifiée',
  convened: 'Convoquée',
  held: 'Tenue',
  minutes_approved: 'Compte rendu approuvé',
  cancelled: 'Annulée',
};
export const ATTENDANCE_LABELS_FR: Record<Attendance, string> = {
  present: 'Présent(e)',
  excused: 'Excusé(e)',
  absent: 'Absent(e)',
  represented: 'Représenté(e)',
};

const calendarDate = (what: string) => {
  const message = `${what} : date réelle au format AAAA-MM-JJ attendue.`;
  return z.iso.date({ error: message, abort: true }).refine(isCalendarDate, message);
};
const time = (what: string) =>
  z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, `${what} : heure au format HH:MM attendue.`);
const optionalText = (max: number) =>
  text()
    .max(max, `${max} caractères au maximum.`)
    .nullish()
    .transform((v) => (v ? v : null));
const optionalEmail = z
  .string()
  .trim()
  .toLowerCase()
  .max(254, '254 caractères au maximum.')
  .refine((v) => v === '' || isEmail(v), EMAIL_INVALID)
  .nullish()
  .transform((v) => (v ? v : null));
const id = (what: string) => text().min(1, `${what} : champ obligatoire.`).max(64, `${what} invalide.`);

export const participantInput = z
  .object({
    employeeId: id('Salarié').nullish(),
    partyId: id('Tiers').nullish(),
    /** Free participant (or the name shown for an employee / a party: filled from them when absent). */
    name: optionalText(200),
    email: optionalEmail,
    /** A member with a vote: counts for the quorum. */
    voting: z.boolean('Oui ou non attendu.').default(true),
  })
  .refine((p) => p.employeeId || p.partyId || p.name, {
    message: 'Participant : choisissez un salarié, un tiers ou saisissez un nom.',
    path: ['name'],
  });
export type ParticipantInput = z.output<typeof participantInput>;

export const agendaItemInput = z.object({
  title: text()
    .min(1, 'Point de l’ordre du jour : intitulé obligatoire.')
    .max(300, '300 caractères au maximum.'),
  presenter: optionalText(200),
  durationMinutes: z
    .number('Durée en minutes attendue.')
    .int('Nombre entier de minutes attendu.')
    .min(1, 'Durée d’au moins 1 minute.')
    .max(600, 'Durée de 600 minutes au plus.')
    .nullish()
    .transform((v) => v ?? null),
});
export type AgendaItemInput = z.output<typeof agendaItemInput>;

export const meetingInput = z
  .object({
    title: text().min(1, 'Intitulé : champ obligatoire.').max(200, '200 caractères au maximum.'),
    kind: z.enum(meetingKinds, 'Type de réunion inconnu.'),
    date: calendarDate('Date'),
    startTime: time('Début'),
    endTime: time('Fin'),
    mode: z.enum(meetingModes, 'Modalité : présentiel, à distance ou hybride.'),
    room: optionalText(200),
    link: z
      .string()
      .trim()
      .max(500, '500 caractères au maximum.')
      .refine((v) => v === '' || /^https:\/\/\S+$/.test(v), 'Lien de connexion : adresse https:// attendue.')
      .nullish()
      .transform((v) => (v ? v : null)),
    organiser: text().min(1, 'Organisateur : champ obligatoire.').max(200, '200 caractères au maximum.'),
    /** Quorum as a fraction of the voting members; absent: the kind's default (none for a service meeting). */
    quorum: z
      .object({
        numerator: z.number().int().min(1, 'Quorum : fraction invalide.'),
        denominator: z.number().int().min(1, 'Quorum : fraction invalide.'),
        rule: z.enum(quorumRules, 'Quorum : « at_least » (au moins) ou « more_than » (plus de).'),
        countsProxies: z.boolean(),
      })
      .refine((q) => q.numerator <= q.denominator, 'Quorum : la fraction ne peut dépasser 1.')
      .nullish(),
    participants: z.array(participantInput).max(500, '500 participants au plus.').default([]),
    agenda: z.array(agendaItemInput).max(100, '100 points au plus.').default([]),
  })
  .superRefine((v, ctx) => {
    if (v.endTime <= v.startTime)
      ctx.addIssue({ code: 'custom', path: ['endTime'], message: 'La fin doit suivre le début.' });
    if (v.mode !== 'remote' && !v.room)
      ctx.addIssue({ code: 'custom', path: ['room'], message: 'Salle ou lieu : obligatoire en présentiel.' });
    if (v.mode !== 'in_person' && !v.link)
      ctx.addIssue({
        code: 'custom',
        path: ['link'],
        message: 'Lien de connexion : obligatoire à distance.',
      });
  });
export type MeetingInput = z.output<typeof meetingInput>;

export const conveneInput = z
  .object({ sendEmails: z.boolean('Oui ou non attendu.').default(false) })
  .nullish()
  .transform((v) => v ?? { sendEmails: false });
export const attendanceInput = z.object({
  entries: z
    .array(
      z.object({
        participantId: id('Participant'),
        attendance: z.enum(attendances, 'Présence : present, excused, absent ou represented.'),
        proxyHolderId: id('Mandataire').nullish(),
      }),
    )
    .min(1, 'Aucune présence saisie.'),
});
export type AttendanceInput = z.output<typeof attendanceInput>;

export const minutesInput = z.object({
  summary: optionalText(10_000),
  decisions: z.array(z.object({ agendaItemId: id('Point'), decision: optionalText(5_000) })).default([]),
  actions: z
    .array(
      z.object({
        description: text()
          .min(1, 'Action : description obligatoire.')
          .max(500, '500 caractères au maximum.'),
        owner: text().min(1, 'Action : responsable obligatoire.').max(200, '200 caractères au maximum.'),
        dueDate: calendarDate('Échéance')
          .nullish()
          .transform((v) => v ?? null),
        agendaItemId: id('Point')
          .nullish()
          .transform((v) => v ?? null),
      }),
    )
    .default([]),
});
export type MinutesInput = z.output<typeof minutesInput>;
export const cancelInput = z.object({
  reason: text().min(1, 'Motif de l’annulation : champ obligatoire.').max(500, '500 caractères au maximum.'),
});
export const meetingListQuery = z.object({
  from: calendarDate('Du').optional(),
  to: calendarDate('Au').optional(),
  status: z.enum(meetingStatuses, 'Statut inconnu.').optional(),
});
export type MeetingListQuery = z.output<typeof meetingListQuery>;
export const actionListQuery = z.object({ open: z.enum(['true', 'false']).optional() });

export const quorumDto = z.object({
  required: z.number(),
  members: z.number(),
  counted: z.number(),
  met: z.boolean(),
  rule: z.enum(quorumRules),
  numerator: z.number(),
  denominator: z.number(),
  countsProxies: z.boolean(),
});
export type QuorumDto = z.infer<typeof quorumDto>;
export const participantDto = z.object({
  id: z.string(),
  employeeId: z.string().nullable(),
  partyId: z.string().nullable(),
  name: z.string(),
  email: z.string().nullable(),
  voting: z.boolean(),
  attendance: z.enum(attendances).nullable(),
  proxyHolderId: z.string().nullable(),
});
export type ParticipantDto = z.infer<typeof participantDto>;
export const agendaItemDto = z.object({
  id: z.string(),
  position: z.number(),
  title: z.string(),
  presenter: z.string().nullable(),
  durationMinutes: z.number().nullable(),
  decision: z.string().nullable(),
});
export type AgendaItemDto = z.infer<typeof agendaItemDto>;
export const actionDto = z.object({
  id: z.string(),
  meetingId: z.string(),
  meetingTitle: z.string(),
  meetingDate: z.string(),
  agendaItemId: z.string().nullable(),
  description: z.string(),
  owner: z.string(),
  dueDate: z.string().nullable(),
  doneOn: z.string().nullable(),
  overdue: z.boolean(),
});
export type ActionDto = z.infer<typeof actionDto>;
export const meetingSummaryDto = z.object({
  id: z.string(),
  title: z.string(),
  kind: z.enum(meetingKinds),
  date: z.string(),
  startTime: z.string(),
  endTime: z.string(),
  mode: z.enum(meetingModes),
  room: z.string().nullable(),
  status: z.enum(meetingStatuses),
  participantCount: z.number(),
});
export type MeetingSummaryDto = z.infer<typeof meetingSummaryDto>;
export const meetingDto = meetingSummaryDto.extend({
  link: z.string().nullable(),
  organiser: z.string(),
  quorum: quorumDto.nullable(),
  participants: z.array(participantDto),
  agenda: z.array(agendaItemDto),
  actions: z.array(actionDto),
  summary: z.string().nullable(),
  convenedAt: z.string().nullable(),
  cancelReason: z.string().nullable(),
  convocationEmails: z.number(),
});
export type MeetingDto = z.infer<typeof meetingDto>;
export const meetingList = z.object({ items: z.array(meetingSummaryDto) });
export type MeetingList = z.infer<typeof meetingList>;
export const actionList = z.object({ items: z.array(actionDto) });
export type ActionList = z.infer<typeof actionList>;
