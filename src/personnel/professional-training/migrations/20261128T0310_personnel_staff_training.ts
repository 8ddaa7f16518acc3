import { type Kysely, sql } from 'kysely';
import { columnTypes } from '../../../kernel/db/columns.ts';
import type { Dialect } from '../../../kernel/db/connect.ts';

// Professional training of the staff (area 3, 3.1.t3) — not Agora's training mode: the actions of the
// plan de développement des compétences, who attends them, and the entretiens professionnels (decision 0045).

// biome-ignore lint/suspicious/noExplicitAny: frozen migration
export async function up(db: Kysely<any>, dialect: Dialect): Promise<void> {
  const t = columnTypes(dialect);
  await db.schema
    .createTable('personnel_staff_training_action')
    .addColumn('org_id', t.id, (c) => c.notNull().references('organisation.org_id'))
    .addColumn('id', t.id, (c) => c.notNull())
    .addColumn('title', t.text, (c) => c.notNull())
    .addColumn('provider', t.text, (c) => c.notNull())
    .addColumn('starts_on', t.date, (c) => c.notNull())
    .addColumn('ends_on', t.date, (c) => c.notNull())
    .addColumn('hours', t.int, (c) => c.notNull().check(sql`hours > 0`))
    .addColumn('cost', t.money, (c) => c.notNull().check(sql`cost >= 0`))
    .addColumn('funding', t.text, (c) => c.notNull().check(sql`funding in ('opco','cpf','employer')`))
    .addColumn('notes', t.text)
    .addColumn('created_at', t.instant, (c) => c.notNull())
    .addColumn('created_by', t.id)
    .addColumn('updated_at', t.instant, (c) => c.notNull())
    .addPrimaryKeyConstraint('personnel_staff_training_action_pk', ['org_id', 'id'])
    .addCheckConstraint('personnel_staff_training_action_dates_ck', sql`ends_on >= starts_on`)
    .execute();
  await db.schema
    .createTable('personnel_staff_training_enrolment')
    .addColumn('org_id', t.id, (c) => c.notNull().references('organisation.org_id'))
    .addColumn('id', t.id, (c) => c.notNull())
    .addColumn('action_id', t.id, (c) => c.notNull())
    .addColumn('employee_id', t.id, (c) => c.notNull())
    .addColumn('status', t.text, (c) => c.notNull().check(sql`status in ('planned','done','cancelled')`))
    .addColumn('attestation_received', t.flag, (c) => c.notNull().check(sql`attestation_received in (0,1)`))
    .addColumn('created_at', t.instant, (c) => c.notNull())
    .addColumn('updated_at', t.instant, (c) => c.notNull())
    .addPrimaryKeyConstraint('personnel_staff_training_enrolment_pk', ['org_id', 'id'])
    .addUniqueConstraint('personnel_staff_training_enrolment_uq', ['org_id', 'action_id', 'employee_id'])
    .addForeignKeyConstraint(
      'personnel_staff_training_enrolment_action_fk',
      ['org_id', 'action_id'],
      'personnel_staff_training_action',
      ['org_id', 'id'],
    )
    .addForeignKeyConstraint(
      'personnel_staff_training_enrolment_employee_fk',
      ['org_id', 'employee_id'],
      'personnel_employee',
      ['org_id', 'id'],
    )
    .execute();
  await db.schema
    .createTable('personnel_professional_review')
    .addColumn('org_id', t.id, (c) => c.notNull().references('organisation.org_id'))
    .addColumn('id', t.id, (c) => c.notNull())
    .addColumn('employee_id', t.id, (c) => c.notNull())
    .addColumn('kind', t.text, (c) => c.notNull().check(sql`kind in ('review','summary')`))
    .addColumn('held_on', t.date, (c) => c.notNull())
    .addColumn('notes', t.text)
    .addColumn('created_at', t.instant, (c) => c.notNull())
    .addColumn('created_by', t.id)
    .addPrimaryKeyConstraint('personnel_professional_review_pk', ['org_id', 'id'])
    .addForeignKeyConstraint(
      'personnel_professional_review_employee_fk',
      ['org_id', 'employee_id'],
      'personnel_employee',
      ['org_id', 'id'],
    )
    .execute();
}
