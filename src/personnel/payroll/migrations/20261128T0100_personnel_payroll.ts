import { type Kysely, sql } from 'kysely';
import { columnTypes } from '../../../kernel/db/columns.ts';
import type { Dialect } from '../../../kernel/db/connect.ts';

// Pay runs (one per month), their payslips with the figures as computed and the contribution lines
// (decision 0036).

// biome-ignore lint/suspicious/noExplicitAny: frozen migration
export async function up(db: Kysely<any>, dialect: Dialect): Promise<void> {
  const t = columnTypes(dialect);
  await db.schema
    .createTable('personnel_pay_run')
    .addColumn('org_id', t.id, (c) => c.notNull().references('organisation.org_id'))
    .addColumn('id', t.id, (c) => c.notNull())
    // The month paid, 'YYYY-MM'.
    .addColumn('month', t.text, (c) => c.notNull())
    .addColumn('status', t.text, (c) => c.notNull().check(sql`status in ('draft','validated','cancelled')`))
    // The organisation's payroll settings for the month, frozen with the run.
    .addColumn('headcount_band', t.text, (c) =>
      c.notNull().check(sql`headcount_band in ('lt11','11to49','ge50')`),
    )
    // Hundredths of a percent (0,70 % is 70).
    .addColumn('at_mp_rate', t.int, (c) => c.notNull().check(sql`at_mp_rate >= 0 and at_mp_rate <= 2000`))
    .addColumn('mobility_rate', t.int, (c) =>
      c.notNull().check(sql`mobility_rate >= 0 and mobility_rate <= 500`),
    )
    .addColumn('ledger_entry_id', t.id)
    .addColumn('payment_entry_id', t.id)
    .addColumn('paid_on', t.date)
    .addColumn('cancellation_entry_id', t.id)
    .addColumn('cancelled_on', t.date)
    .addColumn('validated_at', t.instant)
    .addColumn('validated_by', t.id)
    .addColumn('created_at', t.instant, (c) => c.notNull())
    .addColumn('created_by', t.id)
    .addColumn('updated_at', t.instant, (c) => c.notNull())
    .addPrimaryKeyConstraint('personnel_pay_run_pk', ['org_id', 'id'])
    .addForeignKeyConstraint('personnel_pay_run_entry_fk', ['org_id', 'ledger_entry_id'], 'ledger_entry', [
      'org_id',
      'id',
    ])
    .addForeignKeyConstraint('personnel_pay_run_payment_fk', ['org_id', 'payment_entry_id'], 'ledger_entry', [
      'org_id',
      'id',
    ])
    .addForeignKeyConstraint(
      'personnel_pay_run_cancel_fk',
      ['org_id', 'cancellation_entry_id'],
      'ledger_entry',
      ['org_id', 'id'],
    )
    .addCheckConstraint(
      'personnel_pay_run_validated_ck',
      sql`status = 'draft' or ledger_entry_id is not null`,
    )
    .execute();
  // One live run per month: a cancelled run frees its month for the corrected one.
  await db.schema
    .createIndex('personnel_pay_run_month_uq')
    .on('personnel_pay_run')
    .columns(['org_id', 'month'])
    .unique()
    .where(sql.ref('status'), '<>', 'cancelled')
    .execute();

  await db.schema
    .createTable('personnel_payslip')
    .addColumn('org_id', t.id, (c) => c.notNull())
    .addColumn('id', t.id, (c) => c.notNull())
    .addColumn('pay_run_id', t.id, (c) => c.notNull())
    .addColumn('employee_id', t.id, (c) => c.notNull())
    // Gap-free BP-2026-0001, given at validation.
    .addColumn('number', t.text)
    // The employee's file as paid (the file may change afterwards; the payslip does not).
    .addColumn('register_number', t.int, (c) => c.notNull())
    .addColumn('last_name', t.text, (c) => c.notNull())
    .addColumn('first_name', t.text, (c) => c.notNull())
    .addColumn('job_title', t.text, (c) => c.notNull())
    .addColumn('qualification', t.text)
    .addColumn('category', t.text, (c) => c.notNull())
    .addColumn('social_security_number', t.text)
    .addColumn('hire_date', t.date, (c) => c.notNull())
    .addColumn('weekly_hours', t.int, (c) => c.notNull())
    .addColumn('monthly_gross', t.money, (c) => c.notNull())
    .addColumn('tax_rate', t.int, (c) => c.notNull())
    // Pay items of the month: hundredths of an hour, cents.
    .addColumn('overtime25_hours', t.int, (c) => c.notNull())
    .addColumn('overtime50_hours', t.int, (c) => c.notNull())
    .addColumn('bonus', t.money, (c) => c.notNull())
    .addColumn('absence_hours', t.int, (c) => c.notNull())
    // The figures as computed (payslip-calc.ts).
    .addColumn('monthly_hours', t.int, (c) => c.notNull())
    .addColumn('hourly_rate', t.int, (c) => c.notNull())
    .addColumn('overtime25_pay', t.money, (c) => c.notNull())
    .addColumn('overtime50_pay', t.money, (c) => c.notNull())
    .addColumn('absence_deduction', t.money, (c) => c.notNull())
    .addColumn('gross', t.money, (c) => c.notNull())
    .addColumn('pss', t.money, (c) => c.notNull())
    .addColumn('smic', t.money, (c) => c.notNull())
    .addColumn('rgdu_coefficient', t.int, (c) => c.notNull())
    .addColumn('rgdu_amount', t.money, (c) => c.notNull())
    .addColumn('total_employee', t.money, (c) => c.notNull())
    .addColumn('total_employer', t.money, (c) => c.notNull())
    .addColumn('net_social', t.money, (c) => c.notNull())
    .addColumn('net_before_tax', t.money, (c) => c.notNull())
    .addColumn('taxable', t.money, (c) => c.notNull())
    // Overtime pay exempt of income tax (CGI 81 quater), already left out of `taxable`.
    .addColumn('overtime_tax_exempt', t.money, (c) => c.notNull())
    .addColumn('withholding_tax', t.money, (c) => c.notNull())
    .addColumn('net_to_pay', t.money, (c) => c.notNull())
    .addColumn('employer_cost', t.money, (c) => c.notNull())
    .addPrimaryKeyConstraint('personnel_payslip_pk', ['org_id', 'id'])
    .addForeignKeyConstraint('personnel_payslip_run_fk', ['org_id', 'pay_run_id'], 'personnel_pay_run', [
      'org_id',
      'id',
    ])
    .addForeignKeyConstraint(
      'personnel_payslip_employee_fk',
      ['org_id', 'employee_id'],
      'personnel_employee',
      ['org_id', 'id'],
    )
    .execute();
  await db.schema
    .createIndex('personnel_payslip_employee_uq')
    .on('personnel_payslip')
    .columns(['org_id', 'pay_run_id', 'employee_id'])
    .unique()
    .execute();
  await db.schema
    .createIndex('personnel_payslip_number_uq')
    .on('personnel_payslip')
    .columns(['org_id', 'number'])
    .unique()
    .execute();

  await db.schema
    .createTable('personnel_payslip_line')
    .addColumn('org_id', t.id, (c) => c.notNull())
    .addColumn('id', t.id, (c) => c.notNull())
    .addColumn('payslip_id', t.id, (c) => c.notNull())
    .addColumn('position', t.int, (c) => c.notNull())
    .addColumn('code', t.text, (c) => c.notNull())
    .addColumn('label', t.text, (c) => c.notNull())
    // The heading of the simplified payslip (health, retirement, …).
    .addColumn('grp', t.text, (c) => c.notNull())
    .addColumn('collector', t.text, (c) => c.notNull().check(sql`collector in ('urssaf','agirc_arrco')`))
    .addColumn('expense_account', t.text, (c) => c.notNull())
    .addColumn('base', t.money, (c) => c.notNull())
    // Thousandths of a percent (6,90 % is 6900).
    .addColumn('employee_rate', t.int)
    .addColumn('employee_amount', t.money, (c) => c.notNull())
    .addColumn('employer_rate', t.int)
    .addColumn('employer_amount', t.money, (c) => c.notNull())
    .addPrimaryKeyConstraint('personnel_payslip_line_pk', ['org_id', 'id'])
    .addForeignKeyConstraint(
      'personnel_payslip_line_slip_fk',
      ['org_id', 'payslip_id'],
      'personnel_payslip',
      ['org_id', 'id'],
    )
    .execute();
  await db.schema
    .createIndex('personnel_payslip_line_slip_idx')
    .on('personnel_payslip_line')
    .columns(['org_id', 'payslip_id', 'position'])
    .execute();
}
