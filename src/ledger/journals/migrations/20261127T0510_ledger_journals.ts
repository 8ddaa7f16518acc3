import { type Kysely, sql } from 'kysely';
import { columnTypes } from '../../../kernel/db/columns.ts';
import type { Dialect } from '../../../kernel/db/connect.ts';

// biome-ignore lint/suspicious/noExplicitAny: frozen migration
export async function up(db: Kysely<any>, dialect: Dialect): Promise<void> {
  const t = columnTypes(dialect);
  await db.schema
    .createTable('ledger_journal')
    .addColumn('org_id', t.id, (c) => c.notNull().references('organisation.org_id'))
    .addColumn('id', t.id, (c) => c.notNull())
    .addColumn('code', t.text, (c) => c.notNull())
    .addColumn('label', t.text, (c) => c.notNull())
    // 'opening' marks the AN journal: its lines are opening balances in the trial balance.
    .addColumn('kind', t.text, (c) =>
      c.notNull().check(sql`kind in ('sales','purchases','bank','cash','general','payroll','opening')`),
    )
    .addColumn('created_at', t.instant, (c) => c.notNull())
    .addPrimaryKeyConstraint('ledger_journal_pk', ['org_id', 'id'])
    .addUniqueConstraint('ledger_journal_code_uq', ['org_id', 'code'])
    .execute();
}
