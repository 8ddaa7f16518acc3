import { type Kysely, sql } from 'kysely';
import { columnTypes } from '../../../kernel/db/columns.ts';
import type { Dialect } from '../../../kernel/db/connect.ts';

// The register of the organisation's administrative formalities with its partners (2.1.t3): URSSAF,
// SIE, greffe, préfecture, CAF, ARS… — recurring or one-off, and the history of their occurrences
// (decision 0048). Statuses are computed on a date, not stored.

// biome-ignore lint/suspicious/noExplicitAny: frozen migration
export async function up(db: Kysely<any>, dialect: Dialect): Promise<void> {
  const t = columnTypes(dialect);
  await db.schema
    .createTable('production_formality')
    .addColumn('org_id', t.id, (c) => c.notNull().references('organisation.org_id'))
    .addColumn('id', t.id, (c) => c.notNull())
    .addColumn('title', t.text, (c) => c.notNull())
    // The partner: one of the organisation's parties, or its name typed in (one of the two).
    .addColumn('party_id', t.id)
    .addColumn('partner_name', t.text)
    .addColumn('category', t.text, (c) =>
      c.notNull().check(sql`category in ('social','fiscal','legal','insurance','sector','other')`),
    )
    .addColumn('periodicity', t.text, (c) =>
      c.notNull().check(sql`periodicity in ('one_off','monthly','quarterly','yearly')`),
    )
    // The due date the periods are counted from, and how many occurrences were completed since: the next
    // due date is first_due_on + periods × done_count (so 31 Jan, 28 Feb, 31 Mar: no drift).
    .addColumn('first_due_on', t.date, (c) => c.notNull())
    .addColumn('done_count', t.int, (c) => c.notNull().check(sql`done_count >= 0`))
    .addColumn('responsible', t.text)
    .addColumn('reminder_days', t.int, (c) => c.notNull().check(sql`reminder_days >= 0`))
    .addColumn('notes', t.text)
    .addColumn('status', t.text, (c) => c.notNull().check(sql`status in ('active','done')`))
    .addColumn('created_at', t.instant, (c) => c.notNull())
    .addColumn('created_by', t.id)
    .addColumn('updated_at', t.instant, (c) => c.notNull())
    .addPrimaryKeyConstraint('production_formality_pk', ['org_id', 'id'])
    .addForeignKeyConstraint('production_formality_party_fk', ['org_id', 'party_id'], 'party', [
      'org_id',
      'id',
    ])
    .execute();
  await db.schema
    .createTable('production_formality_completion')
    .addColumn('org_id', t.id, (c) => c.notNull().references('organisation.org_id'))
    .addColumn('id', t.id, (c) => c.notNull())
    .addColumn('formality_id', t.id, (c) => c.notNull())
    // The occurrence completed (its due date) and the day it was done.
    .addColumn('due_on', t.date, (c) => c.notNull())
    .addColumn('done_on', t.date, (c) => c.notNull())
    // N° de dépôt, accusé de réception…
    .addColumn('reference', t.text)
    .addColumn('note', t.text)
    .addColumn('created_at', t.instant, (c) => c.notNull())
    .addColumn('created_by', t.id)
    .addPrimaryKeyConstraint('production_formality_completion_pk', ['org_id', 'id'])
    .addForeignKeyConstraint(
      'production_formality_completion_formality_fk',
      ['org_id', 'formality_id'],
      'production_formality',
      ['org_id', 'id'],
    )
    .execute();
  await db.schema
    .createIndex('production_formality_completion_formality_idx')
    .on('production_formality_completion')
    .columns(['org_id', 'formality_id'])
    .execute();
}
