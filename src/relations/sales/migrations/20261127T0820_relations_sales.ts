import { type CreateTableBuilder, type Kysely, sql } from 'kysely';
import { columnTypes } from '../../../kernel/db/columns.ts';
import type { Dialect } from '../../../kernel/db/connect.ts';

// Sales documents before the invoice (quotes, sales orders, delivery notes) share one header table and
// one line table: they carry the same fields and convert into each other line by line. Contracts with
// periodic invoicing, and the links from invoices back to what they bill, complete the pipeline.

// biome-ignore lint/suspicious/noExplicitAny: frozen migration
export async function up(db: Kysely<any>, dialect: Dialect): Promise<void> {
  const t = columnTypes(dialect);
  // biome-ignore lint/suspicious/noExplicitAny: frozen migration (the builder's column names are typed)
  const lineColumns = (builder: CreateTableBuilder<string, any>): CreateTableBuilder<string, any> =>
    builder
      .addColumn('position', t.int, (c) => c.notNull())
      .addColumn('item_id', t.id)
      .addColumn('code', t.text)
      .addColumn('label', t.text, (c) => c.notNull())
      .addColumn('description', t.text)
      .addColumn('kind', t.text, (c) => c.notNull().check(sql`kind in ('goods','service')`))
      .addColumn('unit', t.text, (c) => c.notNull())
      // Scaled integers as on invoices: quantity × 10^3, unit price (€) × 10^4, percentages × 10^2.
      .addColumn('quantity', t.int, (c) => c.notNull())
      .addColumn('unit_price', t.int, (c) => c.notNull())
      .addColumn('discount', t.int, (c) => c.notNull())
      .addColumn('vat_rate', t.int, (c) => c.notNull())
      .addColumn('vat_exemption_reason', t.text)
      .addColumn('revenue_account', t.text, (c) => c.notNull())
      .addColumn('net_amount', t.money, (c) => c.notNull());

  await db.schema
    .createTable('relations_sales_document')
    .addColumn('org_id', t.id, (c) => c.notNull().references('organisation.org_id'))
    .addColumn('id', t.id, (c) => c.notNull())
    .addColumn('kind', t.text, (c) => c.notNull().check(sql`kind in ('quote','order','delivery_note')`))
    .addColumn('status', t.text, (c) =>
      c
        .notNull()
        .check(sql`status in ('draft','sent','accepted','refused','expired','confirmed','validated')`),
    )
    // DE-, BC-, BL- from the gap-free counter, given when the document leaves the draft state.
    .addColumn('number', t.text)
    .addColumn('party_id', t.id, (c) => c.notNull())
    .addColumn('issue_date', t.date, (c) => c.notNull())
    .addColumn('validity_date', t.date)
    .addColumn('source_id', t.id)
    .addColumn('customer_ref', t.text)
    .addColumn('notes', t.text)
    .addColumn('document_discount', t.int, (c) => c.notNull())
    .addColumn('total_net', t.money, (c) => c.notNull())
    .addColumn('total_vat', t.money, (c) => c.notNull())
    .addColumn('total', t.money, (c) => c.notNull())
    .addColumn('validated_at', t.instant)
    .addColumn('created_at', t.instant, (c) => c.notNull())
    .addColumn('created_by', t.id)
    .addColumn('updated_at', t.instant, (c) => c.notNull())
    .addPrimaryKeyConstraint('relations_sales_document_pk', ['org_id', 'id'])
    .addForeignKeyConstraint('relations_sales_document_party_fk', ['org_id', 'party_id'], 'party', [
      'org_id',
      'id',
    ])
    .addForeignKeyConstraint(
      'relations_sales_document_source_fk',
      ['org_id', 'source_id'],
      'relations_sales_document',
      ['org_id', 'id'],
    )
    .addCheckConstraint('relations_sales_document_numbered_ck', sql`status = 'draft' or number is not null`)
    .execute();
  await db.schema
    .createIndex('relations_sales_document_number_uq')
    .on('relations_sales_document')
    .columns(['org_id', 'number'])
    .unique()
    .execute();
  await db.schema
    .createIndex('relations_sales_document_list_idx')
    .on('relations_sales_document')
    .columns(['org_id', 'kind', 'issue_date'])
    .execute();
  await db.schema
    .createIndex('relations_sales_document_source_idx')
    .on('relations_sales_document')
    .columns(['org_id', 'source_id'])
    .execute();

  await lineColumns(
    db.schema
      .createTable('relations_sales_document_line')
      .addColumn('org_id', t.id, (c) => c.notNull())
      .addColumn('id', t.id, (c) => c.notNull())
      .addColumn('document_id', t.id, (c) => c.notNull())
      // The line it was converted from: quote line for an order line, order line for a delivery line.
      .addColumn('source_line_id', t.id),
  )
    .addPrimaryKeyConstraint('relations_sales_document_line_pk', ['org_id', 'id'])
    .addForeignKeyConstraint(
      'relations_sales_document_line_document_fk',
      ['org_id', 'document_id'],
      'relations_sales_document',
      ['org_id', 'id'],
    )
    .addForeignKeyConstraint(
      'relations_sales_document_line_source_fk',
      ['org_id', 'source_line_id'],
      'relations_sales_document_line',
      ['org_id', 'id'],
    )
    .addForeignKeyConstraint(
      'relations_sales_document_line_item_fk',
      ['org_id', 'item_id'],
      'relations_catalogue_item',
      ['org_id', 'id'],
    )
    .execute();
  await db.schema
    .createIndex('relations_sales_document_line_document_idx')
    .on('relations_sales_document_line')
    .columns(['org_id', 'document_id', 'position'])
    .execute();
  await db.schema
    .createIndex('relations_sales_document_line_source_idx')
    .on('relations_sales_document_line')
    .columns(['org_id', 'source_line_id'])
    .execute();

  await db.schema
    .createTable('relations_contract')
    .addColumn('org_id', t.id, (c) => c.notNull().references('organisation.org_id'))
    .addColumn('id', t.id, (c) => c.notNull())
    .addColumn('party_id', t.id, (c) => c.notNull())
    .addColumn('label', t.text, (c) => c.notNull())
    .addColumn('periodicity', t.text, (c) =>
      c.notNull().check(sql`periodicity in ('monthly','quarterly','yearly')`),
    )
    .addColumn('start_date', t.date, (c) => c.notNull())
    .addColumn('end_date', t.date)
    .addColumn('notes', t.text)
    .addColumn('document_discount', t.int, (c) => c.notNull())
    .addColumn('created_at', t.instant, (c) => c.notNull())
    .addColumn('created_by', t.id)
    .addColumn('updated_at', t.instant, (c) => c.notNull())
    .addPrimaryKeyConstraint('relations_contract_pk', ['org_id', 'id'])
    .addForeignKeyConstraint('relations_contract_party_fk', ['org_id', 'party_id'], 'party', ['org_id', 'id'])
    .execute();
  await lineColumns(
    db.schema
      .createTable('relations_contract_line')
      .addColumn('org_id', t.id, (c) => c.notNull())
      .addColumn('id', t.id, (c) => c.notNull())
      .addColumn('contract_id', t.id, (c) => c.notNull()),
  )
    .addPrimaryKeyConstraint('relations_contract_line_pk', ['org_id', 'id'])
    .addForeignKeyConstraint(
      'relations_contract_line_contract_fk',
      ['org_id', 'contract_id'],
      'relations_contract',
      ['org_id', 'id'],
    )
    .addForeignKeyConstraint(
      'relations_contract_line_item_fk',
      ['org_id', 'item_id'],
      'relations_catalogue_item',
      ['org_id', 'id'],
    )
    .execute();
  await db.schema
    .createIndex('relations_contract_line_contract_idx')
    .on('relations_contract_line')
    .columns(['org_id', 'contract_id', 'position'])
    .execute();

  // What an invoice bills: an order (partly, or as a down payment) or a period of a contract. Deleting
  // the invoice draft deletes its links, so the quantities become billable again.
  await db.schema
    .createTable('relations_sales_invoice')
    .addColumn('org_id', t.id, (c) => c.notNull())
    .addColumn('invoice_id', t.id, (c) => c.notNull())
    .addColumn('purpose', t.text, (c) =>
      c.notNull().check(sql`purpose in ('down_payment','order','contract')`),
    )
    .addColumn('order_id', t.id)
    .addColumn('contract_id', t.id)
    .addColumn('period_start', t.date)
    .addColumn('period_end', t.date)
    .addPrimaryKeyConstraint('relations_sales_invoice_pk', ['org_id', 'invoice_id'])
    .addForeignKeyConstraint(
      'relations_sales_invoice_invoice_fk',
      ['org_id', 'invoice_id'],
      'relations_invoice',
      ['org_id', 'id'],
      (fk) => fk.onDelete('cascade'),
    )
    .addForeignKeyConstraint(
      'relations_sales_invoice_order_fk',
      ['org_id', 'order_id'],
      'relations_sales_document',
      ['org_id', 'id'],
    )
    .addForeignKeyConstraint(
      'relations_sales_invoice_contract_fk',
      ['org_id', 'contract_id'],
      'relations_contract',
      ['org_id', 'id'],
    )
    .execute();
  // Periodic invoicing is idempotent: one invoice per contract and period, enforced by the database.
  await db.schema
    .createIndex('relations_sales_invoice_period_uq')
    .on('relations_sales_invoice')
    .columns(['org_id', 'contract_id', 'period_start'])
    .unique()
    .execute();
  await db.schema
    .createIndex('relations_sales_invoice_order_idx')
    .on('relations_sales_invoice')
    .columns(['org_id', 'order_id'])
    .execute();

  // Per order line, the quantity an invoice bills; or the down payment invoice a final invoice deducts.
  await db.schema
    .createTable('relations_sales_invoice_line')
    .addColumn('org_id', t.id, (c) => c.notNull())
    .addColumn('id', t.id, (c) => c.notNull())
    .addColumn('invoice_id', t.id, (c) => c.notNull())
    .addColumn('order_line_id', t.id)
    .addColumn('deducted_invoice_id', t.id)
    .addColumn('quantity', t.int, (c) => c.notNull())
    .addPrimaryKeyConstraint('relations_sales_invoice_line_pk', ['org_id', 'id'])
    .addForeignKeyConstraint(
      'relations_sales_invoice_line_invoice_fk',
      ['org_id', 'invoice_id'],
      'relations_sales_invoice',
      ['org_id', 'invoice_id'],
      (fk) => fk.onDelete('cascade'),
    )
    .addForeignKeyConstraint(
      'relations_sales_invoice_line_order_line_fk',
      ['org_id', 'order_line_id'],
      'relations_sales_document_line',
      ['org_id', 'id'],
    )
    .addForeignKeyConstraint(
      'relations_sales_invoice_line_deducted_fk',
      ['org_id', 'deducted_invoice_id'],
      'relations_invoice',
      ['org_id', 'id'],
    )
    .execute();
  await db.schema
    .createIndex('relations_sales_invoice_line_order_line_idx')
    .on('relations_sales_invoice_line')
    .columns(['org_id', 'order_line_id'])
    .execute();
  await db.schema
    .createIndex('relations_sales_invoice_line_invoice_idx')
    .on('relations_sales_invoice_line')
    .columns(['org_id', 'invoice_id'])
    .execute();

  // A numbered document keeps its content; only its status moves on (sent → accepted…). Lines are
  // replaced while the document is a draft, never updated. Deletes stay possible for discarded sandboxes.
  const frozen = `old.status <> 'draft' and (new.number is distinct from old.number
      or new.party_id is distinct from old.party_id or new.issue_date is distinct from old.issue_date
      or new.total is distinct from old.total or new.total_net is distinct from old.total_net
      or new.document_discount is distinct from old.document_discount or new.kind is distinct from old.kind)`;
  if (dialect === 'postgres') {
    await sql`
      create trigger relations_sales_document_immutable before update on relations_sales_document
      for each row when (${sql.raw(frozen)}) execute function relations_refuse_update()`.execute(db);
    await sql`
      create trigger relations_sales_document_line_immutable before update on relations_sales_document_line
      for each row execute function relations_refuse_update()`.execute(db);
  } else {
    await sql`
      create trigger relations_sales_document_immutable before update on relations_sales_document
      when ${sql.raw(frozen.replaceAll('is distinct from', 'is not'))}
      begin select raise(abort, 'relations: a numbered sales document is immutable'); end`.execute(db);
    await sql`
      create trigger relations_sales_document_line_immutable before update on relations_sales_document_line
      begin select raise(abort, 'relations: sales document lines are replaced, never updated'); end`.execute(
      db,
    );
  }
}
