import { type Expression, type SqlBool, sql } from 'kysely';
import type { Db } from '../../kernel/db/index.ts';
import { toFiscalYearDto } from '../fiscal-years/fiscal-year.ts';
import { openingJournalIds } from '../journals/journal.ts';
import type { TrialBalanceDto, TrialBalanceQuery, TrialBalanceRow } from './contract.ts';
import { type Period, resolvePeriod } from './period.ts';

/** Lines that belong in the opening column: the AN journal, and anything dated before the period. */
export function openingCondition(from: string, openingJournals: string[]): Expression<SqlBool> {
  return openingJournals.length > 0
    ? sql<SqlBool>`(l.entry_date < ${from} or l.journal_id in (${sql.join(openingJournals)}))`
    : sql<SqlBool>`(l.entry_date < ${from})`;
}

const sumIf = (condition: Expression<SqlBool>, column: 'l.debit' | 'l.credit' | 'b.debit' | 'b.credit') =>
  sql<number>`cast(coalesce(sum(case when ${condition} then ${sql.ref(column)} else 0 end), 0) as bigint)`;

/** The same grouped sums from the daily totals (ledger_balance): accounts × days rows instead of lines. */
function fromDailyTotals(db: Db, orgId: string, period: Period, accountId?: string) {
  const opening = sql<SqlBool>`(b.entry_date < ${period.from} or b.opening = 1)`;
  const rest = sql<SqlBool>`not ${opening}`;
  let grouped = db
    .selectFrom('ledger_balance as b')
    .select([
      'b.account_id',
      sql<string | null>`null`.as('auxiliary_id'),
      sumIf(opening, 'b.debit').as('opening_debit'),
      sumIf(opening, 'b.credit').as('opening_credit'),
      sumIf(rest, 'b.debit').as('period_debit'),
      sumIf(rest, 'b.credit').as('period_credit'),
    ])
    .where('b.org_id', '=', orgId)
    .where('b.fiscal_year_id', '=', period.year.id)
    .where('b.entry_date', '<=', period.to)
    .groupBy('b.account_id');
  if (accountId) grouped = grouped.where('b.account_id', '=', accountId);
  return grouped;
}

async function fromLines(db: Db, orgId: string, period: Period, auxiliary: boolean, accountId?: string) {
  const opening = openingCondition(period.from, await openingJournalIds(db, orgId));
  const rest = sql<SqlBool>`not ${opening}`;
  let grouped = db
    .selectFrom('ledger_line as l')
    .select([
      'l.account_id',
      auxiliary ? 'l.auxiliary_id' : sql<string | null>`null`.as('auxiliary_id'),
      sumIf(opening, 'l.debit').as('opening_debit'),
      sumIf(opening, 'l.credit').as('opening_credit'),
      sumIf(rest, 'l.debit').as('period_debit'),
      sumIf(rest, 'l.credit').as('period_credit'),
    ])
    .where('l.org_id', '=', orgId)
    .where('l.fiscal_year_id', '=', period.year.id)
    .where('l.entry_date', '<=', period.to)
    .groupBy(auxiliary ? ['l.account_id', 'l.auxiliary_id'] : ['l.account_id']);
  if (accountId) grouped = grouped.where('l.account_id', '=', accountId);
  return grouped;
}

/**
 * The balances of a period per account (or per auxiliary account), in one grouped query joined to the
 * accounts: over the daily totals when no auxiliary detail is asked (fast whatever the number of lines),
 * over the lines otherwise (`fromLines` forces it, so tests can check both agree).
 */
export async function balanceRows(
  db: Db,
  orgId: string,
  period: Period,
  options: { auxiliary?: boolean; accountId?: string; fromLines?: boolean } = {},
) {
  const grouped =
    options.auxiliary || options.fromLines
      ? await fromLines(db, orgId, period, options.auxiliary ?? false, options.accountId)
      : fromDailyTotals(db, orgId, period, options.accountId);
  const rows = await db
    .selectFrom(grouped.as('b'))
    .innerJoin('ledger_account as a', (j) => j.on('a.org_id', '=', orgId).onRef('a.id', '=', 'b.account_id'))
    .leftJoin('ledger_account as x', (j) => j.on('x.org_id', '=', orgId).onRef('x.id', '=', 'b.auxiliary_id'))
    .select([
      'b.account_id',
      'b.auxiliary_id',
      'a.number',
      'a.label',
      'a.class',
      'x.number as auxiliary',
      'x.label as auxiliary_label',
      'b.opening_debit',
      'b.opening_credit',
      'b.period_debit',
      'b.period_credit',
    ])
    .orderBy('a.number')
    .orderBy('x.number')
    .execute();
  return rows.map((r) => ({
    accountId: r.account_id,
    auxiliaryId: r.auxiliary_id,
    account: r.number,
    label: r.label,
    class: Number(r.class),
    auxiliary: r.auxiliary,
    auxiliaryLabel: r.auxiliary_label,
    opening: Number(r.opening_debit) - Number(r.opening_credit),
    periodDebit: Number(r.period_debit),
    periodCredit: Number(r.period_credit),
  }));
}

const debitOf = (balance: number) => Math.max(balance, 0);
const creditOf = (balance: number) => Math.max(-balance, 0);

export async function trialBalance(
  db: Db,
  orgId: string,
  query: TrialBalanceQuery,
  options: { fromLines?: boolean } = {},
): Promise<TrialBalanceDto> {
  const period = await resolvePeriod(db, orgId, query);
  const rows: TrialBalanceRow[] = (
    await balanceRows(db, orgId, period, { auxiliary: query.auxiliary, fromLines: options.fromLines })
  )
    .map((r) => {
      const closing = r.opening + r.periodDebit - r.periodCredit;
      return {
        account: r.account,
        label: r.label,
        class: r.class,
        auxiliary: r.auxiliary,
        auxiliaryLabel: r.auxiliaryLabel,
        openingDebit: debitOf(r.opening),
        openingCredit: creditOf(r.opening),
        periodDebit: r.periodDebit,
        periodCredit: r.periodCredit,
        closingDebit: debitOf(closing),
        closingCredit: creditOf(closing),
      };
    })
    .filter((r) => r.openingDebit + r.openingCredit + r.periodDebit + r.periodCredit > 0);
  const totals = {
    openingDebit: 0,
    openingCredit: 0,
    periodDebit: 0,
    periodCredit: 0,
    closingDebit: 0,
    closingCredit: 0,
  };
  for (const row of rows)
    for (const key of Object.keys(totals) as (keyof typeof totals)[]) totals[key] += row[key];
  return { fiscalYear: toFiscalYearDto(period.year), from: period.from, to: period.to, rows, totals };
}
