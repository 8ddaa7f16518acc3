import { type Kysely, sql } from 'kysely';
import { columnTypes } from '../../../kernel/db/columns.ts';
import type { Dialect } from '../../../kernel/db/connect.ts';

// Leave and absences of the employees (area 3, 3.2.t1): one row per request, from its request to its
// decision or cancellation (decision 0038).

// biome-ignore lint/suspicious/noExplicitAny: frozen migration
export async function up(db: Kysely<any>, dialect: Dialect): Promise<void> {
  const t = columnTypes(dialect);
  await db.schema
    .createTable('personnel_leave_request')
    .addColumn('org_id', t.id, (c) => c.notNull().references('organisation.org_id'))
    .addColumn('id', t.id, (c) => c.notNull())
    .addColumn('employee_id', t.id, (c) => c.notNull())
    .addColumn('type', t.text, (c) =>
      c
        .notNull()
        .check(sql`type in ('paid_leave','unpaid_leave','sick_leave','family_event','training','other')`),
    )
    .addColumn('status', t.text, (c) =>
      c.notNull().check(sql`status in ('requested','approved','refused','cancelled')`),
    )
    .addColumn('start_date', t.date, (c) => c.notNull())
    .addColumn('end_date', t.date, (c) => c.notNull())
    // Half-days: the first day from noon, the last day until noon (flags 0/1).
    .addColumn('starts_afternoon', t.flag, (c) => c.notNull().check(sql`starts_afternoon in (0,1)`))
    .addColumn('ends_morning', t.flag, (c) => c.notNull().check(sql`ends_morning in (0,1)`))
    // The days it counts, in half-days: jours ouvrables for paid leave, jours ouvrés for the others.
    .addColumn('half_days', t.int, (c) => c.notNull().check(sql`half_days > 0`))
    .addColumn('comment', t.text)
    .addColumn('decided_at', t.instant)
    .addColumn('decided_by', t.id)
    // Why a request was refused (required), or a note on its approval.
    .addColumn('decision_reason', t.text)
    .addColumn('cancelled_at', t.instant)
    .addColumn('cancelled_by', t.id)
    .addColumn('cancel_reason', t.text)
    .addColumn('created_at', t.instant, (c) => c.notNull())
    .addColumn('created_by', t.id)
    .addColumn('updated_at', t.instant, (c) => c.notNull())
    .addPrimaryKeyConstraint('personnel_leave_request_pk', ['org_id', 'id'])
    .addForeignKeyConstraint(
      'personnel_leave_request_employee_fk',
      ['org_id', 'employee_id'],
      'personnel_employee',
      ['org_id', 'id'],
    )
    .addCheckConstraint('personnel_leave_request_dates_ck', sql`end_date >= start_date`)
    .execute();
  await db.schema
    .createIndex('personnel_leave_request_employee_idx')
    .on('personnel_leave_request')
    .columns(['org_id', 'employee_id', 'start_date'])
    .execute();
  await db.schema
    .createIndex('personnel_leave_request_dates_idx')
    .on('personnel_leave_request')
    .columns(['org_id', 'start_date', 'end_date'])
    .execute();
}
