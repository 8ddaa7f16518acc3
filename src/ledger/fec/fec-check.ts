import { sql } from 'kysely';
import type { Db } from '../../kernel/db/index.ts';
import type { FieldIssue } from '../../kernel/errors/domain-error.ts';
import { formatAmount } from '../../kernel/money/index.ts';
import type { FiscalYearRow } from '../fiscal-years/fiscal-year.ts';

const MAX_LISTED = 50;

/** What the FEC of a fiscal year would break, and how many lines it has. */
export type FecYearCheck = { problems: FieldIssue[]; lineCount: number };

/**
 * What would make the FEC of a fiscal year unlawful, checked in the database before a byte is written:
 * an unbalanced entry, a gap or a duplicate in the numbers, an entry dated outside the year, an entry
 * without lines. The ledger's own rules prevent all of them; this is the last line of defence (a restored
 * backup, a hand edit). The year's lines are read once, grouped per entry; the offenders are listed only
 * when there are some.
 */
export async function checkFecYear(db: Db, orgId: string, year: FiscalYearRow): Promise<FecYearCheck> {
  const problems: FieldIssue[] = [];
  const perEntry = db
    .selectFrom('ledger_line as l')
    .select((eb) => [
      'l.entry_id',
      eb.fn.countAll().as('lines'),
      eb.fn.sum<number>('l.debit').as('debit'),
      eb.fn.sum<number>('l.credit').as('credit'),
    ])
    .where('l.org_id', '=', orgId)
    .where('l.fiscal_year_id', '=', year.id)
    .groupBy('l.entry_id')
    .as('g');
  const totals = await db
    .selectFrom(perEntry)
    .select((eb) => [
      eb.cast<number>(eb.fn.countAll(), 'bigint').as('entries'),
      eb.cast<number>(eb.fn.coalesce(eb.fn.sum<number>('g.lines'), eb.lit(0)), 'bigint').as('lines'),
      eb
        .cast<number>(
          eb.fn.coalesce(eb.fn.sum<number>(sql`case when g.debit <> g.credit then 1 else 0 end`), eb.lit(0)),
          'bigint',
        )
        .as('unbalanced'),
    ])
    .executeTakeFirstOrThrow();
  if (Number(totals.unbalanced) > 0) problems.push(...(await unbalancedEntries(db, orgId, year)));

  const outside = await db
    .selectFrom('ledger_entry')
    .select(['number', 'entry_date'])
    .where('org_id', '=', orgId)
    .where('fiscal_year_id', '=', year.id)
    .where((eb) => eb.or([eb('entry_date', '<', year.start_date), eb('entry_date', '>', year.end_date)]))
    .orderBy('number')
    .limit(MAX_LISTED)
    .execute();
  for (const o of outside)
    problems.push({
      field: `écriture ${o.number}`,
      message: `Écriture datée du ${o.entry_date}, hors de l’exercice (${year.start_date} – ${year.end_date}).`,
    });

  // The unique index forbids duplicates, so numbers 1…n without a gap means count = max and min = 1.
  const summary = await db
    .selectFrom('ledger_entry')
    .select((eb) => [
      eb.cast<number>(eb.fn.countAll(), 'bigint').as('count'),
      eb.fn.min('number').as('first'),
      eb.fn.max('number').as('last'),
    ])
    .where('org_id', '=', orgId)
    .where('fiscal_year_id', '=', year.id)
    .where('status', '=', 'validated')
    .executeTakeFirstOrThrow();
  const count = Number(summary.count);
  if (count > 0 && (Number(summary.first) !== 1 || Number(summary.last) !== count))
    problems.push(...(await numberingGaps(db, orgId, year)));
  if (Number(totals.entries) !== count) problems.push(...(await entriesWithoutLines(db, orgId, year)));
  return { problems, lineCount: Number(totals.lines) };
}

async function unbalancedEntries(db: Db, orgId: string, year: FiscalYearRow): Promise<FieldIssue[]> {
  const unbalanced = await db
    .selectFrom(
      db
        .selectFrom('ledger_line as l')
        .select((eb) => [
          'l.entry_id',
          eb.cast<number>(eb.fn.coalesce(eb.fn.sum<number>('l.debit'), eb.lit(0)), 'bigint').as('debit'),
          eb.cast<number>(eb.fn.coalesce(eb.fn.sum<number>('l.credit'), eb.lit(0)), 'bigint').as('credit'),
        ])
        .where('l.org_id', '=', orgId)
        .where('l.fiscal_year_id', '=', year.id)
        .groupBy('l.entry_id')
        .having(sql`sum(l.debit)`, '<>', sql`sum(l.credit)`)
        .as('u'),
    )
    .innerJoin('ledger_entry as e', (j) => j.on('e.org_id', '=', orgId).onRef('e.id', '=', 'u.entry_id'))
    .select(['e.number', 'u.debit', 'u.credit'])
    .orderBy('e.number')
    .limit(MAX_LISTED)
    .execute();
  return unbalanced.map((u) => ({
    field: `écriture ${u.number}`,
    message: `Écriture déséquilibrée : débit ${formatAmount(Number(u.debit))}, crédit ${formatAmount(Number(u.credit))}.`,
  }));
}

async function numberingGaps(db: Db, orgId: string, year: FiscalYearRow): Promise<FieldIssue[]> {
  const problems: FieldIssue[] = [];
  const numbers = await db
    .selectFrom('ledger_entry')
    .select('number')
    .where('org_id', '=', orgId)
    .where('fiscal_year_id', '=', year.id)
    .where('status', '=', 'validated')
    .orderBy('number')
    .execute();
  let expected = 1;
  for (const { number } of numbers) {
    const n = Number(number);
    if (n > expected && problems.length < MAX_LISTED)
      problems.push({
        field: `écriture ${n}`,
        message: `Rupture de numérotation : ${n - expected === 1 ? `n° ${expected} manquant` : `n° ${expected} à ${n - 1} manquants`}.`,
      });
    expected = n + 1;
  }
  return problems;
}

async function entriesWithoutLines(db: Db, orgId: string, year: FiscalYearRow): Promise<FieldIssue[]> {
  const rows = await db
    .selectFrom('ledger_entry as e')
    .select('e.number')
    .where('e.org_id', '=', orgId)
    .where('e.fiscal_year_id', '=', year.id)
    .where('e.status', '=', 'validated')
    .where(({ not, exists, selectFrom }) =>
      not(
        exists(
          selectFrom('ledger_line as l')
            .select(sql.lit(1).as('one'))
            .whereRef('l.org_id', '=', 'e.org_id')
            .whereRef('l.entry_id', '=', 'e.id'),
        ),
      ),
    )
    .orderBy('e.number')
    .limit(MAX_LISTED)
    .execute();
  return rows.map((w) => ({ field: `écriture ${w.number}`, message: 'Écriture validée sans ligne.' }));
}
