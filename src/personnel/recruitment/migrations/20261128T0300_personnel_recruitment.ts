import { type Kysely, sql } from 'kysely';
import { columnTypes } from '../../../kernel/db/columns.ts';
import type { Dialect } from '../../../kernel/db/connect.ts';

// Recruitment (area 3, 3.1.t1): job openings, their applicants and the interviews (decision 0045).

// biome-ignore lint/suspicious/noExplicitAny: frozen migration
export async function up(db: Kysely<any>, dialect: Dialect): Promise<void> {
  const t = columnTypes(dialect);
  await db.schema
    .createTable('personnel_job_opening')
    .addColumn('org_id', t.id, (c) => c.notNull().references('organisation.org_id'))
    .addColumn('id', t.id, (c) => c.notNull())
    .addColumn('title', t.text, (c) => c.notNull())
    .addColumn('service', t.text)
    .addColumn('contract_type', t.text, (c) =>
      c.notNull().check(sql`contract_type in ('cdi','cdd','apprenticeship','internship')`),
    )
    .addColumn('weekly_hours', t.int, (c) => c.notNull())
    .addColumn('salary_min', t.int)
    .addColumn('salary_max', t.int)
    .addColumn('place', t.text)
    .addColumn('description', t.text, (c) => c.notNull())
    .addColumn('channels', t.text, (c) => c.notNull())
    .addColumn('opens_on', t.date)
    .addColumn('closes_on', t.date)
    .addColumn('status', t.text, (c) =>
      c.notNull().check(sql`status in ('draft','published','closed','filled')`),
    )
    .addColumn('published_at', t.instant)
    .addColumn('created_at', t.instant, (c) => c.notNull())
    .addColumn('created_by', t.id)
    .addColumn('updated_at', t.instant, (c) => c.notNull())
    .addPrimaryKeyConstraint('personnel_job_opening_pk', ['org_id', 'id'])
    .execute();
  await db.schema
    .createTable('personnel_applicant')
    .addColumn('org_id', t.id, (c) => c.notNull().references('organisation.org_id'))
    .addColumn('id', t.id, (c) => c.notNull())
    .addColumn('opening_id', t.id, (c) => c.notNull())
    .addColumn('last_name', t.text, (c) => c.notNull())
    .addColumn('first_name', t.text, (c) => c.notNull())
    .addColumn('email', t.text)
    .addColumn('phone', t.text)
    .addColumn('cv_received_on', t.date, (c) => c.notNull())
    .addColumn('source', t.text)
    .addColumn('status', t.text, (c) =>
      c.notNull().check(sql`status in ('received','preselected','interview','offer','hired','refused')`),
    )
    .addColumn('refused_on', t.date)
    .addColumn('last_contact_on', t.date, (c) => c.notNull())
    .addColumn('employee_id', t.id)
    .addColumn('notes', t.text)
    .addColumn('created_at', t.instant, (c) => c.notNull())
    .addColumn('created_by', t.id)
    .addColumn('updated_at', t.instant, (c) => c.notNull())
    .addPrimaryKeyConstraint('personnel_applicant_pk', ['org_id', 'id'])
    .addForeignKeyConstraint(
      'personnel_applicant_opening_fk',
      ['org_id', 'opening_id'],
      'personnel_job_opening',
      ['org_id', 'id'],
    )
    .addForeignKeyConstraint(
      'personnel_applicant_employee_fk',
      ['org_id', 'employee_id'],
      'personnel_employee',
      ['org_id', 'id'],
    )
    .execute();
  await db.schema
    .createIndex('personnel_applicant_opening_idx')
    .on('personnel_applicant')
    .columns(['org_id', 'opening_id'])
    .execute();
  await db.schema
    .createTable('personnel_applicant_interview')
    .addColumn('org_id', t.id, (c) => c.notNull().references('organisation.org_id'))
    .addColumn('id', t.id, (c) => c.notNull())
    .addColumn('applicant_id', t.id, (c) => c.notNull())
    .addColumn('held_on', t.date, (c) => c.notNull())
    .addColumn('interviewers', t.text, (c) => c.notNull())
    .addColumn('notes', t.text)
    .addColumn('created_at', t.instant, (c) => c.notNull())
    .addColumn('created_by', t.id)
    .addPrimaryKeyConstraint('personnel_applicant_interview_pk', ['org_id', 'id'])
    .addForeignKeyConstraint(
      'personnel_applicant_interview_applicant_fk',
      ['org_id', 'applicant_id'],
      'personnel_applicant',
      ['org_id', 'id'],
    )
    .execute();
}
