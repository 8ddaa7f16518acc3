import { type Kysely, sql } from 'kysely';
import { columnTypes } from '../../../kernel/db/columns.ts';
import type { Dialect } from '../../../kernel/db/connect.ts';

// biome-ignore lint/suspicious/noExplicitAny: frozen migration
export async function up(db: Kysely<any>, dialect: Dialect): Promise<void> {
  const t = columnTypes(dialect);
  await db.schema
    .createTable('ledger_entry')
    .addColumn('org_id', t.id, (c) => c.notNull().references('organisation.org_id'))
    .addColumn('id', t.id, (c) => c.notNull())
    .addColumn('journal_id', t.id, (c) => c.notNull())
    // Set at validation, with the number: a draft may be dated where no fiscal year is open yet.
    .addColumn('fiscal_year_id', t.id)
    .addColumn('number', t.int)
    .addColumn('entry_date', t.date, (c) => c.notNull())
    .addColumn('label', t.text, (c) => c.notNull())
    .addColumn('voucher_ref', t.text)
    .addColumn('voucher_date', t.date)
    .addColumn('status', t.text, (c) => c.notNull().check(sql`status in ('draft','validated')`))
    .addColumn('origin', t.text, (c) =>
      c.notNull().check(sql`origin in ('manual','posting','reversal','opening','import')`),
    )
    // Which document of which module produced the entry ('relations.invoice:<id>'), for posting().
    .addColumn('source_ref', t.text)
    .addColumn('reversal_of', t.id)
    .addColumn('validated_at', t.instant)
    .addColumn('validated_on', t.date)
    .addColumn('created_at', t.instant, (c) => c.notNull())
    .addColumn('created_by', t.id)
    .addPrimaryKeyConstraint('ledger_entry_pk', ['org_id', 'id'])
    .addForeignKeyConstraint('ledger_entry_journal_fk', ['org_id', 'journal_id'], 'ledger_journal', [
      'org_id',
      'id',
    ])
    .addForeignKeyConstraint(
      'ledger_entry_fiscal_year_fk',
      ['org_id', 'fiscal_year_id'],
      'ledger_fiscal_year',
      ['org_id', 'id'],
    )
    .addForeignKeyConstraint('ledger_entry_reversal_fk', ['org_id', 'reversal_of'], 'ledger_entry', [
      'org_id',
      'id',
    ])
    .addCheckConstraint(
      'ledger_entry_validated_ck',
      sql`status = 'draft' or (number is not null and fiscal_year_id is not null and validated_on is not null)`,
    )
    .execute();
  // The FEC EcritureNum: one gap-free sequence per fiscal year; the index also backs the export order.
  await db.schema
    .createIndex('ledger_entry_number_uq')
    .on('ledger_entry')
    .columns(['org_id', 'fiscal_year_id', 'number'])
    .unique()
    .execute();
  // An entry is reversed at most once: the second reversal fails even under concurrency.
  await db.schema
    .createIndex('ledger_entry_reversal_uq')
    .on('ledger_entry')
    .columns(['org_id', 'reversal_of'])
    .unique()
    .execute();
  await db.schema
    .createIndex('ledger_entry_date_idx')
    .on('ledger_entry')
    .columns(['org_id', 'entry_date', 'number'])
    .execute();

  // Draft lines are work in progress: replaced freely while the entry is a draft, moved to ledger_line
  // (and deleted here) when it is validated.
  await db.schema
    .createTable('ledger_draft_line')
    .addColumn('org_id', t.id, (c) => c.notNull().references('organisation.org_id'))
    .addColumn('id', t.id, (c) => c.notNull())
    .addColumn('entry_id', t.id, (c) => c.notNull())
    .addColumn('position', t.int, (c) => c.notNull())
    .addColumn('account_id', t.id, (c) => c.notNull())
    .addColumn('auxiliary_id', t.id)
    .addColumn('label', t.text)
    .addColumn('debit', t.money, (c) => c.notNull().check(sql`debit >= 0`))
    .addColumn('credit', t.money, (c) => c.notNull().check(sql`credit >= 0`))
    .addColumn('due_date', t.date)
    .addPrimaryKeyConstraint('ledger_draft_line_pk', ['org_id', 'id'])
    .addForeignKeyConstraint('ledger_draft_line_entry_fk', ['org_id', 'entry_id'], 'ledger_entry', [
      'org_id',
      'id',
    ])
    .addForeignKeyConstraint('ledger_draft_line_account_fk', ['org_id', 'account_id'], 'ledger_account', [
      'org_id',
      'id',
    ])
    .addForeignKeyConstraint('ledger_draft_line_auxiliary_fk', ['org_id', 'auxiliary_id'], 'ledger_account', [
      'org_id',
      'id',
    ])
    .execute();
  await db.schema
    .createIndex('ledger_draft_line_entry_idx')
    .on('ledger_draft_line')
    .columns(['org_id', 'entry_id', 'position'])
    .execute();

  // Validated lines only. The entry's date, journal and fiscal year are copied onto each line (they never
  // change) so reports aggregate lines without joining entries.
  await db.schema
    .createTable('ledger_line')
    .addColumn('org_id', t.id, (c) => c.notNull().references('organisation.org_id'))
    .addColumn('id', t.id, (c) => c.notNull())
    .addColumn('entry_id', t.id, (c) => c.notNull())
    .addColumn('position', t.int, (c) => c.notNull())
    .addColumn('fiscal_year_id', t.id, (c) => c.notNull())
    .addColumn('journal_id', t.id, (c) => c.notNull())
    .addColumn('entry_date', t.date, (c) => c.notNull())
    .addColumn('account_id', t.id, (c) => c.notNull())
    .addColumn('auxiliary_id', t.id)
    .addColumn('label', t.text, (c) => c.notNull())
    .addColumn('debit', t.money, (c) => c.notNull())
    .addColumn('credit', t.money, (c) => c.notNull())
    .addColumn('due_date', t.date)
    .addPrimaryKeyConstraint('ledger_line_pk', ['org_id', 'id'])
    .addForeignKeyConstraint('ledger_line_entry_fk', ['org_id', 'entry_id'], 'ledger_entry', ['org_id', 'id'])
    .addForeignKeyConstraint(
      'ledger_line_fiscal_year_fk',
      ['org_id', 'fiscal_year_id'],
      'ledger_fiscal_year',
      ['org_id', 'id'],
    )
    .addForeignKeyConstraint('ledger_line_journal_fk', ['org_id', 'journal_id'], 'ledger_journal', [
      'org_id',
      'id',
    ])
    .addForeignKeyConstraint('ledger_line_account_fk', ['org_id', 'account_id'], 'ledger_account', [
      'org_id',
      'id',
    ])
    .addForeignKeyConstraint('ledger_line_auxiliary_fk', ['org_id', 'auxiliary_id'], 'ledger_account', [
      'org_id',
      'id',
    ])
    .addCheckConstraint('ledger_line_side_ck', sql`(debit > 0 and credit = 0) or (credit > 0 and debit = 0)`)
    .execute();
  await db.schema
    .createIndex('ledger_line_entry_uq')
    .on('ledger_line')
    .columns(['org_id', 'entry_id', 'position'])
    .unique()
    .execute();
  // The general ledger of an account over a period (the trial balance reads ledger_balance instead).
  await db.schema
    .createIndex('ledger_line_account_idx')
    .on('ledger_line')
    .columns(['org_id', 'fiscal_year_id', 'account_id', 'entry_date'])
    .execute();
  // Customer and supplier ledgers, aged balance and lettering work per auxiliary account; most lines have
  // none, so only those that do are indexed.
  await db.schema
    .createIndex('ledger_line_auxiliary_idx')
    .on('ledger_line')
    .columns(['org_id', 'auxiliary_id', 'entry_date'])
    .where(sql.ref('auxiliary_id'), 'is not', null)
    .execute();

  // Validated entries and all lines never change (ARCHITECTURE.md §3: corrections are reversals). The
  // code never issues such an UPDATE; these triggers make the database refuse one from anywhere.
  // Deletes stay possible: discarding a whole sandbox organisation removes its rows.
  if (dialect === 'postgres') {
    await sql`
      create function ledger_refuse_update() returns trigger language plpgsql as $$
      begin
        raise exception 'ledger: % row is immutable once validated', tg_table_name using errcode = 'P0001';
      end $$`.execute(db);
    await sql`
      create trigger ledger_entry_immutable before update on ledger_entry
      for each row when (old.status = 'validated') execute function ledger_refuse_update()`.execute(db);
    await sql`
      create trigger ledger_line_immutable before update on ledger_line
      for each row execute function ledger_refuse_update()`.execute(db);
  } else {
    await sql`
      create trigger ledger_entry_immutable before update on ledger_entry
      when old.status = 'validated'
      begin select raise(abort, 'ledger: ledger_entry row is immutable once validated'); end`.execute(db);
    await sql`
      create trigger ledger_line_immutable before update on ledger_line
      begin select raise(abort, 'ledger: ledger_line row is immutable once validated'); end`.execute(db);
  }
}
