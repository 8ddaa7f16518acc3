import { sql } from 'kysely';
import type { Db, Dialect } from '../db/index.ts';

export type OrgTable = { name: string; columns: string[] };

/**
 * Every table that carries `org_id`, found in the live schema (so tables added by later modules are
 * included without anyone listing them), ordered so a table comes after the tables it references.
 */
export async function discoverOrgTables(db: Db, dialect: Dialect): Promise<OrgTable[]> {
  const columns = new Map<string, string[]>();
  const references = new Map<string, Set<string>>();
  if (dialect === 'sqlite') {
    const tables = await sql<{ name: string }>`
      select name from sqlite_master where type = 'table' and name not like 'sqlite_%' order by name`.execute(
      db,
    );
    for (const { name } of tables.rows) {
      const info = await sql<{
        name: string;
      }>`select name from pragma_table_info(${name}) order by cid`.execute(db);
      columns.set(
        name,
        info.rows.map((r) => r.name),
      );
      const fks = await sql<{ table: string }>`select "table" from pragma_foreign_key_list(${name})`.execute(
        db,
      );
      references.set(name, new Set(fks.rows.map((r) => r.table)));
    }
  } else {
    const info = await sql<{ table_name: string; column_name: string }>`
      select table_name, column_name from information_schema.columns
      where table_schema = current_schema() order by table_name, ordinal_position`.execute(db);
    for (const row of info.rows) {
      columns.set(row.table_name, [...(columns.get(row.table_name) ?? []), row.column_name]);
    }
    const fks = await sql<{ table_name: string; referenced: string }>`
      select tc.table_name, ccu.table_name as referenced
      from information_schema.table_constraints tc
      join information_schema.constraint_column_usage ccu
        on ccu.constraint_name = tc.constraint_name and ccu.constraint_schema = tc.constraint_schema
      where tc.constraint_type = 'FOREIGN KEY' and tc.table_schema = current_schema()`.execute(db);
    for (const row of fks.rows) {
      const set = references.get(row.table_name) ?? new Set<string>();
      set.add(row.referenced);
      references.set(row.table_name, set);
    }
  }
  const orgTables = [...columns.keys()].filter((t) => columns.get(t)!.includes('org_id')).sort();
  const ordered: string[] = [];
  const visiting = new Set<string>();
  const visit = (table: string) => {
    if (ordered.includes(table) || visiting.has(table)) return;
    visiting.add(table);
    for (const ref of references.get(table) ?? []) if (orgTables.includes(ref) && ref !== table) visit(ref);
    ordered.push(table);
  };
  for (const t of orgTables) visit(t);
  return ordered.map((name) => ({ name, columns: columns.get(name)! }));
}
