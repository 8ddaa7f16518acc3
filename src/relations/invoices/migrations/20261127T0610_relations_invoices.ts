import { type Kysely, sql } from 'kysely';
import { columnTypes } from '../../../kernel/db/columns.ts';
import type { Dialect } from '../../../kernel/db/connect.ts';

// biome-ignore lint/suspicious/noExplicitAny: frozen migration
export async function up(db: Kysely<any>, dialect: Dialect): Promise<void> {
  const t = columnTypes(dialect);
  await db.schema
    .createTable('relations_invoice')
    .addColumn('org_id', t.id, (c) => c.notNull().references('organisation.org_id'))
    .addColumn('id', t.id, (c) => c.notNull())
    .addColumn('kind', t.text, (c) => c.notNull().check(sql`kind in ('invoice','credit_note')`))
    .addColumn('status', t.text, (c) => c.notNull().check(sql`status in ('draft','validated')`))
    // Given at validation only, from the gap-free counter (FA-2026-00001, AV-2026-00001).
    .addColumn('number', t.text)
    .addColumn('customer_id', t.id, (c) => c.notNull())
    .addColumn('issue_date', t.date)
    .addColumn('delivery_date', t.date)
    .addColumn('due_date', t.date)
    .addColumn('payment_terms', t.text)
    .addColumn('customer_order_ref', t.text)
    .addColumn('delivery_line1', t.text)
    .addColumn('delivery_line2', t.text)
    .addColumn('delivery_postal_code', t.text)
    .addColumn('delivery_city', t.text)
    .addColumn('delivery_country', t.text)
    .addColumn('notes', t.text)
    // Hundredths of a percent off the whole document (EN 16931 document-level allowance, per VAT rate).
    .addColumn('document_discount', t.int, (c) => c.notNull())
    .addColumn('credited_invoice_id', t.id)
    // BT-109, BT-110, BT-112 in cents, kept current on drafts for lists, frozen at validation.
    .addColumn('total_net', t.money, (c) => c.notNull())
    .addColumn('total_vat', t.money, (c) => c.notNull())
    .addColumn('total', t.money, (c) => c.notNull())
    // Seller, customer and invoicing settings as they stood at validation (the invoice must not change
    // when the party or the organisation is edited later). JSON text.
    .addColumn('issued', t.json)
    .addColumn('ledger_entry_id', t.id)
    .addColumn('validated_at', t.instant)
    .addColumn('validated_by', t.id)
    .addColumn('created_at', t.instant, (c) => c.notNull())
    .addColumn('created_by', t.id)
    .addColumn('updated_at', t.instant, (c) => c.notNull())
    .addPrimaryKeyConstraint('relations_invoice_pk', ['org_id', 'id'])
    .addForeignKeyConstraint('relations_invoice_customer_fk', ['org_id', 'customer_id'], 'party', [
      'org_id',
      'id',
    ])
    .addForeignKeyConstraint(
      'relations_invoice_credited_fk',
      ['org_id', 'credited_invoice_id'],
      'relations_invoice',
      ['org_id', 'id'],
    )
    .addForeignKeyConstraint('relations_invoice_entry_fk', ['org_id', 'ledger_entry_id'], 'ledger_entry', [
      'org_id',
      'id',
    ])
    .addCheckConstraint(
      'relations_invoice_validated_ck',
      sql`status = 'draft' or (number is not null and issue_date is not null and issued is not null)`,
    )
    .execute();
  await db.schema
    .createIndex('relations_invoice_number_uq')
    .on('relations_invoice')
    .columns(['org_id', 'number'])
    .unique()
    .execute();
  await db.schema
    .createIndex('relations_invoice_list_idx')
    .on('relations_invoice')
    .columns(['org_id', 'status', 'issue_date'])
    .execute();
  await db.schema
    .createIndex('relations_invoice_customer_idx')
    .on('relations_invoice')
    .columns(['org_id', 'customer_id'])
    .execute();

  await db.schema
    .createTable('relations_invoice_line')
    .addColumn('org_id', t.id, (c) => c.notNull())
    .addColumn('id', t.id, (c) => c.notNull())
    .addColumn('invoice_id', t.id, (c) => c.notNull())
    .addColumn('position', t.int, (c) => c.notNull())
    .addColumn('item_id', t.id)
    .addColumn('code', t.text)
    .addColumn('label', t.text, (c) => c.notNull())
    .addColumn('description', t.text)
    .addColumn('kind', t.text, (c) => c.notNull().check(sql`kind in ('goods','service')`))
    .addColumn('unit', t.text, (c) => c.notNull())
    // Scaled integers: quantity × 10^3, unit price (€) × 10^4, percentages × 10^2.
    .addColumn('quantity', t.int, (c) => c.notNull())
    .addColumn('unit_price', t.int, (c) => c.notNull())
    .addColumn('discount', t.int, (c) => c.notNull())
    .addColumn('vat_rate', t.int, (c) => c.notNull())
    .addColumn('vat_exemption_reason', t.text)
    .addColumn('revenue_account', t.text, (c) => c.notNull())
    // BT-131 in cents: quantity × price − discount, rounded half up.
    .addColumn('net_amount', t.money, (c) => c.notNull())
    .addPrimaryKeyConstraint('relations_invoice_line_pk', ['org_id', 'id'])
    .addForeignKeyConstraint(
      'relations_invoice_line_invoice_fk',
      ['org_id', 'invoice_id'],
      'relations_invoice',
      ['org_id', 'id'],
    )
    .addForeignKeyConstraint(
      'relations_invoice_line_item_fk',
      ['org_id', 'item_id'],
      'relations_catalogue_item',
      ['org_id', 'id'],
    )
    .execute();
  await db.schema
    .createIndex('relations_invoice_line_invoice_idx')
    .on('relations_invoice_line')
    .columns(['org_id', 'invoice_id', 'position'])
    .execute();

  // The issued PDF, linked once (insert-only), so the invoice row itself never changes after validation.
  await db.schema
    .createTable('relations_invoice_document')
    .addColumn('org_id', t.id, (c) => c.notNull())
    .addColumn('invoice_id', t.id, (c) => c.notNull())
    .addColumn('document_id', t.id, (c) => c.notNull())
    .addPrimaryKeyConstraint('relations_invoice_document_pk', ['org_id', 'invoice_id'])
    .addForeignKeyConstraint(
      'relations_invoice_document_invoice_fk',
      ['org_id', 'invoice_id'],
      'relations_invoice',
      ['org_id', 'id'],
    )
    .addForeignKeyConstraint(
      'relations_invoice_document_document_fk',
      ['org_id', 'document_id'],
      'document',
      ['org_id', 'id'],
    )
    .execute();

  // A validated invoice is never updated (CGI art. 242 nonies A: corrections by credit note). The code
  // never tries; these triggers make the database refuse it from anywhere. Deletes stay possible so a
  // discarded sandbox organisation can be removed.
  if (dialect === 'postgres') {
    await sql`
      create function relations_refuse_update() returns trigger language plpgsql as $$
      begin
        raise exception 'relations: % row is immutable once validated', tg_table_name using errcode = 'P0001';
      end $$`.execute(db);
    await sql`
      create trigger relations_invoice_immutable before update on relations_invoice
      for each row when (old.status = 'validated') execute function relations_refuse_update()`.execute(db);
    await sql`
      create trigger relations_invoice_line_immutable before update on relations_invoice_line
      for each row execute function relations_refuse_update()`.execute(db);
    await sql`
      create trigger relations_invoice_document_immutable before update on relations_invoice_document
      for each row execute function relations_refuse_update()`.execute(db);
  } else {
    await sql`
      create trigger relations_invoice_immutable before update on relations_invoice
      when old.status = 'validated'
      begin select raise(abort, 'relations: relations_invoice row is immutable once validated'); end`.execute(
      db,
    );
    await sql`
      create trigger relations_invoice_line_immutable before update on relations_invoice_line
      begin select raise(abort, 'relations: relations_invoice_line rows are replaced, never updated'); end`.execute(
      db,
    );
    await sql`
      create trigger relations_invoice_document_immutable before update on relations_invoice_document
      begin select raise(abort, 'relations: relations_invoice_document row is immutable'); end`.execute(db);
  }
}
