import { sql } from 'kysely';
import { type Db, isSqlite } from '../../kernel/db/index.ts';

// A FEC lists its lines by date, so the indexes of ledger_line keyed by account or by party receive them in
// no order: every line lands on a random page of a B-tree larger than the page cache. On a 1M-line import
// into an empty SQLite database keeping them up to date cost 7–10 s; building them once at the end (a sort)
// 3.6–5 s (docs/performance.md, "Session 9"). Decision 0051.
const OUT_OF_ORDER = ['ledger_line_account_idx', 'ledger_line_auxiliary_idx'] as const;

// Building an index reads every line of every organisation; keeping it costs per imported line. Rebuilding
// pays when the import brings at least half as many lines as the table already holds; below some ten
// thousand lines there is nothing to win.
const MIN_LINES = 10_000;
const MAX_EXISTING_PER_IMPORTED = 2;

// A FEC line is about 120 bytes (the 18 columns with their tabs); the estimate only picks the strategy.
const BYTES_PER_LINE = 120;

/**
 * Inside the import's transaction, on SQLite, drops the out-of-order indexes of ledger_line when the file
 * is large next to the table, and returns what builds them again before the commit. The drop and the build
 * are in the same transaction: a failed import rolls both back, and readers (WAL) keep seeing the indexes
 * of the last committed state meanwhile. On PostgreSQL nothing is done: dropping an index there locks the
 * table against every organisation's readers for the whole import.
 */
export async function deferOutOfOrderIndexes(trx: Db, fileBytes: number): Promise<() => Promise<void>> {
  const nothing = async () => {};
  if (!isSqlite(trx)) return nothing;
  const importedLines = fileBytes / BYTES_PER_LINE;
  if (importedLines < MIN_LINES) return nothing;
  // max(rowid) is read from the B-tree's last page, not counted: an upper bound of the lines held.
  const { rows } = await sql<{ held: number | null }>`select max(rowid) as held from ledger_line`.execute(
    trx,
  );
  if (Number(rows[0]?.held ?? 0) > importedLines * MAX_EXISTING_PER_IMPORTED) return nothing;
  const { rows: indexes } = await sql<{ name: string; sql: string }>`
    select name, sql from sqlite_schema
    where type = 'index' and tbl_name = 'ledger_line' and name in (${sql.join([...OUT_OF_ORDER])})`.execute(
    trx,
  );
  for (const index of indexes) await sql`drop index ${sql.id(index.name)}`.execute(trx);
  return async () => {
    for (const index of indexes) await sql.raw(index.sql).execute(trx);
  };
}
