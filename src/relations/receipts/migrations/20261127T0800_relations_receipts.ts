import { type Kysely, sql } from 'kysely';
import { columnTypes } from '../../../kernel/db/columns.ts';
import type { Dialect } from '../../../kernel/db/connect.ts';

// biome-ignore lint/suspicious/noExplicitAny: frozen migration
export async function up(db: Kysely<any>, dialect: Dialect): Promise<void> {
  const t = columnTypes(dialect);
  // Cheque deposit slips first: a cheque receipt points at the slip it was deposited with.
  await db.schema
    .createTable('relations_deposit_slip')
    .addColumn('org_id', t.id, (c) => c.notNull().references('organisation.org_id'))
    .addColumn('id', t.id, (c) => c.notNull())
    // BR-2026-0001, gap-free per fiscal year.
    .addColumn('number', t.text, (c) => c.notNull())
    .addColumn('deposit_date', t.date, (c) => c.notNull())
    .addColumn('total', t.money, (c) => c.notNull())
    .addColumn('cheque_count', t.int, (c) => c.notNull())
    .addColumn('ledger_entry_id', t.id, (c) => c.notNull())
    .addColumn('created_at', t.instant, (c) => c.notNull())
    .addColumn('created_by', t.id)
    .addPrimaryKeyConstraint('relations_deposit_slip_pk', ['org_id', 'id'])
    .addForeignKeyConstraint(
      'relations_deposit_slip_entry_fk',
      ['org_id', 'ledger_entry_id'],
      'ledger_entry',
      ['org_id', 'id'],
    )
    .execute();
  await db.schema
    .createIndex('relations_deposit_slip_number_uq')
    .on('relations_deposit_slip')
    .columns(['org_id', 'number'])
    .unique()
    .execute();

  await db.schema
    .createTable('relations_receipt')
    .addColumn('org_id', t.id, (c) => c.notNull().references('organisation.org_id'))
    .addColumn('id', t.id, (c) => c.notNull())
    // RC-2026-0001, gap-free per fiscal year, given when the receipt is recorded (it is validated at once).
    .addColumn('number', t.text, (c) => c.notNull())
    .addColumn('customer_id', t.id, (c) => c.notNull())
    .addColumn('receipt_date', t.date, (c) => c.notNull())
    .addColumn('method', t.text, (c) =>
      c.notNull().check(sql`method in ('transfer','cheque','card','cash','direct_debit')`),
    )
    .addColumn('amount', t.money, (c) => c.notNull().check(sql`amount > 0`))
    .addColumn('reference', t.text)
    // What was not allocated to an invoice: kept as a customer credit (unlettered on 411).
    .addColumn('unallocated', t.money, (c) => c.notNull().check(sql`unallocated >= 0`))
    .addColumn('status', t.text, (c) => c.notNull().check(sql`status in ('validated','cancelled')`))
    .addColumn('ledger_entry_id', t.id, (c) => c.notNull())
    .addColumn('deposit_slip_id', t.id)
    .addColumn('cancelled_on', t.date)
    .addColumn('cancellation_entry_id', t.id)
    .addColumn('created_at', t.instant, (c) => c.notNull())
    .addColumn('created_by', t.id)
    .addPrimaryKeyConstraint('relations_receipt_pk', ['org_id', 'id'])
    .addForeignKeyConstraint('relations_receipt_customer_fk', ['org_id', 'customer_id'], 'party', [
      'org_id',
      'id',
    ])
    .addForeignKeyConstraint('relations_receipt_entry_fk', ['org_id', 'ledger_entry_id'], 'ledger_entry', [
      'org_id',
      'id',
    ])
    .addForeignKeyConstraint(
      'relations_receipt_cancellation_fk',
      ['org_id', 'cancellation_entry_id'],
      'ledger_entry',
      ['org_id', 'id'],
    )
    .addForeignKeyConstraint(
      'relations_receipt_slip_fk',
      ['org_id', 'deposit_slip_id'],
      'relations_deposit_slip',
      ['org_id', 'id'],
    )
    .execute();
  await db.schema
    .createIndex('relations_receipt_number_uq')
    .on('relations_receipt')
    .columns(['org_id', 'number'])
    .unique()
    .execute();
  await db.schema
    .createIndex('relations_receipt_customer_idx')
    .on('relations_receipt')
    .columns(['org_id', 'customer_id', 'receipt_date'])
    .execute();

  await db.schema
    .createTable('relations_receipt_allocation')
    .addColumn('org_id', t.id, (c) => c.notNull())
    .addColumn('id', t.id, (c) => c.notNull())
    .addColumn('receipt_id', t.id, (c) => c.notNull())
    .addColumn('invoice_id', t.id, (c) => c.notNull())
    .addColumn('amount', t.money, (c) => c.notNull().check(sql`amount > 0`))
    .addPrimaryKeyConstraint('relations_receipt_allocation_pk', ['org_id', 'id'])
    .addForeignKeyConstraint(
      'relations_receipt_allocation_receipt_fk',
      ['org_id', 'receipt_id'],
      'relations_receipt',
      ['org_id', 'id'],
    )
    .addForeignKeyConstraint(
      'relations_receipt_allocation_invoice_fk',
      ['org_id', 'invoice_id'],
      'relations_invoice',
      ['org_id', 'id'],
    )
    .execute();
  await db.schema
    .createIndex('relations_receipt_allocation_invoice_idx')
    .on('relations_receipt_allocation')
    .columns(['org_id', 'invoice_id'])
    .execute();
  await db.schema
    .createIndex('relations_receipt_allocation_receipt_idx')
    .on('relations_receipt_allocation')
    .columns(['org_id', 'receipt_id'])
    .execute();
}
