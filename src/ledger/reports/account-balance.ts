import type { Db } from '../../kernel/db/index.ts';

/**
 * The fiscal years whose lines make up the balances at `asOf`: those still open, and the one containing
 * `asOf`. A closed year's balances live on as the next year's opening lines (AN), so counting it as well
 * would count them twice; a year not closed yet has no AN in the next one, so both count.
 */
export async function yearsInScope(db: Db, orgId: string, asOf: string): Promise<string[]> {
  const years = await db
    .selectFrom('ledger_fiscal_year')
    .select(['id', 'status', 'start_date', 'end_date'])
    .where('org_id', '=', orgId)
    .where('start_date', '<=', asOf)
    .execute();
  return years
    .filter((y) => y.status === 'open' || (y.start_date <= asOf && asOf <= y.end_date))
    .map((y) => y.id);
}

/**
 * The balance at `asOf` (debit − credit, in cents; lines dated up to `asOf`) of the general accounts
 * whose number starts with `accountPrefix` (411: every customer account), or, with `partyId`, of that
 * party's auxiliary accounts under them. Over the daily totals when no party is asked, as the trial
 * balance does; over the lines otherwise.
 */
export async function accountBalance(
  db: Db,
  orgId: string,
  query: { accountPrefix: string; asOf: string; partyId?: string },
): Promise<number> {
  if (!/^[0-9]{1,20}$/.test(query.accountPrefix))
    throw new RangeError(`Préfixe de compte invalide : ${query.accountPrefix}`);
  const scope = await yearsInScope(db, orgId, query.asOf);
  if (scope.length === 0) return 0;
  const row = query.partyId
    ? await db
        .selectFrom('ledger_line as l')
        .innerJoin('ledger_account as a', (j) =>
          j.onRef('a.org_id', '=', 'l.org_id').onRef('a.id', '=', 'l.account_id'),
        )
        .innerJoin('ledger_account as x', (j) =>
          j.onRef('x.org_id', '=', 'l.org_id').onRef('x.id', '=', 'l.auxiliary_id'),
        )
        .select((eb) => [
          eb.cast<number>(eb.fn.coalesce(eb.fn.sum<number>('l.debit'), eb.lit(0)), 'bigint').as('debit'),
          eb.cast<number>(eb.fn.coalesce(eb.fn.sum<number>('l.credit'), eb.lit(0)), 'bigint').as('credit'),
        ])
        .where('l.org_id', '=', orgId)
        .where('l.fiscal_year_id', 'in', scope)
        .where('l.entry_date', '<=', query.asOf)
        .where('a.number', 'like', `${query.accountPrefix}%`)
        .where('x.party_id', '=', query.partyId)
        .executeTakeFirstOrThrow()
    : await db
        .selectFrom('ledger_balance as b')
        .innerJoin('ledger_account as a', (j) =>
          j.onRef('a.org_id', '=', 'b.org_id').onRef('a.id', '=', 'b.account_id'),
        )
        .select((eb) => [
          eb.cast<number>(eb.fn.coalesce(eb.fn.sum<number>('b.debit'), eb.lit(0)), 'bigint').as('debit'),
          eb.cast<number>(eb.fn.coalesce(eb.fn.sum<number>('b.credit'), eb.lit(0)), 'bigint').as('credit'),
        ])
        .where('b.org_id', '=', orgId)
        .where('b.fiscal_year_id', 'in', scope)
        .where('b.entry_date', '<=', query.asOf)
        .where('a.number', 'like', `${query.accountPrefix}%`)
        .executeTakeFirstOrThrow();
  return Number(row.debit) - Number(row.credit);
}

/**
 * What the lines of the general accounts starting with `accountPrefix` moved from `from` to `to` (debit −
 * credit, in cents), opening entries (AN) left out, and the entries whose source starts with
 * `excludeSource` too (a VAT return leaves out its own settlement entries).
 */
export async function accountMovement(
  db: Db,
  orgId: string,
  query: { accountPrefix: string; from: string; to: string; excludeSource?: string },
): Promise<number> {
  if (!/^[0-9]{1,20}$/.test(query.accountPrefix))
    throw new RangeError(`Préfixe de compte invalide : ${query.accountPrefix}`);
  let select = db
    .selectFrom('ledger_line as l')
    .innerJoin('ledger_account as a', (j) =>
      j.onRef('a.org_id', '=', 'l.org_id').onRef('a.id', '=', 'l.account_id'),
    )
    .innerJoin('ledger_journal as j', (j) =>
      j.onRef('j.org_id', '=', 'l.org_id').onRef('j.id', '=', 'l.journal_id'),
    )
    .innerJoin('ledger_entry as e', (j) =>
      j.onRef('e.org_id', '=', 'l.org_id').onRef('e.id', '=', 'l.entry_id'),
    )
    .select((eb) => [
      eb.cast<number>(eb.fn.coalesce(eb.fn.sum<number>('l.debit'), eb.lit(0)), 'bigint').as('debit'),
      eb.cast<number>(eb.fn.coalesce(eb.fn.sum<number>('l.credit'), eb.lit(0)), 'bigint').as('credit'),
    ])
    .where('l.org_id', '=', orgId)
    .where('l.entry_date', '>=', query.from)
    .where('l.entry_date', '<=', query.to)
    .where('a.number', 'like', `${query.accountPrefix}%`)
    .where('j.kind', '!=', 'opening');
  if (query.excludeSource) {
    const prefix = `${query.excludeSource}%`;
    select = select.where((eb) =>
      eb.or([eb('e.source_ref', 'is', null), eb('e.source_ref', 'not like', prefix)]),
    );
  }
  const row = await select.executeTakeFirstOrThrow();
  return Number(row.debit) - Number(row.credit);
}
