import { type Kysely, sql } from 'kysely';
import { columnTypes } from '../../kernel/db/columns.ts';
import type { Dialect } from '../../kernel/db/connect.ts';

/**
 * Professional situations (issue 5, part 5). A situation belongs to a class and to one hand-out (so each
 * student has their sandbox for it); its checks read the student's sandbox; the latest result of each
 * check for each student is kept so the class view and the assessments read it without re-evaluating.
 */
// biome-ignore lint/suspicious/noExplicitAny: frozen migration
export async function up(db: Kysely<any>, dialect: Dialect): Promise<void> {
  const t = columnTypes(dialect);

  await db.schema
    .createTable('training_situation')
    .addColumn('org_id', t.id, (c) => c.notNull())
    .addColumn('id', t.id, (c) => c.notNull())
    .addColumn('class_id', t.id, (c) => c.notNull())
    .addColumn('handout_id', t.id, (c) => c.notNull())
    .addColumn('title', t.text, (c) => c.notNull())
    /** A small Markdown subset, rendered without raw HTML. */
    .addColumn('statement', t.text, (c) => c.notNull())
    /** JSON arrays of référentiel codes: competencies ('1.1.1') and indicators ('1.1.1.i2'). */
    .addColumn('competencies', t.json, (c) => c.notNull())
    .addColumn('indicators', t.json, (c) => c.notNull())
    .addColumn('due_date', t.date)
    .addColumn('status', t.text, (c) => c.notNull().check(sql`status in ('draft','published')`))
    .addColumn('created_by', t.id)
    .addColumn('created_at', t.instant, (c) => c.notNull())
    .addColumn('updated_at', t.instant, (c) => c.notNull())
    .addPrimaryKeyConstraint('training_situation_pk', ['org_id', 'id'])
    .addForeignKeyConstraint('training_situation_class_fk', ['org_id', 'class_id'], 'training_class', [
      'org_id',
      'id',
    ])
    .addForeignKeyConstraint('training_situation_handout_fk', ['org_id', 'handout_id'], 'training_handout', [
      'org_id',
      'id',
    ])
    .execute();
  await db.schema
    .createIndex('training_situation_class_idx')
    .on('training_situation')
    .columns(['org_id', 'class_id'])
    .execute();

  // The documents the student must process (stored by src/kernel/documents, in the school).
  await db.schema
    .createTable('training_situation_document')
    .addColumn('org_id', t.id, (c) => c.notNull())
    .addColumn('situation_id', t.id, (c) => c.notNull())
    .addColumn('document_id', t.id, (c) => c.notNull())
    .addColumn('position', t.int, (c) => c.notNull())
    .addPrimaryKeyConstraint('training_situation_document_pk', ['org_id', 'situation_id', 'document_id'])
    .addForeignKeyConstraint(
      'training_situation_document_situation_fk',
      ['org_id', 'situation_id'],
      'training_situation',
      ['org_id', 'id'],
    )
    .addForeignKeyConstraint(
      'training_situation_document_document_fk',
      ['org_id', 'document_id'],
      'document',
      ['org_id', 'id'],
    )
    .execute();

  await db.schema
    .createTable('training_situation_check')
    .addColumn('org_id', t.id, (c) => c.notNull())
    .addColumn('id', t.id, (c) => c.notNull())
    .addColumn('situation_id', t.id, (c) => c.notNull())
    .addColumn('position', t.int, (c) => c.notNull())
    .addColumn('label', t.text, (c) => c.notNull())
    .addColumn('entity', t.text, (c) => c.notNull())
    /** JSON array of { field, operator, value }. */
    .addColumn('conditions', t.json, (c) => c.notNull())
    .addColumn('count_mode', t.text, (c) => c.notNull().check(sql`count_mode in ('at_least','exactly')`))
    .addColumn('expected_count', t.int, (c) => c.notNull())
    .addColumn('indicators', t.json, (c) => c.notNull())
    .addPrimaryKeyConstraint('training_situation_check_pk', ['org_id', 'id'])
    .addForeignKeyConstraint(
      'training_situation_check_situation_fk',
      ['org_id', 'situation_id'],
      'training_situation',
      ['org_id', 'id'],
    )
    .execute();
  await db.schema
    .createIndex('training_situation_check_situation_idx')
    .on('training_situation_check')
    .columns(['org_id', 'situation_id'])
    .execute();

  // The latest evaluation of a check for a student: one row, replaced at each evaluation.
  await db.schema
    .createTable('training_situation_result')
    .addColumn('org_id', t.id, (c) => c.notNull())
    .addColumn('check_id', t.id, (c) => c.notNull())
    .addColumn('student_id', t.id, (c) => c.notNull())
    .addColumn('situation_id', t.id, (c) => c.notNull())
    .addColumn('passed', t.flag, (c) => c.notNull())
    .addColumn('explanation', t.text, (c) => c.notNull())
    .addColumn('evaluated_at', t.instant, (c) => c.notNull())
    .addPrimaryKeyConstraint('training_situation_result_pk', ['org_id', 'check_id', 'student_id'])
    .addForeignKeyConstraint(
      'training_situation_result_check_fk',
      ['org_id', 'check_id'],
      'training_situation_check',
      ['org_id', 'id'],
    )
    .addForeignKeyConstraint(
      'training_situation_result_student_fk',
      ['org_id', 'student_id'],
      'training_student',
      ['org_id', 'id'],
    )
    .execute();
  await db.schema
    .createIndex('training_situation_result_situation_idx')
    .on('training_situation_result')
    .columns(['org_id', 'situation_id'])
    .execute();
}
