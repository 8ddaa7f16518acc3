import { type Kysely, sql } from 'kysely';
import { columnTypes } from '../../../../kernel/db/columns.ts';
import type { Dialect } from '../../../../kernel/db/connect.ts';

// Shared physical resources (2.3.t3): the catalogue (equipment, keys, vehicles, rooms), their loans
// (check-out, check-in) and their bookings for a future period (decision 0043).

// biome-ignore lint/suspicious/noExplicitAny: frozen migration
export async function up(db: Kysely<any>, dialect: Dialect): Promise<void> {
  const t = columnTypes(dialect);
  const states = sql`('good','worn','damaged','out_of_service')`;
  await db.schema
    .createTable('production_shared_resource')
    .addColumn('org_id', t.id, (c) => c.notNull().references('organisation.org_id'))
    .addColumn('id', t.id, (c) => c.notNull())
    .addColumn('name', t.text, (c) => c.notNull())
    .addColumn('category', t.text, (c) =>
      c.notNull().check(sql`category in ('equipment','key','vehicle','room','other')`),
    )
    // Serial number, key number, registration plate…
    .addColumn('identifier', t.text)
    .addColumn('location', t.text)
    .addColumn('state', t.text, (c) => c.notNull().check(sql`state in ${states}`))
    .addColumn('notes', t.text)
    .addColumn('created_at', t.instant, (c) => c.notNull())
    .addColumn('created_by', t.id)
    .addColumn('updated_at', t.instant, (c) => c.notNull())
    .addPrimaryKeyConstraint('production_shared_resource_pk', ['org_id', 'id'])
    .execute();

  await db.schema
    .createTable('production_resource_loan')
    .addColumn('org_id', t.id, (c) => c.notNull())
    .addColumn('id', t.id, (c) => c.notNull())
    .addColumn('resource_id', t.id, (c) => c.notNull())
    // An employee of the register, or a named person (borrower_name alone).
    .addColumn('employee_id', t.id)
    .addColumn('borrower_name', t.text, (c) => c.notNull())
    .addColumn('out_on', t.date, (c) => c.notNull())
    .addColumn('due_on', t.date, (c) => c.notNull())
    .addColumn('state_out', t.text, (c) => c.notNull().check(sql`state_out in ${states}`))
    .addColumn('remarks_out', t.text)
    .addColumn('returned_on', t.date)
    .addColumn('state_returned', t.text, (c) => c.check(sql`state_returned in ${states}`))
    .addColumn('remarks_returned', t.text)
    .addColumn('created_at', t.instant, (c) => c.notNull())
    .addColumn('created_by', t.id)
    .addColumn('returned_at', t.instant)
    .addColumn('returned_by', t.id)
    .addPrimaryKeyConstraint('production_resource_loan_pk', ['org_id', 'id'])
    .addForeignKeyConstraint(
      'production_resource_loan_resource_fk',
      ['org_id', 'resource_id'],
      'production_shared_resource',
      ['org_id', 'id'],
    )
    .addForeignKeyConstraint(
      'production_resource_loan_employee_fk',
      ['org_id', 'employee_id'],
      'personnel_employee',
      ['org_id', 'id'],
    )
    .addCheckConstraint('production_resource_loan_dates_ck', sql`due_on >= out_on`)
    .execute();
  // One open loan per resource, whatever the application does: the second insert fails.
  await db.schema
    .createIndex('production_resource_loan_open_uq')
    .on('production_resource_loan')
    .columns(['org_id', 'resource_id'])
    .unique()
    .where(sql.ref('returned_on'), 'is', null)
    .execute();
  await db.schema
    .createIndex('production_resource_loan_dates_idx')
    .on('production_resource_loan')
    .columns(['org_id', 'out_on'])
    .execute();

  await db.schema
    .createTable('production_resource_booking')
    .addColumn('org_id', t.id, (c) => c.notNull())
    .addColumn('id', t.id, (c) => c.notNull())
    .addColumn('resource_id', t.id, (c) => c.notNull())
    .addColumn('employee_id', t.id)
    .addColumn('borrower_name', t.text, (c) => c.notNull())
    .addColumn('from_date', t.date, (c) => c.notNull())
    .addColumn('to_date', t.date, (c) => c.notNull())
    .addColumn('purpose', t.text)
    .addColumn('status', t.text, (c) => c.notNull().check(sql`status in ('booked','cancelled')`))
    .addColumn('created_at', t.instant, (c) => c.notNull())
    .addColumn('created_by', t.id)
    .addColumn('cancelled_at', t.instant)
    .addPrimaryKeyConstraint('production_resource_booking_pk', ['org_id', 'id'])
    .addForeignKeyConstraint(
      'production_resource_booking_resource_fk',
      ['org_id', 'resource_id'],
      'production_shared_resource',
      ['org_id', 'id'],
    )
    .addForeignKeyConstraint(
      'production_resource_booking_employee_fk',
      ['org_id', 'employee_id'],
      'personnel_employee',
      ['org_id', 'id'],
    )
    .addCheckConstraint('production_resource_booking_dates_ck', sql`to_date >= from_date`)
    .execute();
  await db.schema
    .createIndex('production_resource_booking_resource_idx')
    .on('production_resource_booking')
    .columns(['org_id', 'resource_id', 'from_date'])
    .execute();
}
