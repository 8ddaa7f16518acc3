import { type Kysely, sql } from 'kysely';
import { columnTypes } from '../../../kernel/db/columns.ts';
import type { Dialect } from '../../../kernel/db/connect.ts';

// biome-ignore lint/suspicious/noExplicitAny: frozen migration
export async function up(db: Kysely<any>, dialect: Dialect): Promise<void> {
  const t = columnTypes(dialect);
  // Daily totals per account, kept by the ledger's one writer of lines in the same transaction: the trial
  // balance groups these (accounts × days) instead of every line (docs/decisions/0005-ledger-balances.md).
  await db.schema
    .createTable('ledger_balance')
    .addColumn('org_id', t.id, (c) => c.notNull().references('organisation.org_id'))
    .addColumn('fiscal_year_id', t.id, (c) => c.notNull())
    .addColumn('account_id', t.id, (c) => c.notNull())
    .addColumn('entry_date', t.date, (c) => c.notNull())
    // 1 for lines of an opening (AN) journal: they belong in the opening column whatever the period.
    .addColumn('opening', t.flag, (c) => c.notNull().check(sql`opening in (0, 1)`))
    .addColumn('debit', t.money, (c) => c.notNull())
    .addColumn('credit', t.money, (c) => c.notNull())
    .addPrimaryKeyConstraint('ledger_balance_pk', [
      'org_id',
      'fiscal_year_id',
      'account_id',
      'entry_date',
      'opening',
    ])
    .addForeignKeyConstraint(
      'ledger_balance_fiscal_year_fk',
      ['org_id', 'fiscal_year_id'],
      'ledger_fiscal_year',
      ['org_id', 'id'],
    )
    .addForeignKeyConstraint('ledger_balance_account_fk', ['org_id', 'account_id'], 'ledger_account', [
      'org_id',
      'id',
    ])
    .execute();
  // Lines written before this migration get their totals.
  await sql`
    insert into ledger_balance (org_id, fiscal_year_id, account_id, entry_date, opening, debit, credit)
    select l.org_id, l.fiscal_year_id, l.account_id, l.entry_date,
           case when j.kind = 'opening' then 1 else 0 end,
           cast(sum(l.debit) as bigint), cast(sum(l.credit) as bigint)
    from ledger_line l
    join ledger_journal j on j.org_id = l.org_id and j.id = l.journal_id
    group by l.org_id, l.fiscal_year_id, l.account_id, l.entry_date, case when j.kind = 'opening' then 1 else 0 end`.execute(
    db,
  );
}
