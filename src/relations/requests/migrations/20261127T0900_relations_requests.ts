import { type Kysely, sql } from 'kysely';
import { columnTypes } from '../../../kernel/db/columns.ts';
import type { Dialect } from '../../../kernel/db/connect.ts';

// biome-ignore lint/suspicious/noExplicitAny: frozen migration
export async function up(db: Kysely<any>, dialect: Dialect): Promise<void> {
  const t = columnTypes(dialect);
  await db.schema
    .createTable('relations_request')
    .addColumn('org_id', t.id, (c) => c.notNull().references('organisation.org_id'))
    .addColumn('id', t.id, (c) => c.notNull())
    .addColumn('channel', t.text, (c) =>
      c.notNull().check(sql`channel in ('phone','email','counter','web_form')`),
    )
    .addColumn('party_id', t.id)
    // Who wrote, as they gave it: kept even when the request is linked to a party.
    .addColumn('sender_name', t.text)
    .addColumn('sender_email', t.text)
    .addColumn('sender_phone', t.text)
    .addColumn('category', t.text)
    .addColumn('subject', t.text, (c) => c.notNull())
    .addColumn('message', t.text, (c) => c.notNull())
    .addColumn('assignee_id', t.id)
    .addColumn('status', t.text, (c) =>
      c.notNull().check(sql`status in ('new','in_progress','answered','closed')`),
    )
    .addColumn('received_at', t.instant, (c) => c.notNull())
    .addColumn('due_date', t.date)
    .addColumn('answer', t.text)
    .addColumn('answered_at', t.instant)
    .addColumn('answered_by', t.id)
    .addColumn('created_at', t.instant, (c) => c.notNull())
    .addColumn('created_by', t.id)
    .addColumn('updated_at', t.instant, (c) => c.notNull())
    .addPrimaryKeyConstraint('relations_request_pk', ['org_id', 'id'])
    .addForeignKeyConstraint('relations_request_party_fk', ['org_id', 'party_id'], 'party', ['org_id', 'id'])
    .execute();
  await db.schema
    .createIndex('relations_request_list_idx')
    .on('relations_request')
    .columns(['org_id', 'status', 'received_at'])
    .execute();
  await db.schema
    .createIndex('relations_request_party_idx')
    .on('relations_request')
    .columns(['org_id', 'party_id'])
    .execute();

  await db.schema
    .createTable('relations_request_template')
    .addColumn('org_id', t.id, (c) => c.notNull().references('organisation.org_id'))
    .addColumn('id', t.id, (c) => c.notNull())
    .addColumn('name', t.text, (c) => c.notNull())
    .addColumn('category', t.text)
    .addColumn('body', t.text, (c) => c.notNull())
    .addColumn('created_at', t.instant, (c) => c.notNull())
    .addColumn('updated_at', t.instant, (c) => c.notNull())
    .addPrimaryKeyConstraint('relations_request_template_pk', ['org_id', 'id'])
    .execute();

  // One row per organisation, created on first save; absent means the form is off.
  await db.schema
    .createTable('relations_request_form')
    .addColumn('org_id', t.id, (c) => c.notNull().primaryKey().references('organisation.org_id'))
    .addColumn('enabled', t.flag, (c) => c.notNull())
    .addColumn('intro', t.text)
    .addColumn('categories', t.json, (c) => c.notNull())
    .addColumn('secret', t.text, (c) => c.notNull())
    .addColumn('answer_days', t.int, (c) => c.notNull())
    .addColumn('updated_at', t.instant, (c) => c.notNull())
    .execute();
}
