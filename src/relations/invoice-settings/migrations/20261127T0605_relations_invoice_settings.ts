import type { Kysely } from 'kysely';
import { columnTypes } from '../../../kernel/db/columns.ts';
import type { Dialect } from '../../../kernel/db/connect.ts';

// biome-ignore lint/suspicious/noExplicitAny: frozen migration
export async function up(db: Kysely<any>, dialect: Dialect): Promise<void> {
  const t = columnTypes(dialect);
  // One row per organisation, created on first save; absent means the defaults of invoice-settings.ts.
  await db.schema
    .createTable('relations_invoice_settings')
    .addColumn('org_id', t.id, (c) => c.notNull().primaryKey().references('organisation.org_id'))
    .addColumn('payment_terms_days', t.int, (c) => c.notNull())
    // Hundredths of a percent; null = the legal default (ECB rate + 10 points), written out in words.
    .addColumn('late_penalty_rate', t.int)
    .addColumn('early_payment_discount', t.text)
    .addColumn('vat_on_debits', t.flag, (c) => c.notNull())
    .addColumn('share_capital', t.money)
    .addColumn('rcs_city', t.text)
    .addColumn('iban', t.text)
    .addColumn('bic', t.text)
    .addColumn('footer', t.text)
    .addColumn('updated_at', t.instant, (c) => c.notNull())
    .execute();
}
