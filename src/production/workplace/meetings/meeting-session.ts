import { recordAudit } from '../../../kernel/audit/audit.ts';
import { nowInstant, todayIn } from '../../../kernel/dates/index.ts';
import type { Db } from '../../../kernel/db/index.ts';
import { conflict, notFound } from '../../../kernel/errors/domain-error.ts';
import { newId } from '../../../kernel/ids.ts';
import type { ActionDto, AttendanceInput, MeetingDto, MinutesInput } from './contract.ts';
import { assertInput, MEETING, requireMeetingStatus } from './meeting.ts';
import { getMeeting, listMeetingActions } from './meeting-read.ts';

// The meeting itself: who attended (present, excused, absent, or represented by a proxy — pouvoir — held by
// a present member), then the minutes (decisions per agenda item, actions with owner and due date), then
// their approval, after which the minutes are frozen.

export async function recordAttendance(
  trx: Db,
  orgId: string,
  id: string,
  input: AttendanceInput,
  actorId: string | null,
): Promise<MeetingDto> {
  await requireMeetingStatus(trx, orgId, id, ['convened', 'held'], 'de saisir les présences d’');
  const meeting = await getMeeting(trx, orgId, id);
  const byId = new Map(meeting.participants.map((p) => [p.id, p]));
  const final = new Map(meeting.participants.map((p) => [p.id, p.attendance]));
  for (const e of input.entries) {
    if (!byId.has(e.participantId)) throw notFound('Participant');
    final.set(e.participantId, e.attendance);
  }
  for (const [index, e] of input.entries.entries()) {
    const field = `entries.${index}.proxyHolderId`;
    const who = byId.get(e.participantId)!.name;
    if (e.attendance !== 'represented') {
      assertInput(!e.proxyHolderId, field, `${who} n’est pas représenté(e) : pas de mandataire.`);
      continue;
    }
    assertInput(!!e.proxyHolderId, field, `${who} est représenté(e) : indiquez qui détient son pouvoir.`);
    const holder = byId.get(e.proxyHolderId!);
    if (!holder) throw notFound('Mandataire');
    assertInput(holder.id !== e.participantId, field, `${who} ne peut se représenter lui-même.`);
    assertInput(
      final.get(holder.id) === 'present',
      field,
      `${holder.name} doit être présent(e) pour détenir le pouvoir de ${who}.`,
    );
  }
  for (const e of input.entries)
    await trx
      .updateTable('production_meeting_participant')
      .set({ attendance: e.attendance, proxy_holder_id: e.proxyHolderId ?? null })
      .where('org_id', '=', orgId)
      .where('id', '=', e.participantId)
      .execute();
  await trx
    .updateTable('production_meeting')
    .set({ status: 'held', updated_at: nowInstant() })
    .where('org_id', '=', orgId)
    .where('id', '=', id)
    .execute();
  await recordAudit(trx, {
    orgId,
    actorId,
    action: 'production.meeting.attendance',
    entity: MEETING,
    entityId: id,
    after: { entries: input.entries.length },
  });
  return getMeeting(trx, orgId, id);
}

export async function recordMinutes(
  trx: Db,
  orgId: string,
  id: string,
  input: MinutesInput,
  actorId: string | null,
): Promise<MeetingDto> {
  await requireMeetingStatus(trx, orgId, id, ['held'], 'de rédiger le compte rendu d’');
  const meeting = await getMeeting(trx, orgId, id);
  const items = new Set(meeting.agenda.map((a) => a.id));
  for (const d of [...input.decisions, ...input.actions])
    if (d.agendaItemId && !items.has(d.agendaItemId)) throw notFound('Point de l’ordre du jour');
  for (const d of input.decisions)
    await trx
      .updateTable('production_meeting_agenda_item')
      .set({ decision: d.decision })
      .where('org_id', '=', orgId)
      .where('id', '=', d.agendaItemId)
      .execute();
  // The actions are rewritten with the minutes; those already marked done keep their date.
  const done = new Map(meeting.actions.map((a) => [`${a.description}\u0000${a.owner}`, a.doneOn]));
  await trx
    .deleteFrom('production_meeting_action')
    .where('org_id', '=', orgId)
    .where('meeting_id', '=', id)
    .execute();
  const now = nowInstant();
  if (input.actions.length > 0)
    await trx
      .insertInto('production_meeting_action')
      .values(
        input.actions.map((a) => ({
          org_id: orgId,
          id: newId(),
          meeting_id: id,
          agenda_item_id: a.agendaItemId,
          description: a.description,
          owner: a.owner,
          due_date: a.dueDate,
          done_on: done.get(`${a.description}\u0000${a.owner}`) ?? null,
          created_at: now,
        })),
      )
      .execute();
  await trx
    .updateTable('production_meeting')
    .set({ summary: input.summary, updated_at: now })
    .where('org_id', '=', orgId)
    .where('id', '=', id)
    .execute();
  await recordAudit(trx, {
    orgId,
    actorId,
    action: 'production.meeting.minutes',
    entity: MEETING,
    entityId: id,
    after: { decisions: input.decisions.length, actions: input.actions.length },
  });
  return getMeeting(trx, orgId, id);
}

export async function approveMinutes(
  trx: Db,
  orgId: string,
  id: string,
  actorId: string | null,
): Promise<MeetingDto> {
  await requireMeetingStatus(trx, orgId, id, ['held'], 'd’approuver le compte rendu d’');
  const meeting = await getMeeting(trx, orgId, id);
  if (meeting.participants.some((p) => p.attendance === null))
    throw conflict('Saisissez la présence de chaque participant avant d’approuver le compte rendu.');
  await trx
    .updateTable('production_meeting')
    .set({ status: 'minutes_approved', updated_at: nowInstant() })
    .where('org_id', '=', orgId)
    .where('id', '=', id)
    .execute();
  await recordAudit(trx, {
    orgId,
    actorId,
    action: 'production.meeting.minutes_approved',
    entity: MEETING,
    entityId: id,
    after: { status: 'minutes_approved' },
  });
  return getMeeting(trx, orgId, id);
}

/** Marks a decided action as done (today, or the given day), or reopens it. */
export async function setActionDone(
  trx: Db,
  orgId: string,
  actionId: string,
  done: boolean,
  actorId: string | null,
  today = todayIn(),
): Promise<ActionDto> {
  const result = await trx
    .updateTable('production_meeting_action')
    .set({ done_on: done ? today : null })
    .where('org_id', '=', orgId)
    .where('id', '=', actionId)
    .executeTakeFirst();
  if (Number(result.numUpdatedRows) !== 1) throw notFound('Action');
  await recordAudit(trx, {
    orgId,
    actorId,
    action: done ? 'production.meeting_action.done' : 'production.meeting_action.reopened',
    entity: 'production_meeting_action',
    entityId: actionId,
  });
  const { items } = await listMeetingActions(trx, orgId, undefined, today);
  return items.find((a) => a.id === actionId)!;
}
