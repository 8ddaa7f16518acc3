import type { Db } from '../../kernel/db/index.ts';

/**
 * Of the given entries, those whose lines on accounts under `accountPrefix` (411 for a sales invoice) are
 * all part of a complete lettering made by `asOf`: the document they record is settled. An entry with no
 * such line is not in the answer.
 */
export async function settledEntryIds(
  db: Db,
  orgId: string,
  entryIds: readonly string[],
  options: { accountPrefix: string; asOf: string },
): Promise<Set<string>> {
  const settled = new Set<string>();
  if (entryIds.length === 0) return settled;
  const open = new Set<string>();
  for (let i = 0; i < entryIds.length; i += 500) {
    const rows = await db
      .selectFrom('ledger_line as l')
      .innerJoin('ledger_account as a', (j) =>
        j.onRef('a.org_id', '=', 'l.org_id').onRef('a.id', '=', 'l.account_id'),
      )
      .leftJoin('ledger_lettering_line as ll', (j) =>
        j.onRef('ll.org_id', '=', 'l.org_id').onRef('ll.line_id', '=', 'l.id'),
      )
      .leftJoin('ledger_lettering as lt', (j) =>
        j.onRef('lt.org_id', '=', 'll.org_id').onRef('lt.id', '=', 'll.lettering_id'),
      )
      .select(['l.entry_id', 'lt.complete', 'lt.lettered_on'])
      .where('l.org_id', '=', orgId)
      .where('l.entry_id', 'in', entryIds.slice(i, i + 500))
      .where('a.number', 'like', `${options.accountPrefix}%`)
      .execute();
    for (const r of rows) {
      const done = r.complete !== null && Number(r.complete) === 1 && String(r.lettered_on) <= options.asOf;
      if (done && !open.has(r.entry_id)) settled.add(r.entry_id);
      else {
        open.add(r.entry_id);
        settled.delete(r.entry_id);
      }
    }
  }
  return settled;
}
