import { sql } from 'kysely';
import type { Db, Dialect } from '../../src/kernel/db/index.ts';

/** Tables with an org_id column, read from the live schema independently of the product's own discovery. */
export async function tablesWithOrgId(db: Db, dialect: Dialect): Promise<string[]> {
  if (dialect === 'sqlite') {
    const rows = await sql<{ name: string }>`
      select m.name from sqlite_master m
      where m.type = 'table' and exists (select 1 from pragma_table_info(m.name) c where c.name = 'org_id')
      order by m.name`.execute(db);
    return rows.rows.map((r) => r.name);
  }
  const rows = await sql<{ table_name: string }>`
    select table_name from information_schema.columns
    where table_schema = current_schema() and column_name = 'org_id' order by table_name`.execute(db);
  return rows.rows.map((r) => r.table_name);
}

export async function countRows(db: Db, table: string, orgId: string): Promise<number> {
  const result = await sql<{ n: number }>`
    select cast(count(*) as bigint) as n from ${sql.table(table)} where org_id = ${orgId}`.execute(db);
  return Number(result.rows[0]!.n);
}
