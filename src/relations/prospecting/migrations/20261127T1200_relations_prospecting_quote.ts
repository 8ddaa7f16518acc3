import { type Kysely, sql } from 'kysely';
import { columnTypes } from '../../../kernel/db/columns.ts';
import type { Dialect } from '../../../kernel/db/connect.ts';

// A campaign target converted to a quote (issue 4 §2): the quote drafted from the campaign and when.
// PostgreSQL checks the reference to the quote; SQLite cannot add a table constraint to an existing table,
// so there the domain function alone guarantees it (it only ever writes the quote it has just created).
// biome-ignore lint/suspicious/noExplicitAny: frozen migration
export async function up(db: Kysely<any>, dialect: Dialect): Promise<void> {
  const t = columnTypes(dialect);
  await db.schema.alterTable('relations_campaign_target').addColumn('quote_id', t.id).execute();
  await db.schema.alterTable('relations_campaign_target').addColumn('quoted_at', t.instant).execute();
  if (dialect === 'postgres')
    await sql`alter table relations_campaign_target add constraint relations_campaign_target_quote_fk
      foreign key (org_id, quote_id) references relations_sales_document (org_id, id)`.execute(db);
}
