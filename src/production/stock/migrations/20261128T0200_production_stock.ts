import { type Kysely, sql } from 'kysely';
import { columnTypes } from '../../../kernel/db/columns.ts';
import type { Dialect } from '../../../kernel/db/connect.ts';

// Stocked items (goods sold, supplies used inside), their movements, stock counts and the stock variation
// posted at a closing date (decision 0042). Quantities are thousandths of the item's unit, values cents.

// biome-ignore lint/suspicious/noExplicitAny: frozen migration
export async function up(db: Kysely<any>, dialect: Dialect): Promise<void> {
  const t = columnTypes(dialect);
  await db.schema
    .createTable('production_stock_item')
    .addColumn('org_id', t.id, (c) => c.notNull().references('organisation.org_id'))
    .addColumn('id', t.id, (c) => c.notNull())
    .addColumn('code', t.text, (c) => c.notNull())
    .addColumn('label', t.text, (c) => c.notNull())
    .addColumn('category', t.text, (c) => c.notNull().check(sql`category in ('goods','supplies')`))
    .addColumn('catalogue_item_id', t.id)
    .addColumn('unit', t.text, (c) => c.notNull())
    .addColumn('reorder_point', t.int, (c) => c.notNull())
    .addColumn('safety_stock', t.int, (c) => c.notNull())
    .addColumn('reorder_quantity', t.int, (c) => c.notNull())
    .addColumn('supplier_id', t.id)
    .addColumn('location', t.text)
    .addColumn('archived_at', t.instant)
    .addColumn('created_at', t.instant, (c) => c.notNull())
    .addColumn('updated_at', t.instant, (c) => c.notNull())
    .addPrimaryKeyConstraint('production_stock_item_pk', ['org_id', 'id'])
    .execute();
  await db.schema
    .createIndex('production_stock_item_code_uq')
    .on('production_stock_item')
    .columns(['org_id', 'code'])
    .unique()
    .execute();

  await db.schema
    .createTable('production_stock_count')
    .addColumn('org_id', t.id, (c) => c.notNull())
    .addColumn('id', t.id, (c) => c.notNull())
    .addColumn('count_date', t.date, (c) => c.notNull())
    .addColumn('status', t.text, (c) => c.notNull().check(sql`status in ('open','validated')`))
    .addColumn('note', t.text)
    .addColumn('created_at', t.instant, (c) => c.notNull())
    .addColumn('created_by', t.id)
    .addColumn('validated_at', t.instant)
    .addPrimaryKeyConstraint('production_stock_count_pk', ['org_id', 'id'])
    .execute();

  await db.schema
    .createTable('production_stock_count_line')
    .addColumn('org_id', t.id, (c) => c.notNull())
    .addColumn('id', t.id, (c) => c.notNull())
    .addColumn('count_id', t.id, (c) => c.notNull())
    .addColumn('item_id', t.id, (c) => c.notNull())
    .addColumn('counted_quantity', t.int)
    .addPrimaryKeyConstraint('production_stock_count_line_pk', ['org_id', 'id'])
    .addForeignKeyConstraint(
      'production_stock_count_line_count_fk',
      ['org_id', 'count_id'],
      'production_stock_count',
      ['org_id', 'id'],
    )
    .addForeignKeyConstraint(
      'production_stock_count_line_item_fk',
      ['org_id', 'item_id'],
      'production_stock_item',
      ['org_id', 'id'],
    )
    .execute();
  await db.schema
    .createIndex('production_stock_count_line_uq')
    .on('production_stock_count_line')
    .columns(['org_id', 'count_id', 'item_id'])
    .unique()
    .execute();

  await db.schema
    .createTable('production_stock_movement')
    .addColumn('org_id', t.id, (c) => c.notNull())
    .addColumn('id', t.id, (c) => c.notNull())
    .addColumn('item_id', t.id, (c) => c.notNull())
    // The line's rank on the item's stock card: movements are recorded in chronological order.
    .addColumn('seq', t.int, (c) => c.notNull())
    .addColumn('movement_date', t.date, (c) => c.notNull())
    .addColumn('kind', t.text, (c) => c.notNull().check(sql`kind in ('entry','exit','adjustment')`))
    // Signed thousandths: positive = into the stock.
    .addColumn('quantity', t.int, (c) => c.notNull())
    // Entries only: cents per unit, excluding VAT.
    .addColumn('unit_cost', t.money)
    .addColumn('party_id', t.id)
    .addColumn('recipient', t.text)
    .addColumn('reference', t.text)
    .addColumn('label', t.text)
    .addColumn('delivery_line_id', t.id)
    .addColumn('count_id', t.id)
    .addColumn('corrects_id', t.id)
    .addColumn('created_at', t.instant, (c) => c.notNull())
    .addColumn('created_by', t.id)
    .addPrimaryKeyConstraint('production_stock_movement_pk', ['org_id', 'id'])
    .addForeignKeyConstraint(
      'production_stock_movement_item_fk',
      ['org_id', 'item_id'],
      'production_stock_item',
      ['org_id', 'id'],
    )
    .execute();
  await db.schema
    .createIndex('production_stock_movement_item_idx')
    .on('production_stock_movement')
    .columns(['org_id', 'item_id', 'seq'])
    .unique()
    .execute();
  // A delivery note line leaves the stock once; a movement is corrected once.
  await db.schema
    .createIndex('production_stock_movement_delivery_uq')
    .on('production_stock_movement')
    .columns(['org_id', 'delivery_line_id'])
    .unique()
    .execute();
  await db.schema
    .createIndex('production_stock_movement_corrects_uq')
    .on('production_stock_movement')
    .columns(['org_id', 'corrects_id'])
    .unique()
    .execute();

  await db.schema
    .createTable('production_stock_variation')
    .addColumn('org_id', t.id, (c) => c.notNull())
    .addColumn('id', t.id, (c) => c.notNull())
    .addColumn('closing_date', t.date, (c) => c.notNull())
    .addColumn('goods_value', t.money, (c) => c.notNull())
    .addColumn('supplies_value', t.money)
    .addColumn('entry_id', t.id, (c) => c.notNull())
    .addColumn('created_at', t.instant, (c) => c.notNull())
    .addColumn('created_by', t.id)
    .addPrimaryKeyConstraint('production_stock_variation_pk', ['org_id', 'id'])
    .execute();
  await db.schema
    .createIndex('production_stock_variation_date_uq')
    .on('production_stock_variation')
    .columns(['org_id', 'closing_date'])
    .unique()
    .execute();
}
