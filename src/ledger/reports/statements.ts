import type { Db } from '../../kernel/db/index.ts';
import { toFiscalYearDto } from '../fiscal-years/fiscal-year.ts';
import type { BalanceSheetDto, BalanceSheetQuery, IncomeStatementDto, PeriodQuery } from './contract.ts';
import { balanceSheetOf, incomeStatementOf } from './pcg-statements.ts';
import { resolvePeriod } from './period.ts';
import { balanceRows } from './trial-balance.ts';

/** Income statement of a period: the movements of classes 6 and 7 between `from` and `to`. */
export async function incomeStatement(
  db: Db,
  orgId: string,
  query: PeriodQuery,
): Promise<IncomeStatementDto> {
  const period = await resolvePeriod(db, orgId, query);
  const rows = await balanceRows(db, orgId, period);
  const statement = incomeStatementOf(
    rows.map((r) => ({ account: r.account, balance: r.periodDebit - r.periodCredit })),
  );
  return { fiscalYear: toFiscalYearDto(period.year), from: period.from, to: period.to, ...statement };
}

/**
 * Balance sheet at a date: the closing balances from the start of its fiscal year (its AN included) to
 * `at`, with the result of the year so far in the equity.
 */
export async function balanceSheet(
  db: Db,
  orgId: string,
  query: BalanceSheetQuery,
): Promise<BalanceSheetDto> {
  const anchor = await resolvePeriod(db, orgId, { to: query.at });
  const period = { ...anchor, from: anchor.year.start_date };
  const rows = await balanceRows(db, orgId, period);
  const sheet = balanceSheetOf(
    rows.map((r) => ({ account: r.account, balance: r.opening + r.periodDebit - r.periodCredit })),
  );
  return { fiscalYear: toFiscalYearDto(period.year), at: period.to, ...sheet };
}
