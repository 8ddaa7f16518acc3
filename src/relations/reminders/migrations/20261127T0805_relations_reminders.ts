import { type Kysely, sql } from 'kysely';
import { columnTypes } from '../../../kernel/db/columns.ts';
import type { Dialect } from '../../../kernel/db/connect.ts';

// biome-ignore lint/suspicious/noExplicitAny: frozen migration
export async function up(db: Kysely<any>, dialect: Dialect): Promise<void> {
  const t = columnTypes(dialect);
  await db.schema
    .createTable('relations_reminder')
    .addColumn('org_id', t.id, (c) => c.notNull().references('organisation.org_id'))
    .addColumn('id', t.id, (c) => c.notNull())
    .addColumn('customer_id', t.id, (c) => c.notNull())
    // 1 relance amiable, 2 relance ferme, 3 mise en demeure.
    .addColumn('level', t.int, (c) => c.notNull().check(sql`level in (1, 2, 3)`))
    .addColumn('reminder_date', t.date, (c) => c.notNull())
    .addColumn('channel', t.text, (c) => c.notNull().check(sql`channel in ('letter','email')`))
    .addColumn('email_to', t.text)
    // Cents, as printed on the letter: what is left to pay, the late-payment penalties, the 40 € fees.
    .addColumn('principal', t.money, (c) => c.notNull())
    .addColumn('penalties', t.money, (c) => c.notNull())
    .addColumn('recovery_fees', t.money, (c) => c.notNull())
    .addColumn('total', t.money, (c) => c.notNull())
    // The letter as issued (document store), so the history shows what the customer received.
    .addColumn('document_id', t.id)
    .addColumn('sent_at', t.instant)
    .addColumn('send_error', t.text)
    .addColumn('created_at', t.instant, (c) => c.notNull())
    .addColumn('created_by', t.id)
    .addPrimaryKeyConstraint('relations_reminder_pk', ['org_id', 'id'])
    .addForeignKeyConstraint('relations_reminder_customer_fk', ['org_id', 'customer_id'], 'party', [
      'org_id',
      'id',
    ])
    .addForeignKeyConstraint('relations_reminder_document_fk', ['org_id', 'document_id'], 'document', [
      'org_id',
      'id',
    ])
    .execute();
  await db.schema
    .createIndex('relations_reminder_customer_idx')
    .on('relations_reminder')
    .columns(['org_id', 'customer_id', 'reminder_date'])
    .execute();

  await db.schema
    .createTable('relations_reminder_invoice')
    .addColumn('org_id', t.id, (c) => c.notNull())
    .addColumn('reminder_id', t.id, (c) => c.notNull())
    .addColumn('invoice_id', t.id, (c) => c.notNull())
    .addColumn('remaining', t.money, (c) => c.notNull())
    .addColumn('days_late', t.int, (c) => c.notNull())
    // Hundredths of a percent: the annual rate the penalties were computed with.
    .addColumn('penalty_rate', t.int, (c) => c.notNull())
    .addColumn('penalty', t.money, (c) => c.notNull())
    .addColumn('recovery_fee', t.money, (c) => c.notNull())
    .addPrimaryKeyConstraint('relations_reminder_invoice_pk', ['org_id', 'reminder_id', 'invoice_id'])
    .addForeignKeyConstraint(
      'relations_reminder_invoice_reminder_fk',
      ['org_id', 'reminder_id'],
      'relations_reminder',
      ['org_id', 'id'],
    )
    .addForeignKeyConstraint(
      'relations_reminder_invoice_invoice_fk',
      ['org_id', 'invoice_id'],
      'relations_invoice',
      ['org_id', 'id'],
    )
    .execute();
  await db.schema
    .createIndex('relations_reminder_invoice_invoice_idx')
    .on('relations_reminder_invoice')
    .columns(['org_id', 'invoice_id'])
    .execute();
}
