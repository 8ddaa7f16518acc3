import { sql } from 'kysely';
import type { Db } from '../../kernel/db/index.ts';
import { notFound } from '../../kernel/errors/domain-error.ts';
import { findGeneralAccount } from '../accounts/account.ts';
import { letteringLabel } from '../entries/entry-read.ts';
import { toFiscalYearDto } from '../fiscal-years/fiscal-year.ts';
import { openingJournalIds } from '../journals/journal.ts';
import type { GeneralLedgerAccount, GeneralLedgerDto, GeneralLedgerQuery } from './contract.ts';
import { resolvePeriod } from './period.ts';
import { balanceRows, openingCondition } from './trial-balance.ts';

/**
 * The general ledger of a period: per account (per auxiliary account when one is asked for, or for a
 * collective account), the opening balance, then every line of the period with its running balance.
 */
export async function generalLedger(
  db: Db,
  orgId: string,
  query: GeneralLedgerQuery,
): Promise<GeneralLedgerDto> {
  const period = await resolvePeriod(db, orgId, query);
  let accountId: string | undefined;
  let auxiliaryId: string | undefined;
  if (query.account) {
    const account = await findGeneralAccount(db, orgId, query.account);
    if (!account) throw notFound(`Compte ${query.account}`);
    accountId = account.id;
    if (query.auxiliary) {
      const auxiliary = await db
        .selectFrom('ledger_account')
        .select('id')
        .where('org_id', '=', orgId)
        .where('parent_id', '=', account.id)
        .where('number', '=', query.auxiliary)
        .executeTakeFirst();
      if (!auxiliary) throw notFound(`Compte auxiliaire ${query.auxiliary}`);
      auxiliaryId = auxiliary.id;
    }
  }
  const byAuxiliary = auxiliaryId !== undefined;
  const balances = (await balanceRows(db, orgId, period, { accountId, auxiliary: byAuxiliary })).filter(
    (b) => !byAuxiliary || b.auxiliaryId === auxiliaryId,
  );
  const opening = openingCondition(period.from, await openingJournalIds(db, orgId));
  let select = db
    .selectFrom('ledger_line as l')
    .innerJoin('ledger_entry as e', (j) =>
      j.onRef('e.org_id', '=', 'l.org_id').onRef('e.id', '=', 'l.entry_id'),
    )
    .innerJoin('ledger_journal as jn', (j) =>
      j.onRef('jn.org_id', '=', 'l.org_id').onRef('jn.id', '=', 'l.journal_id'),
    )
    .leftJoin('ledger_account as x', (j) =>
      j.onRef('x.org_id', '=', 'l.org_id').onRef('x.id', '=', 'l.auxiliary_id'),
    )
    .leftJoin('ledger_lettering_line as ll', (j) =>
      j.onRef('ll.org_id', '=', 'l.org_id').onRef('ll.line_id', '=', 'l.id'),
    )
    .leftJoin('ledger_lettering as lt', (j) =>
      j.onRef('lt.org_id', '=', 'll.org_id').onRef('lt.id', '=', 'll.lettering_id'),
    )
    .select([
      'l.account_id',
      'l.auxiliary_id',
      'l.entry_id',
      'e.number',
      'jn.code as journal',
      'l.entry_date',
      'e.voucher_ref',
      'x.number as auxiliary',
      'l.label',
      'l.debit',
      'l.credit',
      'l.due_date',
      'lt.code',
      'lt.complete',
    ])
    .where('l.org_id', '=', orgId)
    .where('l.fiscal_year_id', '=', period.year.id)
    .where('l.entry_date', '<=', period.to)
    .where(sql<boolean>`not ${opening}`);
  if (accountId) select = select.where('l.account_id', '=', accountId);
  if (auxiliaryId) select = select.where('l.auxiliary_id', '=', auxiliaryId);
  const lines = await select.orderBy('l.entry_date').orderBy('e.number').orderBy('l.position').execute();

  const accounts = new Map<string, GeneralLedgerAccount>();
  for (const b of balances)
    accounts.set(b.accountId, {
      account: b.account,
      label: b.auxiliaryLabel ?? b.label,
      auxiliary: b.auxiliary,
      auxiliaryLabel: b.auxiliaryLabel,
      opening: b.opening,
      lines: [],
      totalDebit: b.periodDebit,
      totalCredit: b.periodCredit,
      closing: b.opening + b.periodDebit - b.periodCredit,
    });
  for (const line of lines) {
    const account = accounts.get(line.account_id)!;
    const previous = account.lines.at(-1)?.balance ?? account.opening;
    account.lines.push({
      entryId: line.entry_id,
      number: Number(line.number),
      journal: line.journal,
      date: line.entry_date,
      voucherRef: line.voucher_ref,
      auxiliary: line.auxiliary,
      label: line.label,
      debit: Number(line.debit),
      credit: Number(line.credit),
      balance: previous + Number(line.debit) - Number(line.credit),
      dueDate: line.due_date,
      lettering: letteringLabel(line.code, line.complete),
    });
  }
  return {
    fiscalYear: toFiscalYearDto(period.year),
    from: period.from,
    to: period.to,
    accounts: [...accounts.values()],
  };
}
