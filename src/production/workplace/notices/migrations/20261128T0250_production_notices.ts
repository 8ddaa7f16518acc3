import { type Kysely, sql } from 'kysely';
import { columnTypes } from '../../../../kernel/db/columns.ts';
import type { Dialect } from '../../../../kernel/db/connect.ts';

// Internal notices with their read acknowledgements, and the mandatory staff postings (2.3.t5, 3.3.t1,
// decision 0044).

// biome-ignore lint/suspicious/noExplicitAny: frozen migration
export async function up(db: Kysely<any>, dialect: Dialect): Promise<void> {
  const t = columnTypes(dialect);
  await db.schema
    .createTable('production_notice')
    .addColumn('org_id', t.id, (c) => c.notNull().references('organisation.org_id'))
    .addColumn('id', t.id, (c) => c.notNull())
    // NS-2026-001, given at publication (gap-free per year of publication); null while a draft.
    .addColumn('number', t.text)
    .addColumn('title', t.text, (c) => c.notNull())
    .addColumn('category', t.text, (c) =>
      c.notNull().check(sql`category in ('organisation','safety','social','event','other')`),
    )
    .addColumn('audience', t.text, (c) => c.notNull().check(sql`audience in ('everyone','staff','service')`))
    .addColumn('service', t.text)
    .addColumn('author', t.text, (c) => c.notNull())
    .addColumn('body', t.text, (c) => c.notNull())
    .addColumn('publish_on', t.date, (c) => c.notNull())
    .addColumn('expires_on', t.date)
    .addColumn('pinned', t.flag, (c) => c.notNull().check(sql`pinned in (0,1)`))
    .addColumn('status', t.text, (c) => c.notNull().check(sql`status in ('draft','published')`))
    .addColumn('published_at', t.instant)
    .addColumn('created_at', t.instant, (c) => c.notNull())
    .addColumn('created_by', t.id)
    .addColumn('updated_at', t.instant, (c) => c.notNull())
    .addPrimaryKeyConstraint('production_notice_pk', ['org_id', 'id'])
    .addUniqueConstraint('production_notice_number_uq', ['org_id', 'number'])
    .execute();
  await db.schema
    .createTable('production_notice_ack')
    .addColumn('org_id', t.id, (c) => c.notNull())
    .addColumn('id', t.id, (c) => c.notNull())
    .addColumn('notice_id', t.id, (c) => c.notNull())
    .addColumn('employee_id', t.id, (c) => c.notNull())
    .addColumn('read_at', t.instant, (c) => c.notNull())
    .addPrimaryKeyConstraint('production_notice_ack_pk', ['org_id', 'id'])
    .addUniqueConstraint('production_notice_ack_uq', ['org_id', 'notice_id', 'employee_id'])
    .addForeignKeyConstraint(
      'production_notice_ack_notice_fk',
      ['org_id', 'notice_id'],
      'production_notice',
      ['org_id', 'id'],
    )
    .addForeignKeyConstraint(
      'production_notice_ack_employee_fk',
      ['org_id', 'employee_id'],
      'personnel_employee',
      ['org_id', 'id'],
    )
    .execute();
  await db.schema
    .createTable('production_staff_posting')
    .addColumn('org_id', t.id, (c) => c.notNull().references('organisation.org_id'))
    .addColumn('id', t.id, (c) => c.notNull())
    .addColumn('code', t.text, (c) => c.notNull())
    .addColumn('posted_on', t.date, (c) => c.notNull())
    .addColumn('location', t.text)
    .addColumn('note', t.text)
    .addColumn('updated_at', t.instant, (c) => c.notNull())
    .addColumn('updated_by', t.id)
    .addPrimaryKeyConstraint('production_staff_posting_pk', ['org_id', 'id'])
    .addUniqueConstraint('production_staff_posting_code_uq', ['org_id', 'code'])
    .execute();
}
