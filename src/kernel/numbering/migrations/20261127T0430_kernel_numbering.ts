import type { Kysely } from 'kysely';
import { columnTypes } from '../../db/columns.ts';
import type { Dialect } from '../../db/connect.ts';

// biome-ignore lint/suspicious/noExplicitAny: frozen migration
export async function up(db: Kysely<any>, dialect: Dialect): Promise<void> {
  const t = columnTypes(dialect);
  await db.schema
    .createTable('numbering_counter')
    .addColumn('org_id', t.id, (c) => c.notNull().references('organisation.org_id'))
    .addColumn('sequence', t.text, (c) => c.notNull())
    .addColumn('next_value', t.int, (c) => c.notNull())
    .addPrimaryKeyConstraint('numbering_counter_pk', ['org_id', 'sequence'])
    .execute();
}
