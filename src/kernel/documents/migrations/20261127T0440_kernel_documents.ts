import type { Kysely } from 'kysely';
import { columnTypes } from '../../db/columns.ts';
import type { Dialect } from '../../db/connect.ts';

// biome-ignore lint/suspicious/noExplicitAny: frozen migration
export async function up(db: Kysely<any>, dialect: Dialect): Promise<void> {
  const t = columnTypes(dialect);
  // The bytes live on disk under their SHA-256; this row says who owns which file under which name.
  await db.schema
    .createTable('document')
    .addColumn('org_id', t.id, (c) => c.notNull().references('organisation.org_id'))
    .addColumn('id', t.id, (c) => c.notNull())
    .addColumn('sha256', t.text, (c) => c.notNull())
    .addColumn('file_name', t.text, (c) => c.notNull())
    .addColumn('media_type', t.text, (c) => c.notNull())
    .addColumn('size', t.int, (c) => c.notNull())
    .addColumn('created_by', t.id)
    .addColumn('created_at', t.instant, (c) => c.notNull())
    .addPrimaryKeyConstraint('document_pk', ['org_id', 'id'])
    .execute();
}
