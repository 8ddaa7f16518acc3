import type { Db } from '../../kernel/db/index.ts';
import { listEntries } from '../entries/entry-read.ts';
import { toFiscalYearDto } from '../fiscal-years/fiscal-year.ts';
import type { JournalListingDto, JournalListingQuery } from './contract.ts';
import { resolvePeriod } from './period.ts';

/**
 * Journal listing of a period: the totals per journal (centralisation) and one page of its validated
 * entries in date order.
 */
export async function journalListing(
  db: Db,
  orgId: string,
  query: JournalListingQuery,
): Promise<JournalListingDto> {
  const period = await resolvePeriod(db, orgId, query);
  let totals = db
    .selectFrom('ledger_line as l')
    .innerJoin('ledger_journal as j', (join) =>
      join.onRef('j.org_id', '=', 'l.org_id').onRef('j.id', '=', 'l.journal_id'),
    )
    .select((eb) => [
      'j.code',
      'j.label',
      eb.cast<number>(eb.fn.count('l.entry_id').distinct(), 'bigint').as('entries'),
      eb.cast<number>(eb.fn.coalesce(eb.fn.sum<number>('l.debit'), eb.lit(0)), 'bigint').as('debit'),
      eb.cast<number>(eb.fn.coalesce(eb.fn.sum<number>('l.credit'), eb.lit(0)), 'bigint').as('credit'),
    ])
    .where('l.org_id', '=', orgId)
    .where('l.fiscal_year_id', '=', period.year.id)
    .where('l.entry_date', '>=', period.from)
    .where('l.entry_date', '<=', period.to)
    .groupBy(['j.code', 'j.label'])
    .orderBy('j.code');
  if (query.journal) totals = totals.where('j.code', '=', query.journal);
  const journals = (await totals.execute()).map((j) => ({
    code: j.code,
    label: j.label,
    entries: Number(j.entries),
    totalDebit: Number(j.debit),
    totalCredit: Number(j.credit),
  }));
  const page = await listEntries(db, orgId, {
    journal: query.journal,
    status: 'validated',
    from: period.from,
    to: period.to,
    fiscalYearId: period.year.id,
    limit: query.limit,
    offset: query.offset,
  });
  return { fiscalYear: toFiscalYearDto(period.year), from: period.from, to: period.to, journals, ...page };
}
