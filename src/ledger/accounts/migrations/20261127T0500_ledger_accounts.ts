import { type Kysely, sql } from 'kysely';
import { columnTypes } from '../../../kernel/db/columns.ts';
import type { Dialect } from '../../../kernel/db/connect.ts';

// biome-ignore lint/suspicious/noExplicitAny: frozen migration
export async function up(db: Kysely<any>, dialect: Dialect): Promise<void> {
  const t = columnTypes(dialect);
  // General accounts (PCG numbers) and auxiliary accounts (one per party under a collective account such
  // as 411 or 401) share one table: both are what a line is posted to, and the FEC names both.
  await db.schema
    .createTable('ledger_account')
    .addColumn('org_id', t.id, (c) => c.notNull().references('organisation.org_id'))
    .addColumn('id', t.id, (c) => c.notNull())
    .addColumn('number', t.text, (c) => c.notNull())
    .addColumn('label', t.text, (c) => c.notNull())
    .addColumn('class', t.int, (c) => c.notNull().check(sql`class between 1 and 9`))
    .addColumn('kind', t.text, (c) => c.notNull().check(sql`kind in ('general','auxiliary')`))
    // Auxiliary accounts only: the collective account they detail, and the party they belong to.
    .addColumn('parent_id', t.id)
    .addColumn('party_id', t.id)
    .addColumn('archived_at', t.instant)
    .addColumn('created_at', t.instant, (c) => c.notNull())
    .addPrimaryKeyConstraint('ledger_account_pk', ['org_id', 'id'])
    .addForeignKeyConstraint('ledger_account_parent_fk', ['org_id', 'parent_id'], 'ledger_account', [
      'org_id',
      'id',
    ])
    .addForeignKeyConstraint('ledger_account_party_fk', ['org_id', 'party_id'], 'party', ['org_id', 'id'])
    .addCheckConstraint(
      'ledger_account_kind_ck',
      sql`(kind = 'general' and parent_id is null) or (kind = 'auxiliary' and parent_id is not null)`,
    )
    .execute();
  // Numbers are unique among general accounts, and among the auxiliary accounts of one collective account
  // (a FEC may use the same auxiliary code under 401 and 411 for a party that both buys and sells).
  await db.schema
    .createIndex('ledger_account_number_uq')
    .on('ledger_account')
    .columns(['org_id', 'number'])
    .unique()
    .where(sql.ref('kind'), '=', 'general')
    .execute();
  await db.schema
    .createIndex('ledger_account_auxiliary_uq')
    .on('ledger_account')
    .columns(['org_id', 'parent_id', 'number'])
    .unique()
    .where(sql.ref('kind'), '=', 'auxiliary')
    .execute();
  await db.schema
    .createIndex('ledger_account_party_idx')
    .on('ledger_account')
    .columns(['org_id', 'party_id'])
    .execute();
}
