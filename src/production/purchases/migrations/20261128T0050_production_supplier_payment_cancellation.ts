import type { Kysely } from 'kysely';
import { columnTypes } from '../../../kernel/db/columns.ts';
import type { Dialect } from '../../../kernel/db/connect.ts';

// A supplier payment entered by mistake is cancelled: its entry is reversed (decision 0039), the row stays
// with the day and the reversal. SQLite cannot add a foreign key to an existing table; the reversal is the
// ledger's own (reversal_of), which the ledger keeps consistent.

// biome-ignore lint/suspicious/noExplicitAny: frozen migration
export async function up(db: Kysely<any>, dialect: Dialect): Promise<void> {
  const t = columnTypes(dialect);
  await db.schema.alterTable('production_supplier_payment').addColumn('cancelled_on', t.date).execute();
  await db.schema
    .alterTable('production_supplier_payment')
    .addColumn('cancellation_entry_id', t.id)
    .execute();
}
