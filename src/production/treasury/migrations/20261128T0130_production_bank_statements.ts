import { type Kysely, sql } from 'kysely';
import { columnTypes } from '../../../kernel/db/columns.ts';
import type { Dialect } from '../../../kernel/db/connect.ts';

// Bank accounts, imported bank statements and their lines, and the reconciliation of those lines with
// the ledger's bank account lines (decision 0040).

// biome-ignore lint/suspicious/noExplicitAny: frozen migration
export async function up(db: Kysely<any>, dialect: Dialect): Promise<void> {
  const t = columnTypes(dialect);
  await db.schema
    .createTable('production_bank_account')
    .addColumn('org_id', t.id, (c) => c.notNull().references('organisation.org_id'))
    .addColumn('id', t.id, (c) => c.notNull())
    // The IBAN, or the bank's account number when the file gives none (OFX).
    .addColumn('account', t.text, (c) => c.notNull())
    .addColumn('iban', t.text)
    .addColumn('label', t.text, (c) => c.notNull())
    // The general account of the books this bank account is reconciled with: 512, or 5121, 5122…
    .addColumn('ledger_account', t.text, (c) => c.notNull())
    .addColumn('created_at', t.instant, (c) => c.notNull())
    .addColumn('created_by', t.id)
    .addPrimaryKeyConstraint('production_bank_account_pk', ['org_id', 'id'])
    .execute();
  await db.schema
    .createIndex('production_bank_account_uq')
    .on('production_bank_account')
    .columns(['org_id', 'account'])
    .unique()
    .execute();
  await db.schema
    .createIndex('production_bank_account_ledger_uq')
    .on('production_bank_account')
    .columns(['org_id', 'ledger_account'])
    .unique()
    .execute();

  await db.schema
    .createTable('production_bank_statement')
    .addColumn('org_id', t.id, (c) => c.notNull())
    .addColumn('id', t.id, (c) => c.notNull())
    .addColumn('bank_account_id', t.id, (c) => c.notNull())
    .addColumn('format', t.text, (c) => c.notNull().check(sql`format in ('camt053','ofx')`))
    .addColumn('reference', t.text, (c) => c.notNull())
    .addColumn('file_name', t.text)
    .addColumn('from_date', t.date)
    .addColumn('to_date', t.date, (c) => c.notNull())
    .addColumn('currency', t.text, (c) => c.notNull())
    .addColumn('opening_balance', t.money, (c) => c.notNull())
    // 1 when the file gives no opening balance (OFX): closing − Σ lines.
    .addColumn('opening_derived', t.flag, (c) => c.notNull())
    .addColumn('closing_balance', t.money, (c) => c.notNull())
    // opening + Σ lines − closing, as the file has it; 0 when it reconciles (shown as a warning otherwise).
    .addColumn('balance_gap', t.money, (c) => c.notNull())
    .addColumn('line_count', t.int, (c) => c.notNull())
    .addColumn('duplicate_count', t.int, (c) => c.notNull())
    .addColumn('not_booked_count', t.int, (c) => c.notNull())
    .addColumn('imported_at', t.instant, (c) => c.notNull())
    .addColumn('imported_by', t.id)
    .addPrimaryKeyConstraint('production_bank_statement_pk', ['org_id', 'id'])
    .addForeignKeyConstraint(
      'production_bank_statement_account_fk',
      ['org_id', 'bank_account_id'],
      'production_bank_account',
      ['org_id', 'id'],
    )
    .execute();
  await db.schema
    .createIndex('production_bank_statement_ref_uq')
    .on('production_bank_statement')
    .columns(['org_id', 'bank_account_id', 'reference'])
    .unique()
    .execute();

  await db.schema
    .createTable('production_bank_line')
    .addColumn('org_id', t.id, (c) => c.notNull())
    .addColumn('id', t.id, (c) => c.notNull())
    .addColumn('statement_id', t.id, (c) => c.notNull())
    .addColumn('bank_account_id', t.id, (c) => c.notNull())
    .addColumn('position', t.int, (c) => c.notNull())
    .addColumn('booking_date', t.date, (c) => c.notNull())
    .addColumn('value_date', t.date)
    // Signed cents: positive = money in (credit on the bank's side).
    .addColumn('amount', t.money, (c) => c.notNull())
    .addColumn('label', t.text, (c) => c.notNull())
    .addColumn('bank_ref', t.text)
    .addColumn('end_to_end_ref', t.text)
    .addColumn('counterparty', t.text)
    .addColumn('counterparty_iban', t.text)
    .addColumn('transaction_code', t.text)
    .addColumn('reversal', t.flag, (c) => c.notNull())
    .addPrimaryKeyConstraint('production_bank_line_pk', ['org_id', 'id'])
    .addForeignKeyConstraint(
      'production_bank_line_statement_fk',
      ['org_id', 'statement_id'],
      'production_bank_statement',
      ['org_id', 'id'],
    )
    .execute();
  await db.schema
    .createIndex('production_bank_line_account_idx')
    .on('production_bank_line')
    .columns(['org_id', 'bank_account_id', 'booking_date'])
    .execute();
  await db.schema
    .createIndex('production_bank_line_statement_idx')
    .on('production_bank_line')
    .columns(['org_id', 'statement_id', 'position'])
    .execute();

  await db.schema
    .createTable('production_bank_match')
    .addColumn('org_id', t.id, (c) => c.notNull())
    .addColumn('id', t.id, (c) => c.notNull())
    .addColumn('bank_line_id', t.id, (c) => c.notNull())
    .addColumn('ledger_line_id', t.id, (c) => c.notNull())
    .addColumn('kind', t.text, (c) => c.notNull().check(sql`kind in ('auto','manual','posted')`))
    .addColumn('matched_at', t.instant, (c) => c.notNull())
    .addColumn('matched_by', t.id)
    .addPrimaryKeyConstraint('production_bank_match_pk', ['org_id', 'id'])
    .addForeignKeyConstraint(
      'production_bank_match_line_fk',
      ['org_id', 'bank_line_id'],
      'production_bank_line',
      ['org_id', 'id'],
    )
    .addForeignKeyConstraint('production_bank_match_ledger_fk', ['org_id', 'ledger_line_id'], 'ledger_line', [
      'org_id',
      'id',
    ])
    .execute();
  // A ledger line is matched once at most.
  await db.schema
    .createIndex('production_bank_match_ledger_uq')
    .on('production_bank_match')
    .columns(['org_id', 'ledger_line_id'])
    .unique()
    .execute();
  await db.schema
    .createIndex('production_bank_match_line_idx')
    .on('production_bank_match')
    .columns(['org_id', 'bank_line_id'])
    .execute();
}
