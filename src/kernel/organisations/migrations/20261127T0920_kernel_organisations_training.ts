import type { Kysely } from 'kysely';
import { columnTypes } from '../../db/columns.ts';
import type { Dialect } from '../../db/connect.ts';

// Training mode (issue 5): a template organisation is the starting point of a scenario, never worked in
// by students; `simulated_today` is the scenario's "today", which forms use as their default date.
// biome-ignore lint/suspicious/noExplicitAny: frozen migration
export async function up(db: Kysely<any>, dialect: Dialect): Promise<void> {
  const t = columnTypes(dialect);
  await db.schema
    .alterTable('organisation')
    .addColumn('is_template', t.flag, (c) => c.notNull().defaultTo(0))
    .execute();
  await db.schema.alterTable('organisation').addColumn('simulated_today', t.date).execute();
}
