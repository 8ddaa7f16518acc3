import { recordAudit } from '../../kernel/audit/audit.ts';
import { formatDateFr, todayIn } from '../../kernel/dates/index.ts';
import type { Db } from '../../kernel/db/index.ts';
import { invalid } from '../../kernel/errors/domain-error.ts';
import { enqueueEmail } from '../../kernel/mail/index.ts';
import { getOrganisation } from '../../kernel/organisations/organisation.ts';
import { getParty } from '../../kernel/parties/party.ts';
import { sheetPdf } from '../shared/letter-pdf.ts';
import {
  EVENT_FIELDS,
  emailOf,
  mergeTemplate,
  PARTY_FIELDS,
  partyFields,
  unknownPlaceholderMessage,
  unknownPlaceholders,
} from '../shared/mail-merge.ts';
import type { InvitationInput } from './contract.ts';
import { getEvent } from './event.ts';
import type { EventKind } from './tables.ts';

export const EVENT_KIND_LABELS: Record<EventKind, string> = {
  trade_show: 'Salon',
  open_day: 'Portes ouvertes',
  general_assembly: 'Assemblée générale',
  meeting: 'Réunion',
  other: 'Autre',
};

const ALLOWED = [...PARTY_FIELDS, ...EVENT_FIELDS];

function hours(start: string | null, end: string | null): string {
  if (start && end) return `de ${start.replace(':', ' h ')} à ${end.replace(':', ' h ')}`;
  if (start) return `à ${start.replace(':', ' h ')}`;
  return '';
}

/**
 * Invites guests by e-mail: the text is merged per guest and each message goes to the outbox in this
 * transaction, together with the guests' "invited at" — both or neither. Guests without an address are
 * returned, to be invited another way.
 */
export async function inviteGuests(
  trx: Db,
  orgId: string,
  eventId: string,
  input: InvitationInput,
  actorId: string | null,
) {
  for (const [field, template] of [
    ['subject', input.subject],
    ['text', input.text],
  ] as const) {
    const unknown = unknownPlaceholders(template, ALLOWED);
    if (unknown.length > 0)
      throw invalid('Modèle d’invitation invalide.', [
        { field, message: unknownPlaceholderMessage(unknown, ALLOWED) },
      ]);
  }
  const event = await getEvent(trx, orgId, eventId);
  const organisation = await getOrganisation(trx, orgId);
  const wanted = input.partyIds ? new Set(input.partyIds) : null;
  const guests = event.guests.filter((g) => g.status !== 'cancelled' && (!wanted || wanted.has(g.partyId)));
  if (guests.length === 0) throw invalid('Aucun invité à qui écrire : ajoutez des invités à l’événement.');
  const today = formatDateFr(todayIn(organisation.timeZone ?? 'Europe/Paris'));
  const eventFields = {
    evenement: event.title,
    date_evenement: formatDateFr(event.date),
    heure: hours(event.startTime, event.endTime),
    lieu: event.place ?? '',
  };
  const now = new Date().toISOString();
  const withoutEmail: string[] = [];
  let queued = 0;
  for (const guest of guests) {
    const party = await getParty(trx, orgId, guest.partyId);
    const to = emailOf(party);
    if (!to) {
      withoutEmail.push(party.name);
      continue;
    }
    const fields = { ...partyFields(party, organisation.name, today), ...eventFields };
    await enqueueEmail(
      trx,
      orgId,
      {
        to: [to],
        subject: mergeTemplate(input.subject, fields),
        text: mergeTemplate(input.text, fields),
        source: `relations.event:${eventId}`,
      },
      actorId,
    );
    await trx
      .updateTable('relations_event_guest')
      .set({ invited_at: now, updated_at: now })
      .where('org_id', '=', orgId)
      .where('event_id', '=', eventId)
      .where('party_id', '=', guest.partyId)
      .execute();
    queued++;
  }
  await recordAudit(trx, {
    orgId,
    actorId,
    action: 'relations.event.invited',
    entity: 'relations_event',
    entityId: eventId,
    after: { queued, withoutEmail },
  });
  return { queued, withoutEmail };
}

const STATUS_FR = {
  invited: 'Invité',
  registered: 'Inscrit',
  attended: 'Présent',
  absent: 'Absent',
  cancelled: 'Annulé',
} as const;

/** The sheet guests sign on arrival: every guest not cancelled, with an empty column for the signature. */
export async function attendanceSheetPdf(db: Db, orgId: string, eventId: string) {
  const event = await getEvent(db, orgId, eventId);
  const organisation = await getOrganisation(db, orgId);
  const guests = event.guests.filter((g) => g.status !== 'cancelled');
  const pdf = await sheetPdf({
    title: `Feuille d’émargement — ${event.title}`,
    subtitle: [
      `${organisation.name} · ${EVENT_KIND_LABELS[event.kind]} du ${formatDateFr(event.date)} ${hours(event.startTime, event.endTime)}`.trim(),
      event.place ? `Lieu : ${event.place}` : '',
      `${guests.length} invité${guests.length > 1 ? 's' : ''}`,
    ].filter(Boolean),
    columns: [
      { label: 'Nom', width: 190 },
      { label: 'Ville', width: 100 },
      { label: 'Statut', width: 70 },
      { label: 'Signature', width: 123 },
    ],
    rows: guests.map((g) => [g.name, g.city ?? '', STATUS_FR[g.status], '']),
  });
  return { pdf, fileName: `emargement-${event.date}.pdf` };
}
