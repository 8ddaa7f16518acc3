import { sql } from 'kysely';
import { recordAudit } from '../../kernel/audit/audit.ts';
import { addDays, todayIn } from '../../kernel/dates/index.ts';
import type { Db } from '../../kernel/db/index.ts';
import { invalid, notFound, ruleBroken } from '../../kernel/errors/domain-error.ts';
import { newId } from '../../kernel/ids.ts';
import { likeContains } from '../../kernel/parties/sort-key.ts';
import type {
  RequestAnswerInput,
  RequestDto,
  RequestInput,
  RequestListQuery,
  RequestPage,
  RequestUpdateInput,
} from './contract.ts';
import { answerDaysOf } from './request-form.ts';
import type { RelationsRequestTable } from './tables.ts';

const DEFAULT_ANSWER_DAYS = 7;

function baseQuery(db: Db, orgId: string) {
  return db
    .selectFrom('relations_request as r')
    .leftJoin('party as p', (j) => j.onRef('p.org_id', '=', 'r.org_id').onRef('p.id', '=', 'r.party_id'))
    .leftJoin('app_user as u', 'u.id', 'r.assignee_id')
    .selectAll('r')
    .select(['p.name as party_name', 'u.name as assignee_name'])
    .where('r.org_id', '=', orgId);
}

type Row = RelationsRequestTable & { party_name: string | null; assignee_name: string | null };

