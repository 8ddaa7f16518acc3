import { type Kysely, sql } from 'kysely';
import { columnTypes } from '../../../kernel/db/columns.ts';
import type { Dialect } from '../../../kernel/db/connect.ts';

// biome-ignore lint/suspicious/noExplicitAny: frozen migration
export async function up(db: Kysely<any>, dialect: Dialect): Promise<void> {
  const t = columnTypes(dialect);
  await db.schema
    .createTable('relations_catalogue_item')
    .addColumn('org_id', t.id, (c) => c.notNull().references('organisation.org_id'))
    .addColumn('id', t.id, (c) => c.notNull())
    .addColumn('code', t.text, (c) => c.notNull())
    .addColumn('label', t.text, (c) => c.notNull())
    .addColumn('description', t.text)
    .addColumn('kind', t.text, (c) => c.notNull().check(sql`kind in ('goods','service')`))
    // UN/ECE recommendation 20 code (C62 unit, HUR hour, DAY day…), as Factur-X wants it.
    .addColumn('unit', t.text, (c) => c.notNull())
    // Euros scaled by 10^4 (12,3456 € = 123456): prices often carry more than two decimals.
    .addColumn('unit_price', t.int, (c) => c.notNull())
    // Hundredths of a percent (20 % = 2000, 5,5 % = 550): every French rate is exact at this scale.
    .addColumn('vat_rate', t.int, (c) => c.notNull().check(sql`vat_rate >= 0 and vat_rate <= 10000`))
    .addColumn('vat_exemption_reason', t.text)
    .addColumn('revenue_account', t.text, (c) => c.notNull())
    .addColumn('archived_at', t.instant)
    .addColumn('created_at', t.instant, (c) => c.notNull())
    .addColumn('updated_at', t.instant, (c) => c.notNull())
    .addPrimaryKeyConstraint('relations_catalogue_item_pk', ['org_id', 'id'])
    .execute();
  await db.schema
    .createIndex('relations_catalogue_item_code_uq')
    .on('relations_catalogue_item')
    .columns(['org_id', 'code'])
    .unique()
    .execute();
}
