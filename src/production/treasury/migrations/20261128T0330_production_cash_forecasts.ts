import { type Kysely, sql } from 'kysely';
import { columnTypes } from '../../../kernel/db/columns.ts';
import type { Dialect } from '../../../kernel/db/connect.ts';

// Forecast lines of the cash plan (decision 0047): what the books cannot know yet, once or every month.

// biome-ignore lint/suspicious/noExplicitAny: frozen migration
export async function up(db: Kysely<any>, dialect: Dialect): Promise<void> {
  const t = columnTypes(dialect);
  await db.schema
    .createTable('production_cash_forecast')
    .addColumn('org_id', t.id, (c) => c.notNull().references('organisation.org_id'))
    .addColumn('id', t.id, (c) => c.notNull())
    .addColumn('label', t.text, (c) => c.notNull())
    .addColumn('direction', t.text, (c) => c.notNull().check(sql`direction in ('in','out')`))
    .addColumn('amount', t.money, (c) => c.notNull().check(sql`amount > 0`))
    // 'YYYY-MM'
    .addColumn('first_month', t.text, (c) => c.notNull())
    .addColumn('occurrences', t.int, (c) => c.notNull().check(sql`occurrences between 1 and 60`))
    .addColumn('created_at', t.instant, (c) => c.notNull())
    .addColumn('created_by', t.id)
    .addPrimaryKeyConstraint('production_cash_forecast_pk', ['org_id', 'id'])
    .execute();
}
