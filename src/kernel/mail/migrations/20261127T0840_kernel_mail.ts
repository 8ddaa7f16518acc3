import { type Kysely, sql } from 'kysely';
import { columnTypes } from '../../db/columns.ts';
import type { Dialect } from '../../db/connect.ts';

// biome-ignore lint/suspicious/noExplicitAny: frozen migration
export async function up(db: Kysely<any>, dialect: Dialect): Promise<void> {
  const t = columnTypes(dialect);
  await db.schema
    .createTable('mail_settings')
    .addColumn('org_id', t.id, (c) => c.notNull().references('organisation.org_id'))
    .addColumn('host', t.text, (c) => c.notNull())
    .addColumn('port', t.int, (c) => c.notNull().check(sql`port > 0 and port < 65536`))
    .addColumn('security', t.text, (c) => c.notNull().check(sql`security in ('none','starttls','tls')`))
    .addColumn('username', t.text)
    .addColumn('password_sealed', t.text)
    .addColumn('from_address', t.text, (c) => c.notNull())
    .addColumn('from_name', t.text)
    .addColumn('updated_at', t.instant, (c) => c.notNull())
    .addPrimaryKeyConstraint('mail_settings_pk', ['org_id'])
    .execute();

  await db.schema
    .createTable('mail_message')
    .addColumn('org_id', t.id, (c) => c.notNull().references('organisation.org_id'))
    .addColumn('id', t.id, (c) => c.notNull())
    .addColumn('origin_org_id', t.id, (c) => c.notNull())
    .addColumn('status', t.text, (c) =>
      c.notNull().check(sql`status in ('pending','sending','sent','failed','cancelled')`),
    )
    .addColumn('to_addresses', t.json, (c) => c.notNull())
    .addColumn('subject', t.text, (c) => c.notNull())
    .addColumn('text_body', t.text, (c) => c.notNull())
    .addColumn('reply_to', t.text)
    .addColumn('source', t.text)
    .addColumn('attempts', t.int, (c) => c.notNull())
    .addColumn('next_attempt_at', t.instant, (c) => c.notNull())
    .addColumn('last_error', t.text)
    .addColumn('claim_token', t.text)
    .addColumn('claimed_at', t.instant)
    .addColumn('sent_at', t.instant)
    .addColumn('smtp_response', t.text)
    .addColumn('created_by', t.id)
    .addColumn('created_at', t.instant, (c) => c.notNull())
    .addColumn('updated_at', t.instant, (c) => c.notNull())
    .addPrimaryKeyConstraint('mail_message_pk', ['org_id', 'id'])
    .execute();
  // The worker's query: due pending messages of every organisation, oldest first.
  await db.schema
    .createIndex('mail_message_due_idx')
    .on('mail_message')
    .columns(['status', 'next_attempt_at'])
    .execute();
  await db.schema
    .createIndex('mail_message_list_idx')
    .on('mail_message')
    .columns(['org_id', 'created_at'])
    .execute();

  await db.schema
    .createTable('mail_attachment')
    .addColumn('org_id', t.id, (c) => c.notNull())
    .addColumn('message_id', t.id, (c) => c.notNull())
    .addColumn('position', t.int, (c) => c.notNull())
    .addColumn('document_id', t.id, (c) => c.notNull())
    .addPrimaryKeyConstraint('mail_attachment_pk', ['org_id', 'message_id', 'position'])
    .addForeignKeyConstraint('mail_attachment_message_fk', ['org_id', 'message_id'], 'mail_message', [
      'org_id',
      'id',
    ])
    .addForeignKeyConstraint('mail_attachment_document_fk', ['org_id', 'document_id'], 'document', [
      'org_id',
      'id',
    ])
    .execute();
}
