import { recordAudit } from '../../../kernel/audit/audit.ts';
import { formatDateFr, nowInstant } from '../../../kernel/dates/index.ts';
import type { Db } from '../../../kernel/db/index.ts';
import { conflict, invalid } from '../../../kernel/errors/domain-error.ts';
import { newId } from '../../../kernel/ids.ts';
import { takeNextNumber } from '../../../kernel/numbering/numbering.ts';
import { getParty } from '../../../kernel/parties/party.ts';
import { getEmployee } from '../../../personnel/index.ts';
import {
  MEETING_STATUS_LABELS_FR,
  type MeetingDto,
  type MeetingInput,
  type MeetingStatus,
} from './contract.ts';
import { getMeeting, getMeetingRow } from './meeting-read.ts';
import { DEFAULT_QUORUM } from './quorum.ts';

// A meeting is planned, then edited freely until it is held; its room may not be booked twice at once.

export const MEETING = 'production_meeting';

/** « Salle  du Conseil » and « salle du conseil » are one room. */
export function roomKey(room: string | null): string | null {
  if (!room) return null;
  return room.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase().replace(/\s+/g, ' ').trim();
}

async function assertRoomFree(trx: Db, orgId: string, id: string, input: MeetingInput) {
  const key = input.mode === 'remote' ? null : roomKey(input.room);
  if (!key) return;
  // Serialises the bookings of the organisation until commit (a counter row locked on both databases):
  // two meetings booked at once in one room cannot both pass the check below.
  await takeNextNumber(trx, orgId, 'production.meeting-room-lock');
  const clash = await trx
    .selectFrom('production_meeting')
    .select(['title', 'room', 'start_time', 'end_time'])
    .where('org_id', '=', orgId)
    .where('room_key', '=', key)
    .where('meeting_date', '=', input.date)
    .where('mode', '!=', 'remote')
    .where('status', '!=', 'cancelled')
    .where('id', '!=', id)
    .where('start_time', '<', input.endTime)
    .where('end_time', '>', input.startTime)
    .executeTakeFirst();
  if (clash)
    throw conflict(
      `La salle « ${clash.room} » est déjà réservée le ${formatDateFr(input.date)} de ${clash.start_time} à ${clash.end_time} (« ${clash.title} »).`,
    );
}

async function participantRows(trx: Db, orgId: string, meetingId: string, input: MeetingInput) {
  const rows = [];
  for (const [position, p] of input.participants.entries()) {
    let name = p.name;
    let email = p.email;
    if (p.employeeId) {
      const e = await getEmployee(trx, orgId, p.employeeId);
      name ??= `${e.firstName} ${e.lastName}`;
      email ??= e.email;
    } else if (p.partyId) {
      const party = await getParty(trx, orgId, p.partyId);
      name ??= party.name;
      email ??= party.email;
    }
    rows.push({
      org_id: orgId,
      id: newId(),
      meeting_id: meetingId,
      position,
      employee_id: p.employeeId ?? null,
      party_id: p.employeeId ? null : (p.partyId ?? null),
      name: name!,
      email,
      voting: p.voting ? 1 : 0,
      attendance: null,
      proxy_holder_id: null,
    });
  }
  return rows;
}

async function writeChildren(trx: Db, orgId: string, meetingId: string, input: MeetingInput) {
  const people = await participantRows(trx, orgId, meetingId, input);
  if (people.length > 0) await trx.insertInto('production_meeting_participant').values(people).execute();
  if (input.agenda.length > 0)
    await trx
      .insertInto('production_meeting_agenda_item')
      .values(
        input.agenda.map((a, position) => ({
          org_id: orgId,
          id: newId(),
          meeting_id: meetingId,
          position: position + 1,
          title: a.title,
          presenter: a.presenter,
          duration_minutes: a.durationMinutes,
          decision: null,
        })),
      )
      .execute();
}

