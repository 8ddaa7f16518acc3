import type { Kysely } from 'kysely';
import { columnTypes } from '../../db/columns.ts';
import type { Dialect } from '../../db/connect.ts';

// biome-ignore lint/suspicious/noExplicitAny: frozen migration
export async function up(db: Kysely<any>, dialect: Dialect): Promise<void> {
  const t = columnTypes(dialect);
  // One head row per organisation: updating it serialises appends (row lock on PostgreSQL,
  // write lock on SQLite) so the chain never forks.
  await db.schema
    .createTable('audit_head')
    .addColumn('org_id', t.id, (c) => c.primaryKey().notNull().references('organisation.org_id'))
    .addColumn('last_seq', t.int, (c) => c.notNull())
    .addColumn('last_hash', t.text, (c) => c.notNull())
    .execute();
  await db.schema
    .createTable('audit_event')
    .addColumn('org_id', t.id, (c) => c.notNull().references('organisation.org_id'))
    .addColumn('seq', t.int, (c) => c.notNull())
    .addColumn('at', t.instant, (c) => c.notNull())
    .addColumn('actor_id', t.id)
    .addColumn('action', t.text, (c) => c.notNull())
    .addColumn('entity', t.text, (c) => c.notNull())
    .addColumn('entity_id', t.text, (c) => c.notNull())
    .addColumn('before_json', t.json)
    .addColumn('after_json', t.json)
    .addColumn('prev_hash', t.text, (c) => c.notNull())
    .addColumn('hash', t.text, (c) => c.notNull())
    .addPrimaryKeyConstraint('audit_event_pk', ['org_id', 'seq'])
    .execute();
  await db.schema
    .createIndex('audit_event_entity_idx')
    .on('audit_event')
    .columns(['org_id', 'entity', 'entity_id'])
    .execute();
}
