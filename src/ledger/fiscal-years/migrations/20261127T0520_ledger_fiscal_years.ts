import { type Kysely, sql } from 'kysely';
import { columnTypes } from '../../../kernel/db/columns.ts';
import type { Dialect } from '../../../kernel/db/connect.ts';

// biome-ignore lint/suspicious/noExplicitAny: frozen migration
export async function up(db: Kysely<any>, dialect: Dialect): Promise<void> {
  const t = columnTypes(dialect);
  await db.schema
    .createTable('ledger_fiscal_year')
    .addColumn('org_id', t.id, (c) => c.notNull().references('organisation.org_id'))
    .addColumn('id', t.id, (c) => c.notNull())
    .addColumn('start_date', t.date, (c) => c.notNull())
    .addColumn('end_date', t.date, (c) => c.notNull())
    .addColumn('status', t.text, (c) => c.notNull().check(sql`status in ('open','closed')`))
    .addColumn('closed_at', t.instant)
    .addColumn('closed_by', t.id)
    .addColumn('created_at', t.instant, (c) => c.notNull())
    .addPrimaryKeyConstraint('ledger_fiscal_year_pk', ['org_id', 'id'])
    .addUniqueConstraint('ledger_fiscal_year_start_uq', ['org_id', 'start_date'])
    .addCheckConstraint('ledger_fiscal_year_dates_ck', sql`start_date <= end_date`)
    .execute();
}
