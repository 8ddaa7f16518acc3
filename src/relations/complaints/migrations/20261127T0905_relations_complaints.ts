import { type Kysely, sql } from 'kysely';
import { columnTypes } from '../../../kernel/db/columns.ts';
import type { Dialect } from '../../../kernel/db/connect.ts';

// biome-ignore lint/suspicious/noExplicitAny: frozen migration
export async function up(db: Kysely<any>, dialect: Dialect): Promise<void> {
  const t = columnTypes(dialect);
  await db.schema
    .createTable('relations_complaint')
    .addColumn('org_id', t.id, (c) => c.notNull().references('organisation.org_id'))
    .addColumn('id', t.id, (c) => c.notNull())
    .addColumn('number', t.text, (c) => c.notNull())
    .addColumn('party_id', t.id, (c) => c.notNull())
    .addColumn('subject', t.text, (c) => c.notNull())
    .addColumn('description', t.text, (c) => c.notNull())
    .addColumn('received_on', t.date, (c) => c.notNull())
    .addColumn('deadline', t.date)
    .addColumn('status', t.text, (c) =>
      c.notNull().check(sql`status in ('open','in_progress','resolved','closed')`),
    )
    .addColumn('resolution', t.text, (c) =>
      c.check(sql`resolution is null or resolution in ('credit_note','replacement','refusal')`),
    )
    .addColumn('resolution_note', t.text)
    .addColumn('credit_note_id', t.id)
    .addColumn('resolved_on', t.date)
    .addColumn('created_at', t.instant, (c) => c.notNull())
    .addColumn('created_by', t.id)
    .addColumn('updated_at', t.instant, (c) => c.notNull())
    .addPrimaryKeyConstraint('relations_complaint_pk', ['org_id', 'id'])
    .addForeignKeyConstraint('relations_complaint_party_fk', ['org_id', 'party_id'], 'party', [
      'org_id',
      'id',
    ])
    .addForeignKeyConstraint(
      'relations_complaint_credit_note_fk',
      ['org_id', 'credit_note_id'],
      'relations_invoice',
      ['org_id', 'id'],
    )
    // A refusal always gives its reasons (the customer may take them to a mediator).
    .addCheckConstraint(
      'relations_complaint_refusal_ck',
      sql`resolution is null or resolution <> 'refusal' or resolution_note is not null`,
    )
    .execute();
  await db.schema
    .createIndex('relations_complaint_number_uq')
    .on('relations_complaint')
    .columns(['org_id', 'number'])
    .unique()
    .execute();
  await db.schema
    .createIndex('relations_complaint_party_idx')
    .on('relations_complaint')
    .columns(['org_id', 'party_id'])
    .execute();

  await db.schema
    .createTable('relations_complaint_link')
    .addColumn('org_id', t.id, (c) => c.notNull())
    .addColumn('id', t.id, (c) => c.notNull())
    .addColumn('complaint_id', t.id, (c) => c.notNull())
    .addColumn('invoice_id', t.id)
    .addColumn('document_id', t.id)
    .addPrimaryKeyConstraint('relations_complaint_link_pk', ['org_id', 'id'])
    .addForeignKeyConstraint(
      'relations_complaint_link_complaint_fk',
      ['org_id', 'complaint_id'],
      'relations_complaint',
      ['org_id', 'id'],
    )
    .addForeignKeyConstraint(
      'relations_complaint_link_invoice_fk',
      ['org_id', 'invoice_id'],
      'relations_invoice',
      ['org_id', 'id'],
    )
    .addForeignKeyConstraint('relations_complaint_link_document_fk', ['org_id', 'document_id'], 'document', [
      'org_id',
      'id',
    ])
    .addCheckConstraint('relations_complaint_link_one_ck', sql`(invoice_id is null) <> (document_id is null)`)
    .execute();
  await db.schema
    .createIndex('relations_complaint_link_idx')
    .on('relations_complaint_link')
    .columns(['org_id', 'complaint_id'])
    .execute();

  await db.schema
    .createTable('relations_complaint_step')
    .addColumn('org_id', t.id, (c) => c.notNull())
    .addColumn('id', t.id, (c) => c.notNull())
    .addColumn('complaint_id', t.id, (c) => c.notNull())
    .addColumn('step_date', t.date, (c) => c.notNull())
    .addColumn('note', t.text, (c) => c.notNull())
    .addColumn('created_at', t.instant, (c) => c.notNull())
    .addColumn('created_by', t.id)
    .addPrimaryKeyConstraint('relations_complaint_step_pk', ['org_id', 'id'])
    .addForeignKeyConstraint(
      'relations_complaint_step_complaint_fk',
      ['org_id', 'complaint_id'],
      'relations_complaint',
      ['org_id', 'id'],
    )
    .execute();
  await db.schema
    .createIndex('relations_complaint_step_idx')
    .on('relations_complaint_step')
    .columns(['org_id', 'complaint_id', 'step_date'])
    .execute();
}
