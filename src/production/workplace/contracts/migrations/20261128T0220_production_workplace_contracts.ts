import { type Kysely, sql } from 'kysely';
import { columnTypes } from '../../../../kernel/db/columns.ts';
import type { Dialect } from '../../../../kernel/db/connect.ts';

// The register of the workplace's contracts (2.3.t1): maintenance contracts, subscriptions, software
// licences, insurance, equipment leases — their term, tacit renewal and notice, cost and termination
// (decision 0043). The deadlines are computed, not stored.

// biome-ignore lint/suspicious/noExplicitAny: frozen migration
export async function up(db: Kysely<any>, dialect: Dialect): Promise<void> {
  const t = columnTypes(dialect);
  await db.schema
    .createTable('production_workplace_contract')
    .addColumn('org_id', t.id, (c) => c.notNull().references('organisation.org_id'))
    .addColumn('id', t.id, (c) => c.notNull())
    .addColumn('provider_id', t.id, (c) => c.notNull())
    .addColumn('kind', t.text, (c) =>
      c.notNull().check(sql`kind in ('maintenance','subscription','licence','insurance','lease','other')`),
    )
    .addColumn('object', t.text, (c) => c.notNull())
    .addColumn('reference', t.text)
    .addColumn('start_date', t.date, (c) => c.notNull())
    // The first term, in months; then renewal terms of renewal_months (tacit renewal only).
    .addColumn('duration_months', t.int, (c) => c.notNull().check(sql`duration_months > 0`))
    .addColumn('tacit_renewal', t.flag, (c) => c.notNull().check(sql`tacit_renewal in (0,1)`))
    .addColumn('renewal_months', t.int, (c) => c.notNull().check(sql`renewal_months > 0`))
    .addColumn('notice_value', t.int, (c) => c.notNull().check(sql`notice_value >= 0`))
    .addColumn('notice_unit', t.text, (c) => c.notNull().check(sql`notice_unit in ('days','months')`))
    // 1 when the organisation contracts as a non-professional (L215-3): the provider owes the L215-1 notice.
    .addColumn('consumer_protection', t.flag, (c) => c.notNull().check(sql`consumer_protection in (0,1)`))
    .addColumn('alert_days', t.int, (c) => c.notNull().check(sql`alert_days >= 0`))
    // Excluding VAT, per period of `periodicity`.
    .addColumn('amount', t.money, (c) => c.notNull().check(sql`amount >= 0`))
    .addColumn('periodicity', t.text, (c) =>
      c.notNull().check(sql`periodicity in ('monthly','quarterly','half_yearly','yearly','one_off')`),
    )
    // Basis points: 2000 is 20 %.
    .addColumn('vat_rate', t.int, (c) => c.notNull())
    .addColumn('seats', t.int)
    .addColumn('covered', t.text)
    .addColumn('notes', t.text)
    .addColumn('status', t.text, (c) => c.notNull().check(sql`status in ('active','terminated')`))
    .addColumn('termination_sent_on', t.date)
    // The last day of the contract once terminated.
    .addColumn('terminated_on', t.date)
    .addColumn('termination_reason', t.text)
    // 1 when terminated at any time under L215-1 al. 2 (the provider did not send the renewal notice).
    .addColumn('termination_chatel', t.flag, (c) => c.notNull().check(sql`termination_chatel in (0,1)`))
    .addColumn('created_at', t.instant, (c) => c.notNull())
    .addColumn('created_by', t.id)
    .addColumn('updated_at', t.instant, (c) => c.notNull())
    .addPrimaryKeyConstraint('production_workplace_contract_pk', ['org_id', 'id'])
    .addForeignKeyConstraint(
      'production_workplace_contract_provider_fk',
      ['org_id', 'provider_id'],
      'party',
      ['org_id', 'id'],
    )
    .execute();
  await db.schema
    .createIndex('production_workplace_contract_provider_idx')
    .on('production_workplace_contract')
    .columns(['org_id', 'provider_id'])
    .execute();
}
