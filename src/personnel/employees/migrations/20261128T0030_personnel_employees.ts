import { type Kysely, sql } from 'kysely';
import { columnTypes } from '../../../kernel/db/columns.ts';
import type { Dialect } from '../../../kernel/db/connect.ts';

// The employees of an organisation (area 3): the personnel file and the registre unique du personnel
// (C. trav. L1221-13, D1221-23 — decision 0035).

// biome-ignore lint/suspicious/noExplicitAny: frozen migration
export async function up(db: Kysely<any>, dialect: Dialect): Promise<void> {
  const t = columnTypes(dialect);
  await db.schema
    .createTable('personnel_employee')
    .addColumn('org_id', t.id, (c) => c.notNull().references('organisation.org_id'))
    .addColumn('id', t.id, (c) => c.notNull())
    // The order number of the registre unique du personnel: given at entry, gap-free, never reused.
    .addColumn('register_number', t.int, (c) => c.notNull())
    .addColumn('last_name', t.text, (c) => c.notNull())
    .addColumn('first_name', t.text, (c) => c.notNull())
    .addColumn('sex', t.text, (c) => c.notNull().check(sql`sex in ('F','M')`))
    .addColumn('birth_date', t.date, (c) => c.notNull())
    .addColumn('nationality', t.text, (c) => c.notNull())
    // NIR, 15 characters with its key; checked by the contract.
    .addColumn('social_security_number', t.text)
    .addColumn('email', t.text)
    .addColumn('phone', t.text)
    .addColumn('address', t.text)
    .addColumn('job_title', t.text, (c) => c.notNull())
    .addColumn('qualification', t.text)
    .addColumn('category', t.text, (c) => c.notNull().check(sql`category in ('employee','executive')`))
    .addColumn('contract_type', t.text, (c) =>
      c.notNull().check(sql`contract_type in ('cdi','cdd','apprenticeship','internship')`),
    )
    // Hundredths of an hour a week: 3500 is full time (35 h).
    .addColumn('weekly_hours', t.int, (c) =>
      c.notNull().check(sql`weekly_hours > 0 and weekly_hours <= 4800`),
    )
    // Base monthly gross pay in cents (an internship's gratification for interns).
    .addColumn('monthly_gross', t.money, (c) => c.notNull().check(sql`monthly_gross >= 0`))
    // Rate of the withholding tax (prélèvement à la source) in hundredths of a percent: 750 is 7,50 %.
    .addColumn('tax_rate', t.int, (c) => c.notNull().check(sql`tax_rate >= 0 and tax_rate <= 4300`))
    .addColumn('hire_date', t.date, (c) => c.notNull())
    // The planned end of a fixed-term contract, apprenticeship or internship.
    .addColumn('contract_end', t.date)
    // The day the employee left, and why.
    .addColumn('left_on', t.date)
    .addColumn('departure_reason', t.text)
    // A foreign worker's work permit: its type and number (register mention).
    .addColumn('work_permit', t.text)
    .addColumn('created_at', t.instant, (c) => c.notNull())
    .addColumn('created_by', t.id)
    .addColumn('updated_at', t.instant, (c) => c.notNull())
    .addPrimaryKeyConstraint('personnel_employee_pk', ['org_id', 'id'])
    .addCheckConstraint(
      'personnel_employee_departure_ck',
      sql`(left_on is null and departure_reason is null) or (left_on is not null and departure_reason is not null)`,
    )
    .execute();
  await db.schema
    .createIndex('personnel_employee_register_uq')
    .on('personnel_employee')
    .columns(['org_id', 'register_number'])
    .unique()
    .execute();
  await db.schema
    .createIndex('personnel_employee_name_idx')
    .on('personnel_employee')
    .columns(['org_id', 'last_name', 'first_name'])
    .execute();
}
