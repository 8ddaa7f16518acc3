import { type Kysely, sql } from 'kysely';

// "An entry is reversed at most once" needs only the entries that are reversals in its index: the other
// 99 % of entries each added an (org, NULL) key to it for nothing — an index insert per entry of a FEC
// import of a million lines. The partial index enforces the same rule.
// biome-ignore lint/suspicious/noExplicitAny: frozen migration
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex('ledger_entry_reversal_uq').execute();
  await db.schema
    .createIndex('ledger_entry_reversal_uq')
    .on('ledger_entry')
    .columns(['org_id', 'reversal_of'])
    .unique()
    .where(sql.ref('reversal_of'), 'is not', null)
    .execute();
}
