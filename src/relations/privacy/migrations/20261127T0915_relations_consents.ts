import { type Kysely, sql } from 'kysely';
import { columnTypes } from '../../../kernel/db/columns.ts';
import type { Dialect } from '../../../kernel/db/connect.ts';

// biome-ignore lint/suspicious/noExplicitAny: frozen migration
export async function up(db: Kysely<any>, dialect: Dialect): Promise<void> {
  const t = columnTypes(dialect);
  await db.schema
    .createTable('relations_consent')
    .addColumn('org_id', t.id, (c) => c.notNull().references('organisation.org_id'))
    .addColumn('id', t.id, (c) => c.notNull())
    .addColumn('party_id', t.id, (c) => c.notNull())
    .addColumn('purpose', t.text, (c) =>
      c.notNull().check(sql`purpose in ('newsletter','prospecting','photos','partner_sharing')`),
    )
    .addColumn('granted', t.flag, (c) => c.notNull().check(sql`granted in (0, 1)`))
    .addColumn('given_on', t.date, (c) => c.notNull())
    .addColumn('source', t.text, (c) => c.notNull())
    .addColumn('recorded_at', t.instant, (c) => c.notNull())
    .addColumn('recorded_by', t.id)
    .addPrimaryKeyConstraint('relations_consent_pk', ['org_id', 'id'])
    .addForeignKeyConstraint('relations_consent_party_fk', ['org_id', 'party_id'], 'party', ['org_id', 'id'])
    .execute();
  await db.schema
    .createIndex('relations_consent_party_idx')
    .on('relations_consent')
    .columns(['org_id', 'party_id', 'purpose', 'recorded_at'])
    .execute();
}
