import { recordAudit } from '../../../kernel/audit/audit.ts';
import { nowInstant } from '../../../kernel/dates/index.ts';
import type { Db } from '../../../kernel/db/index.ts';
import { notFound } from '../../../kernel/errors/domain-error.ts';
import { newId } from '../../../kernel/ids.ts';
import { sortKey } from '../../../kernel/parties/sort-key.ts';
import type { ResourceDto, ResourceInput, ResourceListQuery } from './contract.ts';
import { loanRows, toLoanDto } from './loan-read.ts';
import type { ProductionSharedResourceTable } from './tables.ts';

// The catalogue of shared resources: equipment, keys, vehicles, rooms.

const ENTITY = 'production_shared_resource';

const columnsOf = (input: ResourceInput) => ({
  name: input.name,
  category: input.category,
  identifier: input.identifier,
  location: input.location,
  state: input.state,
  notes: input.notes,
});

async function withLoans(db: Db, orgId: string, rows: ProductionSharedResourceTable[], asOf: string) {
  const open = rows.length
    ? await loanRows(db, orgId)
        .where('l.returned_on', 'is', null)
        .where(
          'l.resource_id',
          'in',
          rows.map((r) => r.id),
        )
        .execute()
    : [];
  const byResource = new Map(open.map((l) => [l.resource_id, toLoanDto(l, asOf)]));
  return rows.map(
    (r): ResourceDto => ({
      id: r.id,
      name: r.name,
      category: r.category,
      identifier: r.identifier,
      location: r.location,
      state: r.state,
      notes: r.notes,
      loan: byResource.get(r.id) ?? null,
      createdAt: r.created_at,
    }),
  );
}

export async function getResource(db: Db, orgId: string, id: string, asOf: string): Promise<ResourceDto> {
  const row = await db
    .selectFrom('production_shared_resource')
    .selectAll()
    .where('org_id', '=', orgId)
    .where('id', '=', id)
    .executeTakeFirst();
  if (!row) throw notFound('Ressource');
  return (await withLoans(db, orgId, [row], asOf))[0]!;
}

export async function listResources(
  db: Db,
  orgId: string,
  query: ResourceListQuery,
  asOf: string,
): Promise<ResourceDto[]> {
  let q = db.selectFrom('production_shared_resource').selectAll().where('org_id', '=', orgId);
  if (query.category) q = q.where('category', '=', query.category);
  const rows = await q.orderBy('name').orderBy('id').execute();
  // Accent- and case-blind search on the name, identifier and location, done here for both databases.
  const needle = query.q ? sortKey(query.q) : '';
  const found = needle
    ? rows.filter((r) => [r.name, r.identifier, r.location].some((v) => v && sortKey(v).includes(needle)))
    : rows;
  return withLoans(db, orgId, found, asOf);
}

export async function createResource(
  trx: Db,
  orgId: string,
  input: ResourceInput,
  asOf: string,
  actorId: string | null,
): Promise<ResourceDto> {
  const id = newId();
  const now = nowInstant();
  await trx
    .insertInto('production_shared_resource')
    .values({ org_id: orgId, id, ...columnsOf(input), created_at: now, created_by: actorId, updated_at: now })
    .execute();
  await recordAudit(trx, {
    orgId,
    actorId,
    action: 'production.resource.created',
    entity: ENTITY,
    entityId: id,
    after: columnsOf(input),
  });
  return getResource(trx, orgId, id, asOf);
}

export async function updateResource(
  trx: Db,
  orgId: string,
  id: string,
  input: ResourceInput,
  asOf: string,
  actorId: string | null,
): Promise<ResourceDto> {
  const before = await getResource(trx, orgId, id, asOf);
  await trx
    .updateTable('production_shared_resource')
    .set({ ...columnsOf(input), updated_at: nowInstant() })
    .where('org_id', '=', orgId)
    .where('id', '=', id)
    .execute();
  await recordAudit(trx, {
    orgId,
    actorId,
    action: 'production.resource.updated',
    entity: ENTITY,
    entityId: id,
    before: { ...before, loan: undefined },
    after: columnsOf(input),
  });
  return getResource(trx, orgId, id, asOf);
}

/** Locks the resource's row until commit (a no-op update): two loans or bookings of it serialise. */
export async function lockResource(trx: Db, orgId: string, id: string) {
  await trx
    .updateTable('production_shared_resource')
    .set((eb) => ({ updated_at: eb.ref('updated_at') }))
    .where('org_id', '=', orgId)
    .where('id', '=', id)
    .execute();
  const row = await trx
    .selectFrom('production_shared_resource')
    .selectAll()
    .where('org_id', '=', orgId)
    .where('id', '=', id)
    .executeTakeFirst();
  if (!row) throw notFound('Ressource');
  return row;
}
