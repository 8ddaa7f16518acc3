import { recordAudit } from '../../../kernel/audit/audit.ts';
import { nowInstant, todayIn } from '../../../kernel/dates/index.ts';
import type { Db } from '../../../kernel/db/index.ts';
import { conflict, notFound } from '../../../kernel/errors/domain-error.ts';
import { newId } from '../../../kernel/ids.ts';
import { getEmployee, listEmployees } from '../../../personnel/index.ts';
import type { NoticeDto, NoticeInput, NoticeList, NoticeListQuery, NoticeSummaryDto } from './contract.ts';
import { takeNoticeNumber } from './notice-number.ts';
import type { ProductionNoticeTable } from './tables.ts';

// Notices: written as drafts, published (numbered), then read by the staff, who acknowledge them. A
// published notice is not edited: a new one replaces it (its expiry date ends the old one).

const ENTITY = 'production_notice';

function toSummary(row: ProductionNoticeTable, readCount: number): NoticeSummaryDto {
  return {
    id: row.id,
    number: row.number,
    title: row.title,
    category: row.category,
    audience: row.audience,
    service: row.service,
    author: row.author,
    publishOn: row.publish_on,
    expiresOn: row.expires_on,
    pinned: Number(row.pinned) === 1,
    status: row.status,
    readCount,
  };
}

async function getNoticeRow(db: Db, orgId: string, id: string) {
  const row = await db
    .selectFrom('production_notice')
    .selectAll()
    .where('org_id', '=', orgId)
    .where('id', '=', id)
    .executeTakeFirst();
  if (!row) throw notFound('Note');
  return row;
}

/** The employees a notice addresses, present on the day: all of them, or those of its service. */
async function audienceOf(db: Db, orgId: string, row: ProductionNoticeTable, today: string) {
  const { items } = await listEmployees(db, orgId, {
    presentOn: today < row.publish_on ? row.publish_on : today,
  });
  const fold = (s: string | null) => (s ?? '').trim().toLowerCase();
  return row.audience === 'service' ? items.filter((e) => fold(e.workplace) === fold(row.service)) : items;
}

export async function getNotice(db: Db, orgId: string, id: string, today = todayIn()): Promise<NoticeDto> {
  const row = await getNoticeRow(db, orgId, id);
  const [acks, audience] = await Promise.all([
    db
      .selectFrom('production_notice_ack')
      .select(['employee_id', 'read_at'])
      .where('org_id', '=', orgId)
      .where('notice_id', '=', id)
      .orderBy('read_at')
      .execute(),
    audienceOf(db, orgId, row, today),
  ]);
  const names = new Map(audience.map((e) => [e.id, `${e.firstName} ${e.lastName}`]));
  const readers = [];
  for (const a of acks) {
    const name = names.get(a.employee_id) ?? (await nameOf(db, orgId, a.employee_id));
    readers.push({ employeeId: a.employee_id, name, readAt: a.read_at });
  }
  const read = new Set(acks.map((a) => a.employee_id));
  return {
    ...toSummary(row, acks.length),
    body: row.body,
    publishedAt: row.published_at,
    readers,
    unread:
      row.status === 'published'
        ? audience
            .filter((e) => !read.has(e.id))
            .map((e) => ({ employeeId: e.id, name: `${e.firstName} ${e.lastName}`, readAt: null }))
        : [],
  };
}

async function nameOf(db: Db, orgId: string, employeeId: string) {
  const e = await getEmployee(db, orgId, employeeId);
  return `${e.firstName} ${e.lastName}`;
}

export async function listNotices(db: Db, orgId: string, query: NoticeListQuery): Promise<NoticeList> {
  let q = db.selectFrom('production_notice as n').where('n.org_id', '=', orgId);
  if (query.category) q = q.where('n.category', '=', query.category);
  if (query.currentOn) {
    const day = query.currentOn;
    q = q
      .where('n.status', '=', 'published')
      .where('n.publish_on', '<=', day)
      .where((eb) => eb.or([eb('n.expires_on', 'is', null), eb('n.expires_on', '>=', day)]));
  }
  const rows = await q
    .selectAll('n')
    .select((eb) =>
      eb
        .selectFrom('production_notice_ack as a')
        .select((e) => e.cast<number>(e.fn.countAll(), 'bigint').as('n'))
        .whereRef('a.org_id', '=', 'n.org_id')
        .whereRef('a.notice_id', '=', 'n.id')
        .as('read_count'),
    )
    .orderBy('n.pinned', 'desc')
    .orderBy('n.publish_on', 'desc')
    .orderBy('n.id', 'desc')
    .limit(500)
    .execute();
  return { items: rows.map((r) => toSummary(r, Number(r.read_count ?? 0))) };
}