function columnsOf(input: MeetingInput) {
  const quorum = input.quorum === undefined ? DEFAULT_QUORUM[input.kind] : input.quorum;
  const inPerson = input.mode !== 'remote';
  return {
    title: input.title,
    kind: input.kind,
    meeting_date: input.date,
    start_time: input.startTime,
    end_time: input.endTime,
    mode: input.mode,
    room: inPerson ? input.room : null,
    room_key: inPerson ? roomKey(input.room) : null,
    link: input.mode === 'in_person' ? null : input.link,
    organiser: input.organiser,
    quorum_numerator: quorum?.numerator ?? null,
    quorum_denominator: quorum?.denominator ?? null,
    quorum_rule: quorum?.rule ?? null,
    quorum_counts_proxies: quorum ? (quorum.countsProxies ? 1 : 0) : null,
  };
}

export async function createMeeting(
  trx: Db,
  orgId: string,
  input: MeetingInput,
  actorId: string | null,
): Promise<MeetingDto> {
  const id = newId();
  await assertRoomFree(trx, orgId, id, input);
  const now = nowInstant();
  await trx
    .insertInto('production_meeting')
    .values({
      org_id: orgId,
      id,
      ...columnsOf(input),
      status: 'planned',
      summary: null,
      convened_at: null,
      convocation_document_id: null,
      cancel_reason: null,
      created_at: now,
      created_by: actorId,
      updated_at: now,
    })
    .execute();
  await writeChildren(trx, orgId, id, input);
  await recordAudit(trx, {
    orgId,
    actorId,
    action: 'production.meeting.planned',
    entity: MEETING,
    entityId: id,
    after: { title: input.title, kind: input.kind, date: input.date, room: input.room },
  });
  return getMeeting(trx, orgId, id);
}

export async function requireMeetingStatus(
  trx: Db,
  orgId: string,
  id: string,
  allowed: readonly MeetingStatus[],
  doing: string,
) {
  const row = await getMeetingRow(trx, orgId, id);
  if (!allowed.includes(row.status))
    throw conflict(
      `Impossible ${doing}${doing.endsWith('’') ? '' : ' '}une réunion au statut « ${MEETING_STATUS_LABELS_FR[row.status].toLowerCase()} ».`,
    );
  return row;
}

/** Changes a meeting not held yet: participants and agenda are replaced (their attendance is not known yet). */
export async function updateMeeting(
  trx: Db,
  orgId: string,
  id: string,
  input: MeetingInput,
  actorId: string | null,
): Promise<MeetingDto> {
  const before = await requireMeetingStatus(trx, orgId, id, ['planned', 'convened'], 'de modifier');
  await assertRoomFree(trx, orgId, id, input);
  await trx
    .updateTable('production_meeting')
    .set({ ...columnsOf(input), updated_at: nowInstant() })
    .where('org_id', '=', orgId)
    .where('id', '=', id)
    .execute();
  for (const table of ['production_meeting_participant', 'production_meeting_agenda_item'] as const)
    await trx.deleteFrom(table).where('org_id', '=', orgId).where('meeting_id', '=', id).execute();
  await writeChildren(trx, orgId, id, input);
  await recordAudit(trx, {
    orgId,
    actorId,
    action: 'production.meeting.updated',
    entity: MEETING,
    entityId: id,
    before: { title: before.title, date: before.meeting_date, room: before.room },
    after: { title: input.title, date: input.date, room: input.room },
  });
  return getMeeting(trx, orgId, id);
}

export async function cancelMeeting(
  trx: Db,
  orgId: string,
  id: string,
  reason: string,
  actorId: string | null,
): Promise<MeetingDto> {
  const before = await requireMeetingStatus(trx, orgId, id, ['planned', 'convened'], 'd’annuler');
  await trx
    .updateTable('production_meeting')
    .set({ status: 'cancelled', cancel_reason: reason, updated_at: nowInstant() })
    .where('org_id', '=', orgId)
    .where('id', '=', id)
    .execute();
  await recordAudit(trx, {
    orgId,
    actorId,
    action: 'production.meeting.cancelled',
    entity: MEETING,
    entityId: id,
    before: { status: before.status },
    after: { status: 'cancelled', reason },
  });
  return getMeeting(trx, orgId, id);
}

export function assertInput(ok: boolean, field: string, message: string) {
  if (!ok) throw invalid(message, [{ field, message }]);
}
