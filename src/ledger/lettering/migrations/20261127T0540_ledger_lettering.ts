import { type Kysely, sql } from 'kysely';
import { columnTypes } from '../../../kernel/db/columns.ts';
import type { Dialect } from '../../../kernel/db/connect.ts';

// biome-ignore lint/suspicious/noExplicitAny: frozen migration
export async function up(db: Kysely<any>, dialect: Dialect): Promise<void> {
  const t = columnTypes(dialect);
  // Lettering lives beside the lines, not in them: the FEC allows it to change after validation,
  // while the lines themselves never do.
  await db.schema
    .createTable('ledger_lettering')
    .addColumn('org_id', t.id, (c) => c.notNull().references('organisation.org_id'))
    .addColumn('id', t.id, (c) => c.notNull())
    .addColumn('account_id', t.id, (c) => c.notNull())
    .addColumn('auxiliary_id', t.id)
    // Stored upper case; shown lower case while the lettering is partial.
    .addColumn('code', t.text, (c) => c.notNull())
    .addColumn('complete', t.flag, (c) => c.notNull().check(sql`complete in (0, 1)`))
    .addColumn('lettered_on', t.date, (c) => c.notNull())
    .addColumn('created_at', t.instant, (c) => c.notNull())
    .addColumn('created_by', t.id)
    .addPrimaryKeyConstraint('ledger_lettering_pk', ['org_id', 'id'])
    .addUniqueConstraint('ledger_lettering_code_uq', ['org_id', 'account_id', 'code'])
    .addForeignKeyConstraint('ledger_lettering_account_fk', ['org_id', 'account_id'], 'ledger_account', [
      'org_id',
      'id',
    ])
    .addForeignKeyConstraint('ledger_lettering_auxiliary_fk', ['org_id', 'auxiliary_id'], 'ledger_account', [
      'org_id',
      'id',
    ])
    .execute();
  // A line belongs to at most one lettering (the primary key says so).
  await db.schema
    .createTable('ledger_lettering_line')
    .addColumn('org_id', t.id, (c) => c.notNull().references('organisation.org_id'))
    .addColumn('line_id', t.id, (c) => c.notNull())
    .addColumn('lettering_id', t.id, (c) => c.notNull())
    .addPrimaryKeyConstraint('ledger_lettering_line_pk', ['org_id', 'line_id'])
    .addForeignKeyConstraint('ledger_lettering_line_line_fk', ['org_id', 'line_id'], 'ledger_line', [
      'org_id',
      'id',
    ])
    .addForeignKeyConstraint(
      'ledger_lettering_line_lettering_fk',
      ['org_id', 'lettering_id'],
      'ledger_lettering',
      ['org_id', 'id'],
    )
    .execute();
  await db.schema
    .createIndex('ledger_lettering_line_lettering_idx')
    .on('ledger_lettering_line')
    .columns(['org_id', 'lettering_id'])
    .execute();
}