const columnsOf = (input: NoticeInput) => ({
  title: input.title,
  category: input.category,
  audience: input.audience,
  service: input.audience === 'service' ? input.service : null,
  author: input.author,
  body: input.body,
  publish_on: input.publishOn,
  expires_on: input.expiresOn,
  pinned: input.pinned ? 1 : 0,
});

export async function createNotice(trx: Db, orgId: string, input: NoticeInput, actorId: string | null) {
  const id = newId();
  const now = nowInstant();
  await trx
    .insertInto('production_notice')
    .values({
      org_id: orgId,
      id,
      number: null,
      ...columnsOf(input),
      status: 'draft',
      published_at: null,
      created_at: now,
      created_by: actorId,
      updated_at: now,
    })
    .execute();
  await recordAudit(trx, {
    orgId,
    actorId,
    action: 'production.notice.drafted',
    entity: ENTITY,
    entityId: id,
    after: { title: input.title, category: input.category },
  });
  return getNotice(trx, orgId, id);
}

export async function updateNotice(
  trx: Db,
  orgId: string,
  id: string,
  input: NoticeInput,
  actorId: string | null,
) {
  const row = await getNoticeRow(trx, orgId, id);
  if (row.status !== 'draft')
    throw conflict(`La note ${row.number} est publiée : elle ne se modifie plus, publiez-en une nouvelle.`);
  await trx
    .updateTable('production_notice')
    .set({ ...columnsOf(input), updated_at: nowInstant() })
    .where('org_id', '=', orgId)
    .where('id', '=', id)
    .execute();
  await recordAudit(trx, {
    orgId,
    actorId,
    action: 'production.notice.updated',
    entity: ENTITY,
    entityId: id,
    after: { title: input.title },
  });
  return getNotice(trx, orgId, id);
}

export async function publishNotice(trx: Db, orgId: string, id: string, actorId: string | null) {
  const row = await getNoticeRow(trx, orgId, id);
  if (row.status !== 'draft') throw conflict(`La note ${row.number} est déjà publiée.`);
  const number = await takeNoticeNumber(trx, orgId, row.publish_on);
  const now = nowInstant();
  const result = await trx
    .updateTable('production_notice')
    .set({ status: 'published', number, published_at: now, updated_at: now })
    .where('org_id', '=', orgId)
    .where('id', '=', id)
    .where('status', '=', 'draft')
    .executeTakeFirst();
  if (Number(result.numUpdatedRows) !== 1) throw conflict('Cette note vient d’être publiée.');
  await recordAudit(trx, {
    orgId,
    actorId,
    action: 'production.notice.published',
    entity: ENTITY,
    entityId: id,
    after: { number },
  });
  return getNotice(trx, orgId, id);
}

/** An employee has read the notice (once: a second acknowledgement keeps the first date). */
export async function acknowledgeNotice(
  trx: Db,
  orgId: string,
  id: string,
  employeeId: string,
  actorId: string | null,
) {
  const row = await getNoticeRow(trx, orgId, id);
  if (row.status !== 'published') throw conflict('Une note en brouillon ne peut pas encore être lue.');
  const employee = await getEmployee(trx, orgId, employeeId);
  const audience = await audienceOf(trx, orgId, row, todayIn());
  if (!audience.some((e) => e.id === employeeId))
    throw conflict(`${employee.firstName} ${employee.lastName} n’est pas destinataire de cette note.`);
  const inserted = await trx
    .insertInto('production_notice_ack')
    .values({ org_id: orgId, id: newId(), notice_id: id, employee_id: employeeId, read_at: nowInstant() })
    .onConflict((oc) => oc.columns(['org_id', 'notice_id', 'employee_id']).doNothing())
    .returning('id')
    .executeTakeFirst();
  if (inserted)
    await recordAudit(trx, {
      orgId,
      actorId,
      action: 'production.notice.read',
      entity: ENTITY,
      entityId: id,
      after: { employeeId },
    });
  return getNotice(trx, orgId, id);
}
