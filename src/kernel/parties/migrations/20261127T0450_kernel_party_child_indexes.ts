import type { Kysely } from 'kysely';

// A party's contacts and addresses are read by party on every list page: index them by party.
// biome-ignore lint/suspicious/noExplicitAny: frozen migration
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createIndex('party_contact_party_idx')
    .on('party_contact')
    .columns(['org_id', 'party_id'])
    .execute();
  await db.schema
    .createIndex('party_address_party_idx')
    .on('party_address')
    .columns(['org_id', 'party_id'])
    .execute();
}