function toDto(row: Row, today: string): RequestDto {
  const open = row.status === 'new' || row.status === 'in_progress';
  return {
    id: row.id,
    channel: row.channel,
    partyId: row.party_id,
    partyName: row.party_name,
    senderName: row.sender_name,
    senderEmail: row.sender_email,
    senderPhone: row.sender_phone,
    category: row.category,
    subject: row.subject,
    message: row.message,
    assigneeId: row.assignee_id,
    assigneeName: row.assignee_name,
    status: row.status,
    receivedAt: row.received_at,
    dueDate: row.due_date,
    overdue: open && row.due_date !== null && row.due_date < today,
    answer: row.answer,
    answeredAt: row.answered_at,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

export async function orgToday(db: Db, orgId: string): Promise<string> {
  const org = await db
    .selectFrom('organisation')
    .select('time_zone')
    .where('org_id', '=', orgId)
    .executeTakeFirst();
  if (!org) throw notFound('Organisation');
  return todayIn(org.time_zone);
}

async function checkRefs(db: Db, orgId: string, input: Pick<RequestInput, 'partyId' | 'assigneeId'>) {
  if (input.partyId) {
    const party = await db
      .selectFrom('party')
      .select('id')
      .where('org_id', '=', orgId)
      .where('id', '=', input.partyId)
      .executeTakeFirst();
    if (!party) throw invalid('Tiers introuvable.', [{ field: 'partyId', message: 'Tiers introuvable.' }]);
  }
  if (input.assigneeId) {
    const member = await db
      .selectFrom('membership')
      .select('user_id')
      .where('org_id', '=', orgId)
      .where('user_id', '=', input.assigneeId)
      .executeTakeFirst();
    if (!member)
      throw invalid('La personne chargée de la demande doit être membre de l’organisation.', [
        { field: 'assigneeId', message: 'Membre introuvable.' },
      ]);
  }
}

export async function getRequest(db: Db, orgId: string, requestId: string): Promise<RequestDto> {
  const row = await baseQuery(db, orgId).where('r.id', '=', requestId).executeTakeFirst();
  if (!row) throw notFound('Demande');
  return toDto(row as Row, await orgToday(db, orgId));
}

export async function listRequests(db: Db, orgId: string, query: RequestListQuery): Promise<RequestPage> {
  let q = baseQuery(db, orgId);
  if (query.status) q = q.where('r.status', '=', query.status);
  if (query.channel) q = q.where('r.channel', '=', query.channel);
  if (query.partyId) q = q.where('r.party_id', '=', query.partyId);
  if (query.assigneeId) q = q.where('r.assignee_id', '=', query.assigneeId);
  if (query.q) {
    const like = likeContains(query.q.toLowerCase());
    q = q.where((eb) =>
      eb.or(
        (['r.subject', 'r.sender_name', 'p.name'] as const).map((column) =>
          eb(sql`lower(${sql.ref(column)})`, 'like', sql`${like} escape '\\'`),
        ),
      ),
    );
  }
  const total = await q
    .clearSelect()
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  const rows = await q
    .orderBy('r.received_at', 'desc')
    .orderBy('r.id', 'desc')
    .limit(query.limit)
    .offset(query.offset)
    .execute();
  const today = await orgToday(db, orgId);
  return { items: rows.map((r) => toDto(r as Row, today)), total: Number(total.n) };
}

/** Records a request; `receivedAt` is now unless given (a web form stamps its own). */
export async function createRequest(
  trx: Db,
  orgId: string,
  input: RequestInput,
  actorId: string | null,
  receivedAt = new Date().toISOString(),
): Promise<RequestDto> {
  await checkRefs(trx, orgId, input);
  if (!input.partyId && !input.senderName && !input.senderEmail && !input.senderPhone)
    throw invalid('Indiquez le tiers ou au moins le nom, l’e-mail ou le téléphone de l’expéditeur.', [
      { field: 'senderName', message: 'Qui a fait la demande ?' },
    ]);
  const today = await orgToday(trx, orgId);
  const id = newId();
  const dueDate = input.dueDate ?? addDays(today, (await answerDaysOf(trx, orgId)) ?? DEFAULT_ANSWER_DAYS);
  await trx
    .insertInto('relations_request')
    .values({
      org_id: orgId,
      id,
      channel: input.channel,
      party_id: input.partyId,
      sender_name: input.senderName,
      sender_email: input.senderEmail,
      sender_phone: input.senderPhone,
      category: input.category,
      subject: input.subject,
      message: input.message,
      assignee_id: input.assigneeId,
      status: 'new',
      received_at: receivedAt,
      due_date: dueDate,
      answer: null,
      answered_at: null,
      answered_by: null,
      created_at: receivedAt,
      created_by: actorId,
      updated_at: receivedAt,
    })
    .execute();
  const request = await getRequest(trx, orgId, id);
  await recordAudit(trx, {
    orgId,
    actorId,
    action: 'request.created',
    entity: 'relations_request',
    entityId: id,
    after: request,
  });
  return request;
}

export async function updateRequest(
  trx: Db,
  orgId: string,
  requestId: string,
  input: RequestUpdateInput,
  actorId: string | null,
): Promise<RequestDto> {
  const before = await getRequest(trx, orgId, requestId);
  await checkRefs(trx, orgId, input);
  if (input.status === 'answered' && !before.answer)
    throw ruleBroken('Rédigez la réponse avant de marquer la demande comme répondue.', 'request-no-answer');
  await trx
    .updateTable('relations_request')
    .set({
      channel: input.channel,
      party_id: input.partyId,
      sender_name: input.senderName,
      sender_email: input.senderEmail,
      sender_phone: input.senderPhone,
      category: input.category,
      subject: input.subject,
      message: input.message,
      assignee_id: input.assigneeId,
      status: input.status,
      due_date: input.dueDate ?? before.dueDate,
      updated_at: new Date().toISOString(),
    })
    .where('org_id', '=', orgId)
    .where('id', '=', requestId)
    .execute();
  const after = await getRequest(trx, orgId, requestId);
  await recordAudit(trx, {
    orgId,
    actorId,
    action: 'request.updated',
    entity: 'relations_request',
    entityId: requestId,
    before,
    after,
  });
  return after;
}

export async function answerRequest(
  trx: Db,
  orgId: string,
  requestId: string,
  input: RequestAnswerInput,
  actorId: string | null,
): Promise<RequestDto> {
  const before = await getRequest(trx, orgId, requestId);
  if (before.status === 'closed')
    throw ruleBroken('Cette demande est close : rouvrez-la pour y répondre.', 'request-closed');
  const now = new Date().toISOString();
  await trx
    .updateTable('relations_request')
    .set({
      answer: input.answer,
      answered_at: now,
      answered_by: actorId,
      status: input.close ? 'closed' : 'answered',
      updated_at: now,
    })
    .where('org_id', '=', orgId)
    .where('id', '=', requestId)
    .execute();
  const after = await getRequest(trx, orgId, requestId);
  await recordAudit(trx, {
    orgId,
    actorId,
    action: 'request.answered',
    entity: 'relations_request',
    entityId: requestId,
    before,
    after,
  });
  return after;
}
