import { type Kysely, sql } from 'kysely';
import { columnTypes } from '../../kernel/db/columns.ts';
import type { Dialect } from '../../kernel/db/connect.ts';

/**
 * PFMP (issue 5 part 8): the school's host organisations and their tutors, each student's agreements
 * (conventions) with their periods, daily attendance, the référentiel's tasks done, and the tutor's
 * assessment on the référentiel's indicators. Every row belongs to the school.
 */
// biome-ignore lint/suspicious/noExplicitAny: frozen migration
export async function up(db: Kysely<any>, dialect: Dialect): Promise<void> {
  const t = columnTypes(dialect);
  const key = (table: string): [string, ['org_id', 'id']] => [`${table}_pk`, ['org_id', 'id']];

  await db.schema
    .createTable('training_pfmp_host')
    .addColumn('org_id', t.id, (c) => c.notNull().references('organisation.org_id'))
    .addColumn('id', t.id, (c) => c.notNull())
    .addColumn('name', t.text, (c) => c.notNull())
    .addColumn('siret', t.text)
    .addColumn('address', t.text, (c) => c.notNull())
    .addColumn('sector', t.text, (c) => c.notNull())
    .addColumn('contact_name', t.text)
    .addColumn('contact_email', t.text)
    .addColumn('contact_phone', t.text)
    .addColumn('created_at', t.instant, (c) => c.notNull())
    .addPrimaryKeyConstraint(...key('training_pfmp_host'))
    .execute();

  await db.schema
    .createTable('training_pfmp_tutor')
    .addColumn('org_id', t.id, (c) => c.notNull())
    .addColumn('id', t.id, (c) => c.notNull())
    .addColumn('host_id', t.id, (c) => c.notNull())
    .addColumn('name', t.text, (c) => c.notNull())
    .addColumn('function', t.text, (c) => c.notNull())
    .addColumn('email', t.text)
    .addColumn('phone', t.text)
    .addColumn('created_at', t.instant, (c) => c.notNull())
    .addPrimaryKeyConstraint(...key('training_pfmp_tutor'))
    .addForeignKeyConstraint('training_pfmp_tutor_host_fk', ['org_id', 'host_id'], 'training_pfmp_host', [
      'org_id',
      'id',
    ])
    .execute();

  // One agreement (convention) per placement: the level and school year it counts for are its own, so
  // periods of earlier years (seconde, première) are recorded against the same student.
  await db.schema
    .createTable('training_pfmp_agreement')
    .addColumn('org_id', t.id, (c) => c.notNull())
    .addColumn('id', t.id, (c) => c.notNull())
    .addColumn('student_id', t.id, (c) => c.notNull())
    .addColumn('host_id', t.id, (c) => c.notNull())
    .addColumn('tutor_id', t.id)
    .addColumn('referent_user_id', t.id, (c) => c.references('app_user.id'))
    .addColumn('school_year_id', t.id, (c) => c.notNull())
    .addColumn('level', t.text, (c) => c.notNull().check(sql`level in ('seconde','premiere','terminale')`))
    .addColumn('status', t.text, (c) =>
      c.notNull().check(sql`status in ('draft','sent','signed','cancelled')`),
    )
    .addColumn('signed_on', t.date)
    .addColumn('activities_planned', t.text, (c) => c.notNull())
    .addColumn('assessment_comment', t.text)
    .addColumn('assessment_source', t.text, (c) => c.check(sql`assessment_source in ('paper','tutor')`))
    .addColumn('assessed_on', t.date)
    .addColumn('created_at', t.instant, (c) => c.notNull())
    .addColumn('updated_at', t.instant, (c) => c.notNull())
    .addPrimaryKeyConstraint(...key('training_pfmp_agreement'))
    .addForeignKeyConstraint(
      'training_pfmp_agreement_student_fk',
      ['org_id', 'student_id'],
      'training_student',
      ['org_id', 'id'],
    )
    .addForeignKeyConstraint('training_pfmp_agreement_host_fk', ['org_id', 'host_id'], 'training_pfmp_host', [
      'org_id',
      'id',
    ])
    .addForeignKeyConstraint(
      'training_pfmp_agreement_tutor_fk',
      ['org_id', 'tutor_id'],
      'training_pfmp_tutor',
      ['org_id', 'id'],
    )
    .addForeignKeyConstraint(
      'training_pfmp_agreement_year_fk',
      ['org_id', 'school_year_id'],
      'training_school_year',
      ['org_id', 'id'],
    )
    .execute();
  await db.schema
    .createIndex('training_pfmp_agreement_student_idx')
    .on('training_pfmp_agreement')
    .columns(['org_id', 'student_id'])
    .execute();

  await db.schema
    .createTable('training_pfmp_period')
    .addColumn('org_id', t.id, (c) => c.notNull())
    .addColumn('id', t.id, (c) => c.notNull())
    .addColumn('agreement_id', t.id, (c) => c.notNull())
    .addColumn('starts_on', t.date, (c) => c.notNull())
    .addColumn('ends_on', t.date, (c) => c.notNull())
    .addColumn('created_at', t.instant, (c) => c.notNull())
    .addPrimaryKeyConstraint(...key('training_pfmp_period'))
    .addForeignKeyConstraint(
      'training_pfmp_period_agreement_fk',
      ['org_id', 'agreement_id'],
      'training_pfmp_agreement',
      ['org_id', 'id'],
    )
    .execute();

  // One row per day recorded; a day with no row in a past period is "attendance missing".
  await db.schema
    .createTable('training_pfmp_attendance')
    .addColumn('org_id', t.id, (c) => c.notNull())
    .addColumn('period_id', t.id, (c) => c.notNull())
    .addColumn('day', t.date, (c) => c.notNull())
    .addColumn('status', t.text, (c) =>
      c.notNull().check(sql`status in ('present','absent_justified','absent_unjustified')`),
    )
    .addColumn('recorded_by', t.id)
    .addColumn('recorded_at', t.instant, (c) => c.notNull())
    .addPrimaryKeyConstraint('training_pfmp_attendance_pk', ['org_id', 'period_id', 'day'])
    .addForeignKeyConstraint(
      'training_pfmp_attendance_period_fk',
      ['org_id', 'period_id'],
      'training_pfmp_period',
      ['org_id', 'id'],
    )
    .execute();

  // The référentiel's tasks (taskCode, 1.2.t3) done during a placement, ticked by the student or a teacher.
  await db.schema
    .createTable('training_pfmp_activity')
    .addColumn('org_id', t.id, (c) => c.notNull())
    .addColumn('agreement_id', t.id, (c) => c.notNull())
    .addColumn('task_code', t.text, (c) => c.notNull())
    .addColumn('ticked_by', t.id)
    .addColumn('ticked_at', t.instant, (c) => c.notNull())
    .addPrimaryKeyConstraint('training_pfmp_activity_pk', ['org_id', 'agreement_id', 'task_code'])
    .addForeignKeyConstraint(
      'training_pfmp_activity_agreement_fk',
      ['org_id', 'agreement_id'],
      'training_pfmp_agreement',
      ['org_id', 'id'],
    )
    .execute();

  // The tutor's assessment, one level per indicator (<competency>.i<rank>), kept apart from the teacher's
  // own assessments (issue 5 part 6), which read it through tutorAssessments().
  await db.schema
    .createTable('training_pfmp_assessment')
    .addColumn('org_id', t.id, (c) => c.notNull())
    .addColumn('agreement_id', t.id, (c) => c.notNull())
    .addColumn('indicator_code', t.text, (c) => c.notNull())
    .addColumn('competency_code', t.text, (c) => c.notNull())
    .addColumn('level', t.int, (c) => c.notNull().check(sql`level between 1 and 4`))
    .addColumn('comment', t.text)
    .addColumn('entered_by', t.id)
    .addColumn('entered_at', t.instant, (c) => c.notNull())
    .addPrimaryKeyConstraint('training_pfmp_assessment_pk', ['org_id', 'agreement_id', 'indicator_code'])
    .addForeignKeyConstraint(
      'training_pfmp_assessment_agreement_fk',
      ['org_id', 'agreement_id'],
      'training_pfmp_agreement',
      ['org_id', 'id'],
    )
    .execute();
}
