import type { Kysely } from 'kysely';
import { columnTypes } from '../../../kernel/db/columns.ts';
import type { Dialect } from '../../../kernel/db/connect.ts';

// Filed VAT returns (CA3), decision 0034. A return is computed live until it is filed; filed, it keeps its
// figures and its settlement entry and never changes.

// biome-ignore lint/suspicious/noExplicitAny: frozen migration
export async function up(db: Kysely<any>, dialect: Dialect): Promise<void> {
  const t = columnTypes(dialect);
  await db.schema
    .createTable('production_vat_return')
    .addColumn('org_id', t.id, (c) => c.notNull().references('organisation.org_id'))
    .addColumn('id', t.id, (c) => c.notNull())
    .addColumn('period', t.text, (c) => c.notNull())
    .addColumn('period_start', t.date, (c) => c.notNull())
    .addColumn('period_end', t.date, (c) => c.notNull())
    .addColumn('lines', t.json, (c) => c.notNull())
    .addColumn('cents', t.json, (c) => c.notNull())
    .addColumn('vat_due', t.money, (c) => c.notNull())
    .addColumn('credit_carried', t.money, (c) => c.notNull())
    .addColumn('ledger_entry_id', t.id)
    .addColumn('filed_at', t.instant, (c) => c.notNull())
    .addColumn('filed_by', t.id)
    // The payment of the VAT due (line 28) to the Treasury: a bank entry, 44551 lettered.
    .addColumn('paid_on', t.date)
    .addColumn('payment_entry_id', t.id)
    .addPrimaryKeyConstraint('production_vat_return_pk', ['org_id', 'id'])
    // One return per period: two filings of the same month at once, the second fails.
    .addUniqueConstraint('production_vat_return_period_uq', ['org_id', 'period_start'])
    .addForeignKeyConstraint(
      'production_vat_return_entry_fk',
      ['org_id', 'ledger_entry_id'],
      'ledger_entry',
      ['org_id', 'id'],
    )
    .addForeignKeyConstraint(
      'production_vat_return_payment_fk',
      ['org_id', 'payment_entry_id'],
      'ledger_entry',
      ['org_id', 'id'],
    )
    .execute();
}
