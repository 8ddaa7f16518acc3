import Database from 'better-sqlite3';
import { Kysely, PostgresDialect, type SqliteStatement } from 'kysely';
import pg from 'pg';
import { ARRAYS_MARKER, ROWS_MARKER } from './bulk.ts';
import type { DB } from './database.ts';
import { SplitSqliteDialect } from './sqlite-driver.ts';

export type Dialect = 'sqlite' | 'postgres';

/** The application's handle on its database: the Kysely instance plus what differs per dialect. */
export type Store = {
  db: Kysely<DB>;
  dialect: Dialect;
  /** `postgres://…` or the SQLite file path. */
  location: string;
  close: () => Promise<void>;
  /**
   * A number that changes whenever the database may have changed since the last call: SQLite's
   * `data_version` on the read connection, which moves with every commit of any other connection — this
   * process's writer or another process. Null where there is none (PostgreSQL): nothing may be cached.
   */
  readVersion: () => number | null;
};

// pg turns int8, numeric, date and timestamptz into strings or local-midnight Dates by default;
// parse them once per process so rows read the same on both databases (see stack-notes.md).
function safeNumber(text: string): number {
  const n = Number(text);
  if (!Number.isSafeInteger(n)) throw new RangeError(`Entier hors limites : ${text}`);
  return n;
}
pg.types.setTypeParser(20, safeNumber); // int8
pg.types.setTypeParser(1700, safeNumber); // numeric: only sums of bigint columns reach us
pg.types.setTypeParser(1082, (v) => v); // date → 'YYYY-MM-DD'
pg.types.setTypeParser(1114, (v) => new Date(`${v}Z`).toISOString()); // timestamp
pg.types.setTypeParser(1184, (v) => new Date(v).toISOString()); // timestamptz

export function isPostgresUrl(location: string): boolean {
  return /^postgres(ql)?:\/\//.test(location);
}

export function openStore(location: string, options: { poolSize?: number } = {}): Store {
  if (isPostgresUrl(location)) {
    const pool = new pg.Pool({ connectionString: location, max: options.poolSize ?? 10 });
    // An idle connection can be cut by the server (restart, failover, database dropped): without a
    // listener pg would throw it out of the event loop and stop the process. The pool replaces it.
    pool.on('error', (error: Error & { code?: string }) => {
      if (error.code !== '57P01')
        process.stderr.write(`PostgreSQL : connexion inactive perdue (${error.message})\n`);
    });
    const db = new Kysely<DB>({ dialect: new PostgresDialect({ pool }) });
    return { db, dialect: 'postgres', location, close: () => db.destroy(), readVersion: () => null };
  }
  const file = location.replace(/^sqlite:/, '');
  const database = new Database(file, { timeout: 5000 });
  database.pragma('journal_mode = WAL');
  // FULL: a validated invoice must survive a power cut, not only a process crash.
  database.pragma('synchronous = FULL');
  database.pragma('foreign_keys = ON');
  // Opened after the writer has set WAL mode; reads outside transactions go there (sqlite-driver.ts).
  const reader = new Database(file, { readonly: true, timeout: 5000 });
  const db = new Kysely<DB>({
    dialect: new SplitSqliteDialect(withStatementCache(database), withStatementCache(reader)),
  });
  const dataVersion = reader.prepare('pragma data_version').pluck();
  const readVersion = () => dataVersion.get() as number;
  return { db, dialect: 'sqlite', location: file, close: () => db.destroy(), readVersion };
}

/**
 * Kysely's SQLite driver prepares every query again; preparing was a tenth of a list request's time
 * (bench/http-load.ts profile). Queries are built from a fixed set of shapes, so a bounded cache of
 * prepared statements keyed by SQL text is enough. Kysely runs one statement at a time on the
 * connection, so a cached statement is never used by two queries at once.
 */
function withStatementCache(database: Database.Database, size = 500) {
  const cache = new Map<string, SqliteStatement>();
  return {
    close: () => database.close(),
    prepare: (text: string): SqliteStatement => {
      let statement = cache.get(text);
      if (statement) {
        cache.delete(text);
      } else {
        statement = prepareMarked(database, text);
        if (cache.size >= size) cache.delete(cache.keys().next().value!);
      }
      cache.set(text, statement);
      return statement;
    },
  };
}

/** The bulk markers of bulk.ts: a single-row insert run once per row, or a read returning arrays. */
function prepareMarked(database: Database.Database, text: string): SqliteStatement {
  if (text.startsWith(ROWS_MARKER)) {
    const statement = database.prepare(text.slice(ROWS_MARKER.length));
    return {
      reader: false,
      all: () => {
        throw new Error('agora:rows statement: insert only');
      },
      iterate: () => {
        throw new Error('agora:rows statement: insert only');
      },
      run: (rows: readonly unknown[]) => {
        let changes = 0;
        let lastInsertRowid: number | bigint = 0;
        for (const row of rows as readonly unknown[][]) {
          // Spread, not the array: better-sqlite3 reads an array's elements one property access at a time,
          // arguments directly (13 integers: 2.96 instead of 4.07 µs a row alone; within the noise of a
          // whole FEC import — docs/performance.md "Session 6").
          const result = statement.run(...row);
          changes += result.changes;
          lastInsertRowid = result.lastInsertRowid;
        }
        return { changes, lastInsertRowid };
      },
    };
  }
  if (text.startsWith(ARRAYS_MARKER)) return database.prepare(text.slice(ARRAYS_MARKER.length)).raw(true);
  return withRowShape(database.prepare(text));
}

/**
 * Rows as better-sqlite3 builds them (an object given its keys one by one) were half the cost of reading a
 * page of parties. Reading each row as an array and turning it into an object of one fixed literal shape per
 * statement gives the same objects (same keys, same order, same values) in half the time
 * (docs/performance.md). The shape is generated from the statement's column names, quoted with
 * JSON.stringify; a column named __proto__ (which a literal would take as the prototype) keeps the plain way.
 */
function withRowShape(statement: Database.Statement): SqliteStatement {
  if (!statement.reader) return statement;
  const names = statement.columns().map((c) => c.name);
  if (names.includes('__proto__')) return statement;
  const body = names.map((name, i) => `${JSON.stringify(name)}: row[${i}]`).join(', ');
  const shape = new Function('row', `return { ${body} };`) as (row: unknown[]) => unknown;
  statement.raw(true);
  return {
    reader: true,
    all: (parameters) => {
      const rows = statement.all(parameters) as unknown[];
      for (let i = 0; i < rows.length; i++) rows[i] = shape(rows[i] as unknown[]);
      return rows;
    },
    run: (parameters) => statement.run(parameters),
    iterate: function* (parameters) {
      for (const row of statement.iterate(parameters)) yield shape(row as unknown[]);
    },
  };
}

/** Online backup of a SQLite file (consistent while writers keep going). */
export async function backupSqlite(
  file: string,
  destination: string,
  onProgress?: (done: number, total: number) => void,
): Promise<void> {
  const database = new Database(file, { readonly: true, timeout: 5000 });
  try {
    await database.backup(destination, {
      progress: ({ totalPages, remainingPages }) => {
        onProgress?.(totalPages - remainingPages, totalPages);
        return 200;
      },
    });
  } finally {
    database.close();
  }
}
