import { type Kysely, sql } from 'kysely';
import { columnTypes } from '../../../kernel/db/columns.ts';
import type { Dialect } from '../../../kernel/db/connect.ts';

// biome-ignore lint/suspicious/noExplicitAny: frozen migration
export async function up(db: Kysely<any>, dialect: Dialect): Promise<void> {
  const t = columnTypes(dialect);
  await db.schema
    .createTable('relations_event')
    .addColumn('org_id', t.id, (c) => c.notNull().references('organisation.org_id'))
    .addColumn('id', t.id, (c) => c.notNull())
    .addColumn('kind', t.text, (c) =>
      c.notNull().check(sql`kind in ('trade_show','open_day','general_assembly','meeting','other')`),
    )
    .addColumn('title', t.text, (c) => c.notNull())
    .addColumn('date', t.date, (c) => c.notNull())
    .addColumn('start_time', t.text)
    .addColumn('end_time', t.text)
    .addColumn('place', t.text)
    .addColumn('capacity', t.int, (c) => c.check(sql`capacity is null or capacity > 0`))
    .addColumn('description', t.text)
    .addColumn('created_at', t.instant, (c) => c.notNull())
    .addColumn('updated_at', t.instant, (c) => c.notNull())
    .addPrimaryKeyConstraint('relations_event_pk', ['org_id', 'id'])
    .execute();
  await db.schema
    .createIndex('relations_event_date_idx')
    .on('relations_event')
    .columns(['org_id', 'date'])
    .execute();

  await db.schema
    .createTable('relations_event_cost')
    .addColumn('org_id', t.id, (c) => c.notNull())
    .addColumn('id', t.id, (c) => c.notNull())
    .addColumn('event_id', t.id, (c) => c.notNull())
    .addColumn('position', t.int, (c) => c.notNull())
    .addColumn('label', t.text, (c) => c.notNull())
    .addColumn('amount', t.money, (c) => c.notNull().check(sql`amount >= 0`))
    .addPrimaryKeyConstraint('relations_event_cost_pk', ['org_id', 'id'])
    .addForeignKeyConstraint('relations_event_cost_event_fk', ['org_id', 'event_id'], 'relations_event', [
      'org_id',
      'id',
    ])
    .execute();
  await db.schema
    .createIndex('relations_event_cost_event_idx')
    .on('relations_event_cost')
    .columns(['org_id', 'event_id', 'position'])
    .execute();

  await db.schema
    .createTable('relations_event_guest')
    .addColumn('org_id', t.id, (c) => c.notNull())
    .addColumn('event_id', t.id, (c) => c.notNull())
    .addColumn('party_id', t.id, (c) => c.notNull())
    .addColumn('status', t.text, (c) =>
      c.notNull().check(sql`status in ('invited','registered','attended','absent','cancelled')`),
    )
    .addColumn('invited_at', t.instant)
    .addColumn('created_at', t.instant, (c) => c.notNull())
    .addColumn('updated_at', t.instant, (c) => c.notNull())
    .addPrimaryKeyConstraint('relations_event_guest_pk', ['org_id', 'event_id', 'party_id'])
    .addForeignKeyConstraint('relations_event_guest_event_fk', ['org_id', 'event_id'], 'relations_event', [
      'org_id',
      'id',
    ])
    .addForeignKeyConstraint('relations_event_guest_party_fk', ['org_id', 'party_id'], 'party', [
      'org_id',
      'id',
    ])
    .execute();
}
