// The party list page as JSON text built by the database: the list is the most read screen, and building
// one JSON text per party in SQL costs a third of reading the same rows into objects, mapping them to
// DTOs and serialising them (docs/performance.md, decision 0020). The result is the same document as
// listParties serialised: party-list.int.test.ts compares the two on both databases.
import { type RawBuilder, sql } from 'kysely';
import type { Dialect, Store } from '../db/index.ts';
import type { PartyListQuery } from './contract.ts';
import { ROLE_ORDER } from './party.ts';
import { countOf, filtered, paged } from './party-list.ts';

/** `key, value, key, value…` for json_object / json_build_object. */
function pairs(fields: Record<string, RawBuilder<unknown>>): RawBuilder<unknown> {
  return sql.join(Object.entries(fields).flatMap(([key, value]) => [sql.lit(key), value]));
}

const roleRank = sql`case r.role ${sql.join(
  ROLE_ORDER.map((role, i) => sql`when ${sql.lit(role)} then ${sql.lit(i)}`),
  sql` `,
)} end`;

function partyJson(dialect: Dialect): RawBuilder<string> {
  const pg = dialect === 'postgres';
  const object = pg ? sql.raw('json_build_object') : sql.raw('json_object');
  // PostgreSQL returns instants as timestamptz: written as the API writes them (toISOString).
  const instant = (column: string) =>
    pg
      ? sql`to_char(${sql.ref(column)} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`
      : sql.ref(column);
  // An aggregate of no rows is NULL on PostgreSQL and '[]' on SQLite; on SQLite a subquery's result
  // loses its JSON type, json() gives it back so that it is embedded as an array, not as a string.
  const list = (aggregate: RawBuilder<unknown>) =>
    pg ? sql`coalesce((${aggregate}), '[]'::json)` : sql`json((${aggregate}))`;
  const arrayOf = (value: RawBuilder<unknown>, order: RawBuilder<unknown>) =>
    pg ? sql`json_agg(${value} order by ${order})` : sql`json_group_array(${value} order by ${order})`;
  const child = (table: string, alias: string) =>
    sql`from ${sql.table(table)} ${sql.raw(alias)} where ${sql.raw(alias)}.org_id = party.org_id and ${sql.raw(alias)}.party_id = party.id`;
  const fields = {
    id: sql.ref('party.id'),
    kind: sql.ref('party.kind'),
    name: sql.ref('party.name'),
    roles: list(sql`select ${arrayOf(sql.ref('r.role'), roleRank)} ${child('party_role', 'r')}`),
    legalForm: sql.ref('party.legal_form'),
    siren: sql.ref('party.siren'),
    siret: sql.ref('party.siret'),
    vatNumber: sql.ref('party.vat_number'),
    email: sql.ref('party.email'),
    phone: sql.ref('party.phone'),
    website: sql.ref('party.website'),
    iban: sql.ref('party.iban'),
    bic: sql.ref('party.bic'),
    notes: sql.ref('party.notes'),
    contacts: list(
      sql`select ${arrayOf(
        sql`${object}(${pairs({
          id: sql.ref('c.id'),
          name: sql.ref('c.name'),
          jobTitle: sql.ref('c.job_title'),
          email: sql.ref('c.email'),
          phone: sql.ref('c.phone'),
        })})`,
        sql.ref('c.position'),
      )} ${child('party_contact', 'c')}`,
    ),
    addresses: list(
      sql`select ${arrayOf(
        sql`${object}(${pairs({
          id: sql.ref('a.id'),
          kind: sql.ref('a.kind'),
          line1: sql.ref('a.line1'),
          line2: sql.ref('a.line2'),
          postalCode: sql.ref('a.postal_code'),
          city: sql.ref('a.city'),
          country: sql.ref('a.country'),
        })})`,
        sql.ref('a.position'),
      )} ${child('party_address', 'a')}`,
    ),
    archivedAt: instant('party.archived_at'),
    createdAt: instant('party.created_at'),
    updatedAt: instant('party.updated_at'),
  };
  // ::text: pg would otherwise parse the JSON into objects, the very work this avoids.
  return pg ? sql<string>`${object}(${pairs(fields)})::text` : sql<string>`${object}(${pairs(fields)})`;
}

const cache = new Map<Dialect, RawBuilder<string>>();

/** The same page as listParties, as the JSON text the API answers. */
export async function listPartiesJson(store: Store, orgId: string, query: PartyListQuery): Promise<string> {
  let json = cache.get(store.dialect);
  if (!json) {
    json = partyJson(store.dialect);
    cache.set(store.dialect, json);
  }
  const base = filtered(store.db, orgId, query);
  const total = await countOf(base);
  const rows = await paged(base, query).select(json.as('json')).execute();
  return `{"items":[${rows.map((r) => r.json).join(',')}],"total":${total}}`;
}
