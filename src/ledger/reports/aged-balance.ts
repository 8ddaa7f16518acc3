import { sql } from 'kysely';
import { daysBetween, todayIn } from '../../kernel/dates/index.ts';
import type { Db } from '../../kernel/db/index.ts';
import { organisationCalendar } from '../fiscal-years/fiscal-year.ts';
import { yearsInScope } from './account-balance.ts';
import type { AgedBalanceDto, AgedBalanceQuery } from './contract.ts';

type Buckets = Omit<AgedBalanceDto['totals'], never>;

const emptyBuckets = (): Buckets => ({
  notDue: 0,
  days1to30: 0,
  days31to60: 0,
  days61to90: 0,
  over90: 0,
  total: 0,
});

/** Which column an open amount falls in, by days past its due date (or its date when it has none). */
export function bucketOf(dueDate: string, asOf: string): keyof Omit<Buckets, 'total'> {
  const late = daysBetween(dueDate, asOf);
  if (late <= 0) return 'notDue';
  if (late <= 30) return 'days1to30';
  if (late <= 60) return 'days31to60';
  if (late <= 90) return 'days61to90';
  return 'over90';
}

/** An amount still open on a party's account at a date, grouped by due date (its date when it has none). */
export type OpenItem = {
  account: string;
  auxiliary: string;
  label: string;
  partyId: string | null;
  due: string;
  /** What the party owes (receivables) or is owed (payables), in cents: negative for a payment or a
   * credit note not yet matched with what it settles. */
  amount: number;
};

/**
 * The open items of receivables (auxiliary accounts under 41…) or payables (under 40…) at a date: every
 * line not settled by a complete lettering made by then, summed per auxiliary account and due date. Only
 * the fiscal years not yet carried forward count: a closed year's open items live on as the next year's
 * opening lines. The aged balance buckets them; the cash plan spreads them over months.
 */
export async function openItems(
  db: Db,
  orgId: string,
  query: { kind: 'receivables' | 'payables'; asOf: string },
): Promise<OpenItem[]> {
  const { asOf } = query;
  const prefix = query.kind === 'receivables' ? '41%' : '40%';
  const sign = query.kind === 'receivables' ? 1 : -1;
  const scope = await yearsInScope(db, orgId, asOf);
  if (scope.length === 0) return [];
  const rows = await db
    .selectFrom('ledger_line as l')
    .innerJoin('ledger_account as a', (j) =>
      j.onRef('a.org_id', '=', 'l.org_id').onRef('a.id', '=', 'l.account_id'),
    )
    .innerJoin('ledger_account as x', (j) =>
      j.onRef('x.org_id', '=', 'l.org_id').onRef('x.id', '=', 'l.auxiliary_id'),
    )
    .leftJoin('ledger_lettering_line as ll', (j) =>
      j.onRef('ll.org_id', '=', 'l.org_id').onRef('ll.line_id', '=', 'l.id'),
    )
    .leftJoin('ledger_lettering as lt', (j) =>
      j.onRef('lt.org_id', '=', 'll.org_id').onRef('lt.id', '=', 'll.lettering_id'),
    )
    .select((eb) => [
      'a.number as account',
      'x.number as auxiliary',
      'x.label',
      'x.party_id',
      sql<string>`coalesce(l.due_date, l.entry_date)`.as('due'),
      eb.cast<number>(eb.fn.coalesce(eb.fn.sum<number>('l.debit'), eb.lit(0)), 'bigint').as('debit'),
      eb.cast<number>(eb.fn.coalesce(eb.fn.sum<number>('l.credit'), eb.lit(0)), 'bigint').as('credit'),
    ])
    .where('l.org_id', '=', orgId)
    .where('l.fiscal_year_id', 'in', scope)
    .where('l.entry_date', '<=', asOf)
    .where('a.number', 'like', prefix)
    .where((eb) =>
      eb.or([eb('lt.id', 'is', null), eb('lt.complete', '=', 0), eb('lt.lettered_on', '>', asOf)]),
    )
    .groupBy(['a.number', 'x.number', 'x.label', 'x.party_id', sql`coalesce(l.due_date, l.entry_date)`])
    .execute();
  return rows.map((r) => ({
    account: r.account,
    auxiliary: r.auxiliary,
    label: r.label,
    partyId: r.party_id,
    due: typeof r.due === 'string' ? r.due : String(r.due),
    amount: sign * (Number(r.debit) - Number(r.credit)),
  }));
}

/**
 * Aged balance of receivables or payables at a date: the open items (openItems) per auxiliary account,
 * aged by due date.
 */
export async function agedBalance(db: Db, orgId: string, query: AgedBalanceQuery): Promise<AgedBalanceDto> {
  const asOf = query.asOf ?? todayIn((await organisationCalendar(db, orgId)).time_zone);
  const rows = await openItems(db, orgId, { kind: query.kind, asOf });
  const byAuxiliary = new Map<string, AgedBalanceDto['rows'][number]>();
  const totals = emptyBuckets();
  for (const r of rows) {
    const key = `${r.account}\u0000${r.auxiliary}`;
    const row = byAuxiliary.get(key) ?? {
      account: r.account,
      auxiliary: r.auxiliary,
      label: r.label,
      partyId: r.partyId,
      ...emptyBuckets(),
    };
    row[bucketOf(r.due, asOf)] += r.amount;
    row.total += r.amount;
    totals[bucketOf(r.due, asOf)] += r.amount;
    totals.total += r.amount;
    byAuxiliary.set(key, row);
  }
  const result = [...byAuxiliary.values()]
    .filter((r) => r.notDue || r.days1to30 || r.days31to60 || r.days61to90 || r.over90)
    .sort((a, b) => (a.account + a.auxiliary < b.account + b.auxiliary ? -1 : 1));
  return { kind: query.kind, asOf, rows: result, totals };
}
