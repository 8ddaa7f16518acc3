import { todayIn } from '../../../kernel/dates/index.ts';
import type { Db } from '../../../kernel/db/index.ts';
import { notFound } from '../../../kernel/errors/domain-error.ts';
import type {
  ActionDto,
  ActionList,
  AgendaItemDto,
  MeetingDto,
  MeetingList,
  MeetingListQuery,
  MeetingSummaryDto,
  ParticipantDto,
} from './contract.ts';
import { computeQuorum } from './quorum.ts';
import type { ProductionMeetingActionTable, ProductionMeetingTable } from './tables.ts';

function toSummary(row: ProductionMeetingTable, participantCount: number): MeetingSummaryDto {
  return {
    id: row.id,
    title: row.title,
    kind: row.kind,
    date: row.meeting_date,
    startTime: row.start_time,
    endTime: row.end_time,
    mode: row.mode,
    room: row.room,
    status: row.status,
    participantCount,
  };
}

function toAction(
  row: ProductionMeetingActionTable,
  meeting: { title: string; meeting_date: string },
  today: string,
): ActionDto {
  return {
    id: row.id,
    meetingId: row.meeting_id,
    meetingTitle: meeting.title,
    meetingDate: meeting.meeting_date,
    agendaItemId: row.agenda_item_id,
    description: row.description,
    owner: row.owner,
    dueDate: row.due_date,
    doneOn: row.done_on,
    overdue: !row.done_on && !!row.due_date && row.due_date < today,
  };
}

export async function getMeetingRow(db: Db, orgId: string, id: string): Promise<ProductionMeetingTable> {
  const row = await db
    .selectFrom('production_meeting')
    .selectAll()
    .where('org_id', '=', orgId)
    .where('id', '=', id)
    .executeTakeFirst();
  if (!row) throw notFound('Réunion');
  return row;
}

export async function getMeeting(db: Db, orgId: string, id: string, today = todayIn()): Promise<MeetingDto> {
  const row = await getMeetingRow(db, orgId, id);
  const [people, agenda, actions, mails] = await Promise.all([
    db
      .selectFrom('production_meeting_participant')
      .selectAll()
      .where('org_id', '=', orgId)
      .where('meeting_id', '=', id)
      .orderBy('position')
      .execute(),
    db
      .selectFrom('production_meeting_agenda_item')
      .selectAll()
      .where('org_id', '=', orgId)
      .where('meeting_id', '=', id)
      .orderBy('position')
      .execute(),
    db
      .selectFrom('production_meeting_action')
      .selectAll()
      .where('org_id', '=', orgId)
      .where('meeting_id', '=', id)
      .orderBy('created_at')
      .orderBy('id')
      .execute(),
    db
      .selectFrom('mail_message')
      .select((eb) => eb.cast<number>(eb.fn.countAll(), 'bigint').as('n'))
      .where('org_id', '=', orgId)
      .where('source', '=', `production.meeting:${id}`)
      .executeTakeFirstOrThrow(),
  ]);
  const participants: ParticipantDto[] = people.map((p) => ({
    id: p.id,
    employeeId: p.employee_id,
    partyId: p.party_id,
    name: p.name,
    email: p.email,
    voting: Number(p.voting) === 1,
    attendance: p.attendance,
    proxyHolderId: p.proxy_holder_id,
  }));
  const items: AgendaItemDto[] = agenda.map((a) => ({
    id: a.id,
    position: Number(a.position),
    title: a.title,
    presenter: a.presenter,
    durationMinutes: a.duration_minutes === null ? null : Number(a.duration_minutes),
    decision: a.decision,
  }));
  const quorum =
    row.quorum_rule && row.quorum_numerator && row.quorum_denominator
      ? computeQuorum(
          {
            numerator: Number(row.quorum_numerator),
            denominator: Number(row.quorum_denominator),
            rule: row.quorum_rule,
            countsProxies: Number(row.quorum_counts_proxies) === 1,
          },
          participants,
        )
      : null;
  return {
    ...toSummary(row, participants.length),
    link: row.link,
    organiser: row.organiser,
    quorum,
    participants,
    agenda: items,
    actions: actions.map((a) => toAction(a, row, today)),
    summary: row.summary,
    convenedAt: row.convened_at,
    cancelReason: row.cancel_reason,
    convocationEmails: Number(mails.n),
  };
}

export async function listMeetings(db: Db, orgId: string, query: MeetingListQuery): Promise<MeetingList> {
  let q = db.selectFrom('production_meeting as m').where('m.org_id', '=', orgId);
  if (query.from) q = q.where('m.meeting_date', '>=', query.from);
  if (query.to) q = q.where('m.meeting_date', '<=', query.to);
  if (query.status) q = q.where('m.status', '=', query.status);
  const rows = await q
    .selectAll('m')
    .select((eb) =>
      eb
        .selectFrom('production_meeting_participant as p')
        .select((e) => e.cast<number>(e.fn.countAll(), 'bigint').as('n'))
        .whereRef('p.org_id', '=', 'm.org_id')
        .whereRef('p.meeting_id', '=', 'm.id')
        .as('participant_count'),
    )
    .orderBy('m.meeting_date', 'desc')
    .orderBy('m.start_time', 'desc')
    .limit(500)
    .execute();
  return { items: rows.map((r) => toSummary(r, Number(r.participant_count ?? 0))) };
}

/** The actions decided in meetings (minutes), open first by due date: their follow-up across meetings. */
export async function listMeetingActions(
  db: Db,
  orgId: string,
  open: boolean | undefined,
  today = todayIn(),
): Promise<ActionList> {
  let q = db
    .selectFrom('production_meeting_action as a')
    .innerJoin('production_meeting as m', (j) =>
      j.onRef('m.org_id', '=', 'a.org_id').onRef('m.id', '=', 'a.meeting_id'),
    )
    .selectAll('a')
    .select(['m.title', 'm.meeting_date'])
    .where('a.org_id', '=', orgId);
  if (open === true) q = q.where('a.done_on', 'is', null);
  if (open === false) q = q.where('a.done_on', 'is not', null);
  const rows = await q.orderBy('a.done_on').orderBy('a.due_date').orderBy('a.id').limit(1000).execute();
  const items = rows.map((r) => toAction(r, r, today));
  items.sort(
    (x, y) => Number(!!x.doneOn) - Number(!!y.doneOn) || (x.dueDate ?? '9').localeCompare(y.dueDate ?? '9'),
  );
  return { items };
}
