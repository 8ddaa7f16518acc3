import { type Kysely, sql } from 'kysely';
import { columnTypes } from '../../../kernel/db/columns.ts';
import type { Dialect } from '../../../kernel/db/connect.ts';

// Travel orders (ordres de mission) and expense reports (notes de frais) with their lines (decision 0037).

// biome-ignore lint/suspicious/noExplicitAny: frozen migration
export async function up(db: Kysely<any>, dialect: Dialect): Promise<void> {
  const t = columnTypes(dialect);
  // biome-ignore lint/suspicious/noExplicitAny: frozen migration
  const entryFk = (table: string, column: string): [string, any[], string, any[]] => [
    `${table}_${column}_fk`,
    ['org_id', column],
    'ledger_entry',
    ['org_id', 'id'],
  ];

  await db.schema
    .createTable('personnel_travel_order')
    .addColumn('org_id', t.id, (c) => c.notNull().references('organisation.org_id'))
    .addColumn('id', t.id, (c) => c.notNull())
    // OM-2026-0001, given at approval.
    .addColumn('number', t.text)
    .addColumn('status', t.text, (c) =>
      c.notNull().check(sql`status in ('draft','approved','done','cancelled')`),
    )
    .addColumn('employee_id', t.id, (c) => c.notNull())
    .addColumn('purpose', t.text, (c) => c.notNull())
    .addColumn('destination', t.text, (c) => c.notNull())
    .addColumn('departure_date', t.date, (c) => c.notNull())
    .addColumn('return_date', t.date, (c) => c.notNull())
    .addColumn('transport', t.text, (c) => c.notNull())
    // The personal car's fiscal horsepower (CV) and whether it is 100 % electric.
    .addColumn('fiscal_power', t.int)
    .addColumn('electric', t.flag, (c) => c.notNull())
    .addColumn('estimated_cost', t.money, (c) => c.notNull().check(sql`estimated_cost >= 0`))
    .addColumn('advance', t.money, (c) => c.notNull().check(sql`advance >= 0`))
    .addColumn('advance_paid_on', t.date)
    .addColumn('advance_entry_id', t.id)
    .addColumn('approved_at', t.instant)
    .addColumn('approved_by', t.id)
    .addColumn('created_at', t.instant, (c) => c.notNull())
    .addColumn('created_by', t.id)
    .addColumn('updated_at', t.instant, (c) => c.notNull())
    .addPrimaryKeyConstraint('personnel_travel_order_pk', ['org_id', 'id'])
    .addForeignKeyConstraint(
      'personnel_travel_order_employee_fk',
      ['org_id', 'employee_id'],
      'personnel_employee',
      ['org_id', 'id'],
    )
    .addForeignKeyConstraint(...entryFk('personnel_travel_order', 'advance_entry_id'))
    .execute();
  await db.schema
    .createIndex('personnel_travel_order_number_uq')
    .on('personnel_travel_order')
    .columns(['org_id', 'number'])
    .unique()
    .execute();
  await db.schema
    .createIndex('personnel_travel_order_employee_idx')
    .on('personnel_travel_order')
    .columns(['org_id', 'employee_id', 'departure_date'])
    .execute();

  await db.schema
    .createTable('personnel_expense_report')
    .addColumn('org_id', t.id, (c) => c.notNull().references('organisation.org_id'))
    .addColumn('id', t.id, (c) => c.notNull())
    // NDF-2026-0001, gap-free, given at validation.
    .addColumn('number', t.text)
    .addColumn('status', t.text, (c) =>
      c.notNull().check(sql`status in ('draft','validated','reimbursed','cancelled')`),
    )
    .addColumn('employee_id', t.id, (c) => c.notNull())
    .addColumn('travel_order_id', t.id)
    .addColumn('title', t.text, (c) => c.notNull())
    .addColumn('report_date', t.date, (c) => c.notNull())
    // Fixed at validation (a draft's are recomputed on each read).
    .addColumn('total', t.money, (c) => c.notNull())
    .addColumn('total_vat', t.money, (c) => c.notNull())
    .addColumn('ledger_entry_id', t.id)
    .addColumn('reimbursed_on', t.date)
    .addColumn('reimbursement_method', t.text)
    .addColumn('advance_deducted', t.money)
    .addColumn('reimbursement_entry_id', t.id)
    .addColumn('cancelled_on', t.date)
    .addColumn('cancellation_entry_id', t.id)
    .addColumn('validated_at', t.instant)
    .addColumn('validated_by', t.id)
    .addColumn('created_at', t.instant, (c) => c.notNull())
    .addColumn('created_by', t.id)
    .addColumn('updated_at', t.instant, (c) => c.notNull())
    .addPrimaryKeyConstraint('personnel_expense_report_pk', ['org_id', 'id'])
    .addForeignKeyConstraint(
      'personnel_expense_report_employee_fk',
      ['org_id', 'employee_id'],
      'personnel_employee',
      ['org_id', 'id'],
    )
    .addForeignKeyConstraint(
      'personnel_expense_report_order_fk',
      ['org_id', 'travel_order_id'],
      'personnel_travel_order',
      ['org_id', 'id'],
    )
    .addForeignKeyConstraint(...entryFk('personnel_expense_report', 'ledger_entry_id'))
    .addForeignKeyConstraint(...entryFk('personnel_expense_report', 'reimbursement_entry_id'))
    .addForeignKeyConstraint(...entryFk('personnel_expense_report', 'cancellation_entry_id'))
    .addCheckConstraint(
      'personnel_expense_report_validated_ck',
      sql`status = 'draft' or (number is not null and ledger_entry_id is not null)`,
    )
    .execute();
  await db.schema
    .createIndex('personnel_expense_report_number_uq')
    .on('personnel_expense_report')
    .columns(['org_id', 'number'])
    .unique()
    .execute();
  await db.schema
    .createIndex('personnel_expense_report_employee_idx')
    .on('personnel_expense_report')
    .columns(['org_id', 'employee_id', 'status'])
    .execute();

  await db.schema
    .createTable('personnel_expense_line')
    .addColumn('org_id', t.id, (c) => c.notNull())
    .addColumn('id', t.id, (c) => c.notNull())
    .addColumn('report_id', t.id, (c) => c.notNull())
    .addColumn('position', t.int, (c) => c.notNull())
    .addColumn('kind', t.text, (c) =>
      c.notNull().check(sql`kind in ('mileage','meal','lodging','transport','toll_parking','other')`),
    )
    .addColumn('line_date', t.date, (c) => c.notNull())
    .addColumn('label', t.text)
    .addColumn('from_place', t.text)
    .addColumn('to_place', t.text)
    .addColumn('km', t.int)
    .addColumn('fiscal_power', t.int)
    .addColumn('electric', t.flag, (c) => c.notNull())
    .addColumn('meal_type', t.text)
    // Incl. VAT as paid; for mileage, the allowance computed at validation (null on a draft).
    .addColumn('amount', t.money)
    .addColumn('vat', t.money, (c) => c.notNull())
    // Mileage: the vehicle's kilometres of the year before this line, at validation.
    .addColumn('km_before', t.int)
    .addPrimaryKeyConstraint('personnel_expense_line_pk', ['org_id', 'id'])
    .addForeignKeyConstraint(
      'personnel_expense_line_report_fk',
      ['org_id', 'report_id'],
      'personnel_expense_report',
      ['org_id', 'id'],
    )
    .execute();
  await db.schema
    .createIndex('personnel_expense_line_report_idx')
    .on('personnel_expense_line')
    .columns(['org_id', 'report_id', 'position'])
    .execute();
}
