import { type SelectQueryBuilder, sql } from 'kysely';
import type { DB } from '../db/database.ts';
import type { Db } from '../db/index.ts';
import type { PartyListQuery, PartyPage } from './contract.ts';
import { loadChildren } from './party.ts';
import { likeContains, sortKey } from './sort-key.ts';

type PartyQuery = SelectQueryBuilder<DB, 'party', object>;

/** The parties a list query selects (search, role, kind, archived), before order and page. */
export function filtered(db: Db, orgId: string, query: PartyListQuery): PartyQuery {
  let base: PartyQuery = db.selectFrom('party').where('party.org_id', '=', orgId);
  if (query.q) {
    const key = likeContains(sortKey(query.q));
    const raw = likeContains(query.q.toLowerCase().replace(/\s/g, ''));
    base = base.where((eb) =>
      eb.or([
        eb(sql`party.sort_key`, 'like', sql`${key} escape '\\'`),
        eb(sql`lower(coalesce(party.email, ''))`, 'like', sql`${raw} escape '\\'`),
        eb(sql`coalesce(party.siret, '')`, 'like', sql`${raw} escape '\\'`),
      ]),
    );
  }
  if (query.role) {
    const role = query.role;
    base = base.where((eb) =>
      eb.exists(
        eb
          .selectFrom('party_role')
          .select('party_role.role')
          .whereRef('party_role.org_id', '=', 'party.org_id')
          .whereRef('party_role.party_id', '=', 'party.id')
          .where('party_role.role', '=', role),
      ),
    );
  }
  if (query.kind) base = base.where('party.kind', '=', query.kind);
  if (query.archived === 'exclude') base = base.where('party.archived_at', 'is', null);
  if (query.archived === 'only') base = base.where('party.archived_at', 'is not', null);
  return base;
}

export async function countOf(base: PartyQuery): Promise<number> {
  const { total } = await base
    .select((eb) => eb.cast<number>(eb.fn.countAll(), 'bigint').as('total'))
    .executeTakeFirstOrThrow();
  return Number(total);
}

export function paged<T extends PartyQuery>(base: T, query: PartyListQuery): T {
  const direction = query.sort.startsWith('-') ? 'desc' : 'asc';
  const column = query.sort.replace('-', '') === 'name' ? 'party.sort_key' : 'party.created_at';
  return base
    .orderBy(column, direction)
    .orderBy('party.id', direction)
    .limit(query.limit)
    .offset(query.offset) as T;
}

export async function listParties(db: Db, orgId: string, query: PartyListQuery): Promise<PartyPage> {
  const base = filtered(db, orgId, query);
  const total = await countOf(base);
  const rows = await paged(base, query).selectAll('party').execute();
  return { items: await loadChildren(db, orgId, rows), total };
}
