import { type Kysely, sql } from 'kysely';
import { columnTypes } from '../../../kernel/db/columns.ts';
import type { Dialect } from '../../../kernel/db/connect.ts';

// biome-ignore lint/suspicious/noExplicitAny: frozen migration
export async function up(db: Kysely<any>, dialect: Dialect): Promise<void> {
  const t = columnTypes(dialect);
  await db.schema
    .createTable('relations_publication')
    .addColumn('org_id', t.id, (c) => c.notNull().references('organisation.org_id'))
    .addColumn('id', t.id, (c) => c.notNull())
    .addColumn('channel', t.text, (c) =>
      c
        .notNull()
        .check(sql`channel in ('website','facebook','instagram','linkedin','newsletter','notice_board')`),
    )
    .addColumn('title', t.text, (c) => c.notNull())
    .addColumn('body', t.text, (c) => c.notNull())
    .addColumn('scheduled_on', t.date)
    .addColumn('scheduled_time', t.text)
    .addColumn('status', t.text, (c) =>
      c.notNull().check(sql`status in ('draft','scheduled','published','cancelled')`),
    )
    .addColumn('published_at', t.instant)
    .addColumn('created_at', t.instant, (c) => c.notNull())
    .addColumn('created_by', t.id)
    .addColumn('updated_at', t.instant, (c) => c.notNull())
    .addPrimaryKeyConstraint('relations_publication_pk', ['org_id', 'id'])
    .addCheckConstraint(
      'relations_publication_scheduled_ck',
      sql`status not in ('scheduled','published') or scheduled_on is not null`,
    )
    .execute();
  await db.schema
    .createIndex('relations_publication_calendar_idx')
    .on('relations_publication')
    .columns(['org_id', 'scheduled_on'])
    .execute();
}
