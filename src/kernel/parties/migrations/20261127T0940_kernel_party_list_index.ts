import type { Kysely } from 'kysely';

// The party list reads "not archived, by name" on every page, with its exact total (the screen shows it):
// with archived_at in the key, the total is counted from the index alone and the page is read in index
// order, with no sort (docs/performance.md, issue 6 §8).
// biome-ignore lint/suspicious/noExplicitAny: frozen migration
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createIndex('party_list_idx')
    .on('party')
    .columns(['org_id', 'archived_at', 'sort_key', 'id'])
    .execute();
}
