import { type Kysely, sql } from 'kysely';
import { columnTypes } from '../../kernel/db/columns.ts';
import type { Dialect } from '../../kernel/db/connect.ts';

/**
 * Assessment and portfolio (issue 5, parts 6 and 7), rows of the school like the rest of the training mode.
 * Evidence is not stored: it is read from the sandboxes' audit trails when asked for. A level is stored
 * only once a teacher has confirmed or changed it (the proposal is recomputed on every read).
 */
// biome-ignore lint/suspicious/noExplicitAny: frozen migration
export async function up(db: Kysely<any>, dialect: Dialect): Promise<void> {
  const t = columnTypes(dialect);

  await db.schema
    .createTable('training_assessment')
    .addColumn('org_id', t.id, (c) => c.notNull())
    .addColumn('id', t.id, (c) => c.notNull())
    .addColumn('student_id', t.id, (c) => c.notNull())
    .addColumn('indicator_code', t.text, (c) => c.notNull())
    .addColumn('level', t.int, (c) => c.notNull().check(sql`level between 1 and 4`))
    .addColumn('proposed_level', t.int)
    .addColumn('comment', t.text)
    .addColumn('assessed_by', t.id, (c) => c.notNull())
    .addColumn('assessed_at', t.instant, (c) => c.notNull())
    .addColumn('created_at', t.instant, (c) => c.notNull())
    .addPrimaryKeyConstraint('training_assessment_pk', ['org_id', 'id'])
    .addForeignKeyConstraint('training_assessment_student_fk', ['org_id', 'student_id'], 'training_student', [
      'org_id',
      'id',
    ])
    .addUniqueConstraint('training_assessment_indicator_uq', ['org_id', 'student_id', 'indicator_code'])
    .execute();

  await db.schema
    .createTable('training_portfolio_entry')
    .addColumn('org_id', t.id, (c) => c.notNull())
    .addColumn('id', t.id, (c) => c.notNull())
    .addColumn('student_id', t.id, (c) => c.notNull())
    .addColumn('kind', t.text, (c) => c.notNull().check(sql`kind in ('pfmp','reflection','other')`))
    .addColumn('title', t.text, (c) => c.notNull())
    .addColumn('body', t.text, (c) => c.notNull())
    .addColumn('entry_date', t.date, (c) => c.notNull())
    // JSON array of competency codes ("1.2.3"), checked against the class's référentiel on write.
    .addColumn('competencies', t.text, (c) => c.notNull())
    .addColumn('created_at', t.instant, (c) => c.notNull())
    .addColumn('updated_at', t.instant, (c) => c.notNull())
    .addPrimaryKeyConstraint('training_portfolio_entry_pk', ['org_id', 'id'])
    .addForeignKeyConstraint('training_portfolio_student_fk', ['org_id', 'student_id'], 'training_student', [
      'org_id',
      'id',
    ])
    .execute();
  await db.schema
    .createIndex('training_portfolio_student_idx')
    .on('training_portfolio_entry')
    .columns(['org_id', 'student_id'])
    .execute();
}
