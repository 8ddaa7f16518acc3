import { type Kysely, sql } from 'kysely';
import { columnTypes } from '../../kernel/db/columns.ts';
import type { Dialect } from '../../kernel/db/connect.ts';

/**
 * Training mode (issue 5, parts 1–4). Every row belongs to the school (the training organisation):
 * templates and sandboxes are organisations of their own, referenced by id, so copying a template or a
 * sandbox never drags training rows along. Later parts (situations, assessments, portfolio, PFMP) hang
 * off training_class, training_student and training_sandbox.
 */
// biome-ignore lint/suspicious/noExplicitAny: frozen migration
export async function up(db: Kysely<any>, dialect: Dialect): Promise<void> {
  const t = columnTypes(dialect);
  const key = (table: string): [string, ['org_id', 'id']] => [`${table}_pk`, ['org_id', 'id']];

  await db.schema
    .createTable('training_school_year')
    .addColumn('org_id', t.id, (c) => c.notNull().references('organisation.org_id'))
    .addColumn('id', t.id, (c) => c.notNull())
    .addColumn('label', t.text, (c) => c.notNull())
    .addColumn('starts_on', t.date, (c) => c.notNull())
    .addColumn('ends_on', t.date, (c) => c.notNull())
    .addColumn('created_at', t.instant, (c) => c.notNull())
    .addPrimaryKeyConstraint(...key('training_school_year'))
    .addUniqueConstraint('training_school_year_label_uq', ['org_id', 'label'])
    .execute();

  await db.schema
    .createTable('training_class')
    .addColumn('org_id', t.id, (c) => c.notNull())
    .addColumn('id', t.id, (c) => c.notNull())
    .addColumn('school_year_id', t.id, (c) => c.notNull())
    .addColumn('name', t.text, (c) => c.notNull())
    .addColumn('level', t.text, (c) => c.notNull().check(sql`level in ('seconde','premiere','terminale')`))
    .addColumn('referentiel_id', t.text, (c) => c.notNull())
    .addColumn('created_at', t.instant, (c) => c.notNull())
    .addPrimaryKeyConstraint(...key('training_class'))
    .addForeignKeyConstraint('training_class_year_fk', ['org_id', 'school_year_id'], 'training_school_year', [
      'org_id',
      'id',
    ])
    .addUniqueConstraint('training_class_name_uq', ['org_id', 'school_year_id', 'name'])
    .execute();

  // A class's teachers; the school's owner sees every class without being listed here.
  await db.schema
    .createTable('training_class_teacher')
    .addColumn('org_id', t.id, (c) => c.notNull())
    .addColumn('class_id', t.id, (c) => c.notNull())
    .addColumn('user_id', t.id, (c) => c.notNull().references('app_user.id'))
    .addColumn('created_at', t.instant, (c) => c.notNull())
    .addPrimaryKeyConstraint('training_class_teacher_pk', ['org_id', 'class_id', 'user_id'])
    .addForeignKeyConstraint('training_class_teacher_class_fk', ['org_id', 'class_id'], 'training_class', [
      'org_id',
      'id',
    ])
    .execute();
  await db.schema
    .createIndex('training_class_teacher_user_idx')
    .on('training_class_teacher')
    .column('user_id')
    .execute();

  await db.schema
    .createTable('training_group')
    .addColumn('org_id', t.id, (c) => c.notNull())
    .addColumn('id', t.id, (c) => c.notNull())
    .addColumn('class_id', t.id, (c) => c.notNull())
    .addColumn('name', t.text, (c) => c.notNull())
    .addColumn('created_at', t.instant, (c) => c.notNull())
    .addPrimaryKeyConstraint(...key('training_group'))
    .addForeignKeyConstraint('training_group_class_fk', ['org_id', 'class_id'], 'training_class', [
      'org_id',
      'id',
    ])
    .addUniqueConstraint('training_group_name_uq', ['org_id', 'class_id', 'name'])
    .execute();

  // Students are often minors: a first name, an optional last-name initial, an optional e-mail, no more.
  await db.schema
    .createTable('training_student')
    .addColumn('org_id', t.id, (c) => c.notNull())
    .addColumn('id', t.id, (c) => c.notNull())
    .addColumn('class_id', t.id, (c) => c.notNull())
    .addColumn('group_id', t.id)
    .addColumn('first_name', t.text, (c) => c.notNull())
    .addColumn('last_initial', t.text)
    .addColumn('email', t.text)
    .addColumn('user_id', t.id, (c) => c.references('app_user.id'))
    .addColumn('invitation_code', t.text)
    .addColumn('joined_at', t.instant)
    .addColumn('created_at', t.instant, (c) => c.notNull())
    .addPrimaryKeyConstraint(...key('training_student'))
    .addForeignKeyConstraint('training_student_class_fk', ['org_id', 'class_id'], 'training_class', [
      'org_id',
      'id',
    ])
    .addForeignKeyConstraint('training_student_group_fk', ['org_id', 'group_id'], 'training_group', [
      'org_id',
      'id',
    ])
    .execute();
  // Codes are looked up across schools (the student has no organisation yet when joining).
  await db.schema
    .createIndex('training_student_code_idx')
    .on('training_student')
    .column('invitation_code')
    .execute();
  await db.schema.createIndex('training_student_user_idx').on('training_student').column('user_id').execute();

  await db.schema
    .createTable('training_scenario')
    .addColumn('org_id', t.id, (c) => c.notNull())
    .addColumn('id', t.id, (c) => c.notNull())
    .addColumn('template_org_id', t.id, (c) => c.notNull())
    .addColumn('title', t.text, (c) => c.notNull())
    .addColumn('description', t.text, (c) => c.notNull())
    .addColumn('source', t.text, (c) => c.notNull())
    .addColumn('simulated_start', t.date, (c) => c.notNull())
    .addColumn('created_by', t.id)
    .addColumn('created_at', t.instant, (c) => c.notNull())
    .addPrimaryKeyConstraint(...key('training_scenario'))
    .addForeignKeyConstraint('training_scenario_org_fk', ['org_id'], 'organisation', ['org_id'])
    .execute();

  // Handing a scenario to a class is a job: its row carries the progress the web polls.
  await db.schema
    .createTable('training_handout')
    .addColumn('org_id', t.id, (c) => c.notNull())
    .addColumn('id', t.id, (c) => c.notNull())
    .addColumn('class_id', t.id, (c) => c.notNull())
    .addColumn('scenario_id', t.id, (c) => c.notNull())
    .addColumn('status', t.text, (c) => c.notNull().check(sql`status in ('running','done','failed')`))
    .addColumn('total', t.int, (c) => c.notNull())
    .addColumn('done', t.int, (c) => c.notNull())
    .addColumn('error', t.text)
    .addColumn('created_by', t.id)
    .addColumn('created_at', t.instant, (c) => c.notNull())
    .addColumn('finished_at', t.instant)
    .addPrimaryKeyConstraint(...key('training_handout'))
    .addForeignKeyConstraint('training_handout_class_fk', ['org_id', 'class_id'], 'training_class', [
      'org_id',
      'id',
    ])
    .addForeignKeyConstraint('training_handout_scenario_fk', ['org_id', 'scenario_id'], 'training_scenario', [
      'org_id',
      'id',
    ])
    .execute();

  // One private copy per student; reset keeps the row and the sandbox's organisation id (same URL).
  await db.schema
    .createTable('training_sandbox')
    .addColumn('org_id', t.id, (c) => c.notNull())
    .addColumn('id', t.id, (c) => c.notNull())
    .addColumn('handout_id', t.id, (c) => c.notNull())
    .addColumn('student_id', t.id, (c) => c.notNull())
    .addColumn('sandbox_org_id', t.id, (c) => c.notNull())
    .addColumn('status', t.text, (c) => c.notNull().check(sql`status in ('pending','ready')`))
    .addColumn('reset_count', t.int, (c) => c.notNull().defaultTo(0))
    .addColumn('created_at', t.instant, (c) => c.notNull())
    .addColumn('ready_at', t.instant)
    .addPrimaryKeyConstraint(...key('training_sandbox'))
    .addForeignKeyConstraint('training_sandbox_handout_fk', ['org_id', 'handout_id'], 'training_handout', [
      'org_id',
      'id',
    ])
    .addForeignKeyConstraint('training_sandbox_student_fk', ['org_id', 'student_id'], 'training_student', [
      'org_id',
      'id',
    ])
    .addUniqueConstraint('training_sandbox_student_uq', ['org_id', 'handout_id', 'student_id'])
    .execute();
  await db.schema
    .createIndex('training_sandbox_org_idx')
    .on('training_sandbox')
    .column('sandbox_org_id')
    .execute();
}
