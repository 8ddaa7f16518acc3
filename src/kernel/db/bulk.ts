import { CompiledQuery, type Kysely, SqliteAdapter } from 'kysely';

// Bulk paths for the few places that move hundreds of thousands of rows (FEC import and export, copies).
// Kysely builds one object tree per row and compiles a multi-row INSERT of thousands of parameters on every
// call; for a million ledger lines that costs more than SQLite itself. These helpers send pre-written SQL:
//  - on SQLite, rows go one by one through ONE cached prepared single-row statement (the statement cache of
//    connect.ts recognises the marker and loops in C++-bound calls, no promise per row); a prepared
//    thousand-row INSERT also held megabytes of memory per distinct size;
//  - on PostgreSQL, rows go as multi-row INSERTs (one round trip per few thousand rows).
// Reads can return rows as arrays (no object per row), in column order.

/** Marks a single-row INSERT whose parameters are a list of rows (see connect.ts). */
export const ROWS_MARKER = '/* agora:rows */ ';
/** Marks a SELECT whose rows come back as arrays (see connect.ts). */
export const ARRAYS_MARKER = '/* agora:arrays */ ';

// PostgreSQL accepts at most 65,535 bound parameters per statement.
const PG_MAX_PARAMETERS = 60_000;

const quote = (name: string) => `"${name.replaceAll('"', '""')}"`;

// biome-ignore lint/suspicious/noExplicitAny: any database schema
type AnyDb = Kysely<any>;

/** Whether the database (or transaction) is SQLite's, for the few paths that tune one engine. */
export const isSqlite = (db: AnyDb) => db.getExecutor().adapter instanceof SqliteAdapter;

/**
 * Inserts rows given as arrays in `columns` order, inside the caller's transaction. Values must already
 * be what the column stores (text, integers, null).
 */
export async function insertRows(
  db: AnyDb,
  table: string,
  columns: readonly string[],
  rows: readonly (readonly unknown[])[],
): Promise<void> {
  if (rows.length === 0) return;
  const head = `insert into ${quote(table)} (${columns.map(quote).join(', ')}) values `;
  if (isSqlite(db)) {
    const text = `${ROWS_MARKER}${head}(${columns.map(() => '?').join(', ')})`;
    await db.executeQuery(CompiledQuery.raw(text, rows as unknown[]));
    return;
  }
  const perStatement = Math.floor(PG_MAX_PARAMETERS / columns.length);
  for (let start = 0; start < rows.length; start += perStatement) {
    const chunk = rows.slice(start, start + perStatement);
    const parameters: unknown[] = [];
    const tuples: string[] = [];
    for (const row of chunk) {
      const marks: string[] = [];
      for (const value of row) {
        parameters.push(value);
        marks.push(`$${parameters.length}`);
      }
      tuples.push(`(${marks.join(', ')})`);
    }
    await db.executeQuery(CompiledQuery.raw(head + tuples.join(', '), parameters));
  }
}

/** Runs a SELECT and returns its rows as arrays, in the order of its select list. */
export async function selectArrays(
  db: AnyDb,
  query: { sql: string; parameters: readonly unknown[] },
): Promise<unknown[][]> {
  if (isSqlite(db)) {
    const { rows } = await db.executeQuery(
      CompiledQuery.raw(`${ARRAYS_MARKER}${query.sql}`, [...query.parameters]),
    );
    return rows as unknown[][];
  }
  const { rows } = await db.executeQuery(CompiledQuery.raw(query.sql, [...query.parameters]));
  return (rows as Record<string, unknown>[]).map((row) => Object.values(row));
}
