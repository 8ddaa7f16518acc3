import { type Kysely, sql } from 'kysely';
import { columnTypes } from '../../../kernel/db/columns.ts';
import type { Dialect } from '../../../kernel/db/connect.ts';

// Onboarding and offboarding checklists (area 3, 3.1.t1): the organisation's template and each
// employee's items with their due dates (decision 0045).

// biome-ignore lint/suspicious/noExplicitAny: frozen migration
export async function up(db: Kysely<any>, dialect: Dialect): Promise<void> {
  const t = columnTypes(dialect);
  const kind = sql`kind in ('onboarding','offboarding')`;
  await db.schema
    .createTable('personnel_checklist_template_item')
    .addColumn('org_id', t.id, (c) => c.notNull().references('organisation.org_id'))
    .addColumn('id', t.id, (c) => c.notNull())
    .addColumn('kind', t.text, (c) => c.notNull().check(kind))
    .addColumn('position', t.int, (c) => c.notNull())
    .addColumn('label', t.text, (c) => c.notNull())
    .addColumn('offset_months', t.int, (c) => c.notNull())
    .addColumn('offset_days', t.int, (c) => c.notNull())
    .addColumn('legal_ref', t.text)
    .addPrimaryKeyConstraint('personnel_checklist_template_item_pk', ['org_id', 'id'])
    .execute();
  await db.schema
    .createTable('personnel_checklist_item')
    .addColumn('org_id', t.id, (c) => c.notNull().references('organisation.org_id'))
    .addColumn('id', t.id, (c) => c.notNull())
    .addColumn('employee_id', t.id, (c) => c.notNull())
    .addColumn('kind', t.text, (c) => c.notNull().check(kind))
    .addColumn('position', t.int, (c) => c.notNull())
    .addColumn('label', t.text, (c) => c.notNull())
    .addColumn('legal_ref', t.text)
    .addColumn('due_on', t.date, (c) => c.notNull())
    .addColumn('status', t.text, (c) => c.notNull().check(sql`status in ('todo','done','not_applicable')`))
    .addColumn('done_on', t.date)
    .addColumn('done_by', t.id)
    .addColumn('done_by_name', t.text)
    .addColumn('created_at', t.instant, (c) => c.notNull())
    .addColumn('updated_at', t.instant, (c) => c.notNull())
    .addPrimaryKeyConstraint('personnel_checklist_item_pk', ['org_id', 'id'])
    .addForeignKeyConstraint(
      'personnel_checklist_item_employee_fk',
      ['org_id', 'employee_id'],
      'personnel_employee',
      ['org_id', 'id'],
    )
    .execute();
  await db.schema
    .createIndex('personnel_checklist_item_employee_idx')
    .on('personnel_checklist_item')
    .columns(['org_id', 'employee_id', 'kind'])
    .execute();
}
