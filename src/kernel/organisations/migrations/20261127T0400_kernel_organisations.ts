import { type Kysely, sql } from 'kysely';
import { columnTypes } from '../../db/columns.ts';
import type { Dialect } from '../../db/connect.ts';

// biome-ignore lint/suspicious/noExplicitAny: frozen migration
export async function up(db: Kysely<any>, dialect: Dialect): Promise<void> {
  const t = columnTypes(dialect);
  await db.schema
    .createTable('organisation')
    .addColumn('org_id', t.id, (c) => c.primaryKey().notNull())
    .addColumn('name', t.text, (c) => c.notNull())
    .addColumn('legal_form', t.text)
    .addColumn('kind', t.text, (c) =>
      c.notNull().check(sql`kind in ('company','association','public_body','health_social')`),
    )
    .addColumn('siren', t.text)
    .addColumn('siret', t.text)
    .addColumn('vat_number', t.text)
    .addColumn('address_line1', t.text)
    .addColumn('address_line2', t.text)
    .addColumn('postal_code', t.text)
    .addColumn('city', t.text)
    .addColumn('country', t.text, (c) => c.notNull().defaultTo('FR'))
    .addColumn('email', t.text)
    .addColumn('phone', t.text)
    .addColumn('fiscal_year_start', t.text, (c) => c.notNull().defaultTo('01-01'))
    .addColumn('vat_regime', t.text, (c) =>
      c
        .notNull()
        .check(
          sql`vat_regime in ('normal_monthly','normal_quarterly','simplified','franchise','not_liable')`,
        ),
    )
    .addColumn('time_zone', t.text, (c) => c.notNull().defaultTo('Europe/Paris'))
    .addColumn('copied_from', t.id)
    .addColumn('created_at', t.instant, (c) => c.notNull())
    .addColumn('updated_at', t.instant, (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('app_user')
    .addColumn('id', t.id, (c) => c.primaryKey().notNull())
    .addColumn('email', t.text, (c) => c.notNull().unique())
    .addColumn('name', t.text, (c) => c.notNull())
    .addColumn('password_hash', t.text, (c) => c.notNull())
    .addColumn('locale', t.text, (c) => c.notNull().defaultTo('fr'))
    .addColumn('disabled_at', t.instant)
    .addColumn('created_at', t.instant, (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('membership')
    .addColumn('org_id', t.id, (c) => c.notNull().references('organisation.org_id'))
    .addColumn('user_id', t.id, (c) => c.notNull().references('app_user.id'))
    .addColumn('role', t.text, (c) =>
      c.notNull().check(sql`role in ('owner','assistant','accountant','hr','viewer','teacher','student')`),
    )
    .addColumn('created_at', t.instant, (c) => c.notNull())
    .addPrimaryKeyConstraint('membership_pk', ['org_id', 'user_id'])
    .execute();
  await db.schema.createIndex('membership_user_idx').on('membership').column('user_id').execute();

  // Sessions are per user, not per organisation: one login serves every organisation of the user.
  await db.schema
    .createTable('session')
    .addColumn('id', t.id, (c) => c.primaryKey().notNull())
    .addColumn('user_id', t.id, (c) => c.notNull().references('app_user.id'))
    .addColumn('csrf_token', t.text, (c) => c.notNull())
    .addColumn('created_at', t.instant, (c) => c.notNull())
    .addColumn('last_seen_at', t.instant, (c) => c.notNull())
    .addColumn('expires_at', t.instant, (c) => c.notNull())
    .addColumn('revoked_at', t.instant)
    .execute();
  await db.schema.createIndex('session_user_idx').on('session').column('user_id').execute();

  // Replays of a creating request carrying the same Idempotency-Key get the first answer back.
  await db.schema
    .createTable('idempotency_record')
    .addColumn('org_id', t.id, (c) => c.notNull().references('organisation.org_id'))
    .addColumn('id', t.text, (c) => c.notNull())
    .addColumn('user_id', t.id, (c) => c.notNull())
    .addColumn('route', t.text, (c) => c.notNull())
    .addColumn('status', t.int, (c) => c.notNull())
    .addColumn('body', t.json, (c) => c.notNull())
    .addColumn('created_at', t.instant, (c) => c.notNull())
    .addPrimaryKeyConstraint('idempotency_record_pk', ['org_id', 'id'])
    .execute();
}
