import { type Kysely, sql } from 'kysely';
import { columnTypes } from '../../../kernel/db/columns.ts';
import type { Dialect } from '../../../kernel/db/connect.ts';

// Supplier bills (factures fournisseurs) and their payments (decision 0032).

// biome-ignore lint/suspicious/noExplicitAny: frozen migration
export async function up(db: Kysely<any>, dialect: Dialect): Promise<void> {
  const t = columnTypes(dialect);
  await db.schema
    .createTable('production_supplier_bill')
    .addColumn('org_id', t.id, (c) => c.notNull().references('organisation.org_id'))
    .addColumn('id', t.id, (c) => c.notNull())
    .addColumn('status', t.text, (c) => c.notNull().check(sql`status in ('draft','validated','cancelled')`))
    // Our gap-free number (ACH-2026-0001), given at validation.
    .addColumn('number', t.text)
    .addColumn('supplier_id', t.id, (c) => c.notNull())
    // The supplier's own invoice number, unique per supplier.
    .addColumn('supplier_ref', t.text, (c) => c.notNull())
    .addColumn('bill_date', t.date, (c) => c.notNull())
    .addColumn('due_date', t.date)
    .addColumn('total_net', t.money, (c) => c.notNull())
    .addColumn('total_vat', t.money, (c) => c.notNull())
    .addColumn('total', t.money, (c) => c.notNull())
    .addColumn('ledger_entry_id', t.id)
    .addColumn('cancellation_entry_id', t.id)
    .addColumn('cancelled_on', t.date)
    .addColumn('validated_at', t.instant)
    .addColumn('validated_by', t.id)
    .addColumn('created_at', t.instant, (c) => c.notNull())
    .addColumn('created_by', t.id)
    .addColumn('updated_at', t.instant, (c) => c.notNull())
    .addPrimaryKeyConstraint('production_supplier_bill_pk', ['org_id', 'id'])
    .addForeignKeyConstraint('production_supplier_bill_supplier_fk', ['org_id', 'supplier_id'], 'party', [
      'org_id',
      'id',
    ])
    .addForeignKeyConstraint(
      'production_supplier_bill_entry_fk',
      ['org_id', 'ledger_entry_id'],
      'ledger_entry',
      ['org_id', 'id'],
    )
    .addForeignKeyConstraint(
      'production_supplier_bill_cancel_fk',
      ['org_id', 'cancellation_entry_id'],
      'ledger_entry',
      ['org_id', 'id'],
    )
    .addCheckConstraint(
      'production_supplier_bill_validated_ck',
      sql`status = 'draft' or (number is not null and ledger_entry_id is not null)`,
    )
    .execute();
  await db.schema
    .createIndex('production_supplier_bill_number_uq')
    .on('production_supplier_bill')
    .columns(['org_id', 'number'])
    .unique()
    .execute();
  await db.schema
    .createIndex('production_supplier_bill_ref_uq')
    .on('production_supplier_bill')
    .columns(['org_id', 'supplier_id', 'supplier_ref'])
    .unique()
    // A cancelled bill frees its number: the corrected bill is entered again under the supplier's number.
    .where(sql.ref('status'), '<>', 'cancelled')
    .execute();
  await db.schema
    .createIndex('production_supplier_bill_list_idx')
    .on('production_supplier_bill')
    .columns(['org_id', 'status', 'bill_date'])
    .execute();

  await db.schema
    .createTable('production_supplier_bill_line')
    .addColumn('org_id', t.id, (c) => c.notNull())
    .addColumn('id', t.id, (c) => c.notNull())
    .addColumn('bill_id', t.id, (c) => c.notNull())
    .addColumn('position', t.int, (c) => c.notNull())
    .addColumn('label', t.text, (c) => c.notNull())
    // The expense (class 6) or fixed-asset (class 2) account.
    .addColumn('account', t.text, (c) => c.notNull())
    .addColumn('net_amount', t.money, (c) => c.notNull())
    // Hundredths of a percent (2000 = 20 %).
    .addColumn('vat_rate', t.int, (c) => c.notNull())
    .addPrimaryKeyConstraint('production_supplier_bill_line_pk', ['org_id', 'id'])
    .addForeignKeyConstraint(
      'production_supplier_bill_line_bill_fk',
      ['org_id', 'bill_id'],
      'production_supplier_bill',
      ['org_id', 'id'],
    )
    .execute();
  await db.schema
    .createIndex('production_supplier_bill_line_bill_idx')
    .on('production_supplier_bill_line')
    .columns(['org_id', 'bill_id', 'position'])
    .execute();

  await db.schema
    .createTable('production_supplier_payment')
    .addColumn('org_id', t.id, (c) => c.notNull())
    .addColumn('id', t.id, (c) => c.notNull())
    .addColumn('bill_id', t.id, (c) => c.notNull())
    .addColumn('payment_date', t.date, (c) => c.notNull())
    .addColumn('method', t.text, (c) =>
      c.notNull().check(sql`method in ('transfer','cheque','direct_debit')`),
    )
    .addColumn('amount', t.money, (c) => c.notNull())
    .addColumn('reference', t.text)
    .addColumn('ledger_entry_id', t.id, (c) => c.notNull())
    .addColumn('created_at', t.instant, (c) => c.notNull())
    .addColumn('created_by', t.id)
    .addPrimaryKeyConstraint('production_supplier_payment_pk', ['org_id', 'id'])
    .addForeignKeyConstraint(
      'production_supplier_payment_bill_fk',
      ['org_id', 'bill_id'],
      'production_supplier_bill',
      ['org_id', 'id'],
    )
    .addForeignKeyConstraint(
      'production_supplier_payment_entry_fk',
      ['org_id', 'ledger_entry_id'],
      'ledger_entry',
      ['org_id', 'id'],
    )
    .execute();
  await db.schema
    .createIndex('production_supplier_payment_bill_idx')
    .on('production_supplier_payment')
    .columns(['org_id', 'bill_id'])
    .execute();
}
