import { type Kysely, sql } from 'kysely';
import { columnTypes } from '../../../kernel/db/columns.ts';
import type { Dialect } from '../../../kernel/db/connect.ts';

const OUTCOMES = sql`('interested','not_interested','call_back','quote_requested')`;

// biome-ignore lint/suspicious/noExplicitAny: frozen migration
export async function up(db: Kysely<any>, dialect: Dialect): Promise<void> {
  const t = columnTypes(dialect);
  await db.schema
    .createTable('relations_campaign')
    .addColumn('org_id', t.id, (c) => c.notNull().references('organisation.org_id'))
    .addColumn('id', t.id, (c) => c.notNull())
    .addColumn('name', t.text, (c) => c.notNull())
    .addColumn('description', t.text)
    .addColumn('status', t.text, (c) => c.notNull().check(sql`status in ('active','closed')`))
    .addColumn('letter_subject', t.text)
    .addColumn('letter_text', t.text)
    .addColumn('created_at', t.instant, (c) => c.notNull())
    .addColumn('updated_at', t.instant, (c) => c.notNull())
    .addPrimaryKeyConstraint('relations_campaign_pk', ['org_id', 'id'])
    .execute();

  await db.schema
    .createTable('relations_campaign_target')
    .addColumn('org_id', t.id, (c) => c.notNull())
    .addColumn('campaign_id', t.id, (c) => c.notNull())
    .addColumn('party_id', t.id, (c) => c.notNull())
    .addColumn('outcome', t.text, (c) => c.check(sql`outcome is null or outcome in ${OUTCOMES}`))
    .addColumn('converted_at', t.instant)
    .addColumn('added_at', t.instant, (c) => c.notNull())
    .addColumn('updated_at', t.instant, (c) => c.notNull())
    .addPrimaryKeyConstraint('relations_campaign_target_pk', ['org_id', 'campaign_id', 'party_id'])
    .addForeignKeyConstraint(
      'relations_campaign_target_campaign_fk',
      ['org_id', 'campaign_id'],
      'relations_campaign',
      ['org_id', 'id'],
    )
    .addForeignKeyConstraint('relations_campaign_target_party_fk', ['org_id', 'party_id'], 'party', [
      'org_id',
      'id',
    ])
    .execute();

  await db.schema
    .createTable('relations_campaign_action')
    .addColumn('org_id', t.id, (c) => c.notNull())
    .addColumn('id', t.id, (c) => c.notNull())
    .addColumn('campaign_id', t.id, (c) => c.notNull())
    .addColumn('party_id', t.id, (c) => c.notNull())
    .addColumn('kind', t.text, (c) => c.notNull().check(sql`kind in ('call','mail','visit','email')`))
    .addColumn('date', t.date, (c) => c.notNull())
    .addColumn('outcome', t.text, (c) => c.check(sql`outcome is null or outcome in ${OUTCOMES}`))
    .addColumn('notes', t.text)
    .addColumn('created_by', t.id)
    .addColumn('created_at', t.instant, (c) => c.notNull())
    .addPrimaryKeyConstraint('relations_campaign_action_pk', ['org_id', 'id'])
    .addForeignKeyConstraint(
      'relations_campaign_action_target_fk',
      ['org_id', 'campaign_id', 'party_id'],
      'relations_campaign_target',
      ['org_id', 'campaign_id', 'party_id'],
    )
    .execute();
  await db.schema
    .createIndex('relations_campaign_action_target_idx')
    .on('relations_campaign_action')
    .columns(['org_id', 'campaign_id', 'party_id', 'date'])
    .execute();
}
