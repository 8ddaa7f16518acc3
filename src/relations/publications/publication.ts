import { recordAudit } from '../../kernel/audit/audit.ts';
import type { Db } from '../../kernel/db/index.ts';
import { invalid, notFound, ruleBroken } from '../../kernel/errors/domain-error.ts';
import { newId } from '../../kernel/ids.ts';
import type { PublicationDto, PublicationInput, PublicationListQuery } from './contract.ts';
import type { RelationsPublicationTable } from './tables.ts';

// The publication calendar: what the organisation will post on its website, social networks, newsletter
// and notice board, and when. Agora does not post anything itself; a member marks a post as published.

const toDto = (row: RelationsPublicationTable): PublicationDto => ({
  id: row.id,
  channel: row.channel,
  title: row.title,
  body: row.body,
  scheduledOn: row.scheduled_on,
  scheduledTime: row.scheduled_time,
  status: row.status,
  publishedAt: row.published_at,
  createdAt: row.created_at,
  updatedAt: row.updated_at,
});

export async function getPublication(db: Db, orgId: string, publicationId: string): Promise<PublicationDto> {
  const row = await db
    .selectFrom('relations_publication')
    .selectAll()
    .where('org_id', '=', orgId)
    .where('id', '=', publicationId)
    .executeTakeFirst();
  if (!row) throw notFound('Publication');
  return toDto(row);
}

/** Publications of a period (by scheduled date), drafts without a date included when no period is given. */
export async function listPublications(
  db: Db,
  orgId: string,
  query: PublicationListQuery,
): Promise<PublicationDto[]> {
  let q = db.selectFrom('relations_publication').selectAll().where('org_id', '=', orgId);
  if (query.from) q = q.where('scheduled_on', '>=', query.from);
  if (query.to) q = q.where('scheduled_on', '<=', query.to);
  if (query.channel) q = q.where('channel', '=', query.channel);
  if (query.status) q = q.where('status', '=', query.status);
  const rows = await q.orderBy('scheduled_on').orderBy('scheduled_time').orderBy('id').limit(1000).execute();
  return rows.map(toDto);
}

function check(input: PublicationInput) {
  if ((input.status === 'scheduled' || input.status === 'published') && !input.scheduledOn)
    throw invalid('Indiquez la date de publication.', [
      { field: 'scheduledOn', message: 'Une publication planifiée ou publiée a une date.' },
    ]);
}

export async function savePublication(
  trx: Db,
  orgId: string,
  publicationId: string | null,
  input: PublicationInput,
  actorId: string | null,
): Promise<PublicationDto> {
  check(input);
  const now = new Date().toISOString();
  const before = publicationId ? await getPublication(trx, orgId, publicationId) : null;
  if (before?.status === 'published' && input.status !== 'published')
    throw ruleBroken('Une publication parue ne revient pas en arrière.', 'publication-published');
  const values = {
    channel: input.channel,
    title: input.title,
    body: input.body,
    scheduled_on: input.scheduledOn,
    scheduled_time: input.scheduledTime,
    status: input.status,
    published_at: input.status === 'published' ? (before?.publishedAt ?? now) : null,
    updated_at: now,
  };
  const id = publicationId ?? newId();
  if (before)
    await trx
      .updateTable('relations_publication')
      .set(values)
      .where('org_id', '=', orgId)
      .where('id', '=', id)
      .execute();
  else
    await trx
      .insertInto('relations_publication')
      .values({ org_id: orgId, id, ...values, created_at: now, created_by: actorId })
      .execute();
  const after = await getPublication(trx, orgId, id);
  await recordAudit(trx, {
    orgId,
    actorId,
    action: before ? 'publication.updated' : 'publication.created',
    entity: 'relations_publication',
    entityId: id,
    before,
    after,
  });
  return after;
}

export async function deletePublication(
  trx: Db,
  orgId: string,
  publicationId: string,
  actorId: string | null,
): Promise<void> {
  const before = await getPublication(trx, orgId, publicationId);
  if (before.status === 'published')
    throw ruleBroken('Une publication parue reste au calendrier (historique).', 'publication-published');
  await trx
    .deleteFrom('relations_publication')
    .where('org_id', '=', orgId)
    .where('id', '=', publicationId)
    .execute();
  await recordAudit(trx, {
    orgId,
    actorId,
    action: 'publication.deleted',
    entity: 'relations_publication',
    entityId: publicationId,
    before,
  });
}
