import { type Kysely, sql } from 'kysely';
import { columnTypes } from '../../db/columns.ts';
import type { Dialect } from '../../db/connect.ts';

// biome-ignore lint/suspicious/noExplicitAny: frozen migration
export async function up(db: Kysely<any>, dialect: Dialect): Promise<void> {
  const t = columnTypes(dialect);
  await db.schema
    .createTable('party')
    .addColumn('org_id', t.id, (c) => c.notNull().references('organisation.org_id'))
    .addColumn('id', t.id, (c) => c.notNull())
    .addColumn('kind', t.text, (c) => c.notNull().check(sql`kind in ('person','organisation')`))
    .addColumn('name', t.text, (c) => c.notNull())
    .addColumn('sort_key', t.text, (c) => c.notNull())
    .addColumn('legal_form', t.text)
    .addColumn('siren', t.text)
    .addColumn('siret', t.text)
    .addColumn('vat_number', t.text)
    .addColumn('email', t.text)
    .addColumn('phone', t.text)
    .addColumn('website', t.text)
    .addColumn('iban', t.text)
    .addColumn('bic', t.text)
    .addColumn('notes', t.text)
    .addColumn('archived_at', t.instant)
    .addColumn('created_at', t.instant, (c) => c.notNull())
    .addColumn('updated_at', t.instant, (c) => c.notNull())
    .addPrimaryKeyConstraint('party_pk', ['org_id', 'id'])
    .execute();
  await db.schema.createIndex('party_sort_idx').on('party').columns(['org_id', 'sort_key']).execute();

  await db.schema
    .createTable('party_role')
    .addColumn('org_id', t.id, (c) => c.notNull())
    .addColumn('party_id', t.id, (c) => c.notNull())
    .addColumn('role', t.text, (c) =>
      c
        .notNull()
        .check(sql`role in ('customer','user','member','prospect','supplier','subcontractor','provider')`),
    )
    .addPrimaryKeyConstraint('party_role_pk', ['org_id', 'party_id', 'role'])
    .addForeignKeyConstraint('party_role_party_fk', ['org_id', 'party_id'], 'party', ['org_id', 'id'])
    .execute();
  await db.schema.createIndex('party_role_role_idx').on('party_role').columns(['org_id', 'role']).execute();

  await db.schema
    .createTable('party_contact')
    .addColumn('org_id', t.id, (c) => c.notNull())
    .addColumn('id', t.id, (c) => c.notNull())
    .addColumn('party_id', t.id, (c) => c.notNull())
    .addColumn('position', t.int, (c) => c.notNull())
    .addColumn('name', t.text, (c) => c.notNull())
    .addColumn('job_title', t.text)
    .addColumn('email', t.text)
    .addColumn('phone', t.text)
    .addPrimaryKeyConstraint('party_contact_pk', ['org_id', 'id'])
    .addForeignKeyConstraint('party_contact_party_fk', ['org_id', 'party_id'], 'party', ['org_id', 'id'])
    .execute();

  await db.schema
    .createTable('party_address')
    .addColumn('org_id', t.id, (c) => c.notNull())
    .addColumn('id', t.id, (c) => c.notNull())
    .addColumn('party_id', t.id, (c) => c.notNull())
    .addColumn('position', t.int, (c) => c.notNull())
    .addColumn('kind', t.text, (c) =>
      c.notNull().check(sql`kind in ('billing','delivery','head_office','other')`),
    )
    .addColumn('line1', t.text, (c) => c.notNull())
    .addColumn('line2', t.text)
    .addColumn('postal_code', t.text, (c) => c.notNull())
    .addColumn('city', t.text, (c) => c.notNull())
    .addColumn('country', t.text, (c) => c.notNull())
    .addPrimaryKeyConstraint('party_address_pk', ['org_id', 'id'])
    .addForeignKeyConstraint('party_address_party_fk', ['org_id', 'party_id'], 'party', ['org_id', 'id'])
    .execute();
}
