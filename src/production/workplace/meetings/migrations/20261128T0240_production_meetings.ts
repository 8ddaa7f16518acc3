import { type Kysely, sql } from 'kysely';
import { columnTypes } from '../../../../kernel/db/columns.ts';
import type { Dialect } from '../../../../kernel/db/connect.ts';

// Meetings (2.3.t4, decision 0044): the meeting, its participants with their attendance and proxy, its
// agenda with the decision taken on each item, and the actions decided, followed across meetings.

// biome-ignore lint/suspicious/noExplicitAny: frozen migration
export async function up(db: Kysely<any>, dialect: Dialect): Promise<void> {
  const t = columnTypes(dialect);
  await db.schema
    .createTable('production_meeting')
    .addColumn('org_id', t.id, (c) => c.notNull().references('organisation.org_id'))
    .addColumn('id', t.id, (c) => c.notNull())
    .addColumn('title', t.text, (c) => c.notNull())
    .addColumn('kind', t.text, (c) =>
      c
        .notNull()
        .check(
          sql`kind in ('service_meeting','management_committee','general_assembly','board','municipal_council','other')`,
        ),
    )
    .addColumn('meeting_date', t.date, (c) => c.notNull())
    .addColumn('start_time', t.text, (c) => c.notNull())
    .addColumn('end_time', t.text, (c) => c.notNull())
    .addColumn('mode', t.text, (c) => c.notNull().check(sql`mode in ('in_person','remote','hybrid')`))
    .addColumn('room', t.text)
    // The room's name folded (case, accents, spaces): the key of the double-booking check.
    .addColumn('room_key', t.text)
    .addColumn('link', t.text)
    .addColumn('organiser', t.text, (c) => c.notNull())
    .addColumn('quorum_numerator', t.int)
    .addColumn('quorum_denominator', t.int)
    .addColumn('quorum_rule', t.text, (c) => c.check(sql`quorum_rule in ('at_least','more_than')`))
    .addColumn('quorum_counts_proxies', t.flag)
    .addColumn('status', t.text, (c) =>
      c.notNull().check(sql`status in ('planned','convened','held','minutes_approved','cancelled')`),
    )
    .addColumn('summary', t.text)
    .addColumn('convened_at', t.instant)
    .addColumn('convocation_document_id', t.id)
    .addColumn('cancel_reason', t.text)
    .addColumn('created_at', t.instant, (c) => c.notNull())
    .addColumn('created_by', t.id)
    .addColumn('updated_at', t.instant, (c) => c.notNull())
    .addPrimaryKeyConstraint('production_meeting_pk', ['org_id', 'id'])
    .addCheckConstraint('production_meeting_times_ck', sql`end_time > start_time`)
    .execute();
  await db.schema
    .createIndex('production_meeting_room_idx')
    .on('production_meeting')
    .columns(['org_id', 'room_key', 'meeting_date'])
    .execute();
  await db.schema
    .createTable('production_meeting_participant')
    .addColumn('org_id', t.id, (c) => c.notNull())
    .addColumn('id', t.id, (c) => c.notNull())
    .addColumn('meeting_id', t.id, (c) => c.notNull())
    .addColumn('position', t.int, (c) => c.notNull())
    .addColumn('employee_id', t.id)
    .addColumn('party_id', t.id)
    .addColumn('name', t.text, (c) => c.notNull())
    .addColumn('email', t.text)
    .addColumn('voting', t.flag, (c) => c.notNull().check(sql`voting in (0,1)`))
    .addColumn('attendance', t.text, (c) =>
      c.check(sql`attendance in ('present','excused','absent','represented')`),
    )
    .addColumn('proxy_holder_id', t.id)
    .addPrimaryKeyConstraint('production_meeting_participant_pk', ['org_id', 'id'])
    .addForeignKeyConstraint(
      'production_meeting_participant_meeting_fk',
      ['org_id', 'meeting_id'],
      'production_meeting',
      ['org_id', 'id'],
    )
    .execute();
  await db.schema
    .createIndex('production_meeting_participant_meeting_idx')
    .on('production_meeting_participant')
    .columns(['org_id', 'meeting_id', 'position'])
    .execute();
  await db.schema
    .createTable('production_meeting_agenda_item')
    .addColumn('org_id', t.id, (c) => c.notNull())
    .addColumn('id', t.id, (c) => c.notNull())
    .addColumn('meeting_id', t.id, (c) => c.notNull())
    .addColumn('position', t.int, (c) => c.notNull())
    .addColumn('title', t.text, (c) => c.notNull())
    .addColumn('presenter', t.text)
    .addColumn('duration_minutes', t.int)
    .addColumn('decision', t.text)
    .addPrimaryKeyConstraint('production_meeting_agenda_item_pk', ['org_id', 'id'])
    .addForeignKeyConstraint(
      'production_meeting_agenda_item_meeting_fk',
      ['org_id', 'meeting_id'],
      'production_meeting',
      ['org_id', 'id'],
    )
    .execute();
  await db.schema
    .createIndex('production_meeting_agenda_item_meeting_idx')
    .on('production_meeting_agenda_item')
    .columns(['org_id', 'meeting_id', 'position'])
    .execute();
  await db.schema
    .createTable('production_meeting_action')
    .addColumn('org_id', t.id, (c) => c.notNull())
    .addColumn('id', t.id, (c) => c.notNull())
    .addColumn('meeting_id', t.id, (c) => c.notNull())
    .addColumn('agenda_item_id', t.id)
    .addColumn('description', t.text, (c) => c.notNull())
    .addColumn('owner', t.text, (c) => c.notNull())
    .addColumn('due_date', t.date)
    .addColumn('done_on', t.date)
    .addColumn('created_at', t.instant, (c) => c.notNull())
    .addPrimaryKeyConstraint('production_meeting_action_pk', ['org_id', 'id'])
    .addForeignKeyConstraint(
      'production_meeting_action_meeting_fk',
      ['org_id', 'meeting_id'],
      'production_meeting',
      ['org_id', 'id'],
    )
    .execute();
  await db.schema
    .createIndex('production_meeting_action_due_idx')
    .on('production_meeting_action')
    .columns(['org_id', 'done_on', 'due_date'])
    .execute();
}
