import {
  CompiledQuery,
  type DatabaseConnection,
  type Driver,
  type QueryResult,
  SelectQueryNode,
  type SqliteDatabase,
  SqliteDialect,
} from 'kysely';

// Two connections to one SQLite file. Kysely's own driver has one connection behind a mutex: while a
// transaction is open — an invoice validation awaits some forty statements — every read of the process
// waits for it, although SQLite in WAL mode would let it read the last committed state. Here reads made
// outside a transaction go to a read-only connection and never wait for the writer; transactions, writes
// outside a transaction and streams take the writing connection in turn, as before (decision 0020).

function run(database: SqliteDatabase, query: CompiledQuery): QueryResult<unknown> {
  const statement = database.prepare(query.sql);
  if (statement.reader) return { rows: statement.all(query.parameters) };
  const { changes, lastInsertRowid } = statement.run(query.parameters);
  return { numAffectedRows: BigInt(changes), insertId: BigInt(lastInsertRowid), rows: [] };
}

class Mutex {
  #held: Promise<void> | undefined;
  #release: (() => void) | undefined;
  async lock(): Promise<void> {
    while (this.#held) await this.#held;
    this.#held = new Promise((resolve) => {
      this.#release = resolve;
    });
  }
  unlock(): void {
    const release = this.#release;
    this.#held = undefined;
    this.#release = undefined;
    release?.();
  }
}

class SplitConnection implements DatabaseConnection {
  inTransaction = false;
  constructor(private readonly driver: SplitSqliteDriver) {}

  async executeQuery<R>(query: CompiledQuery): Promise<QueryResult<R>> {
    const { writer, reader, writing } = this.driver;
    if (this.inTransaction) return run(writer, query) as QueryResult<R>;
    if (SelectQueryNode.is(query.query)) return run(reader, query) as QueryResult<R>;
    await writing.lock();
    try {
      return run(writer, query) as QueryResult<R>;
    } finally {
      writing.unlock();
    }
  }

  /** A stream keeps its statement open between rows: it holds the writing connection meanwhile. */
  async *streamQuery<R>(query: CompiledQuery): AsyncIterableIterator<QueryResult<R>> {
    if (!SelectQueryNode.is(query.query)) throw new Error('SQLite : seules les lectures se lisent en flux.');
    const { writer, writing } = this.driver;
    if (!this.inTransaction) await writing.lock();
    try {
      for (const row of writer.prepare(query.sql).iterate(query.parameters)) yield { rows: [row as R] };
    } finally {
      if (!this.inTransaction) writing.unlock();
    }
  }
}

export class SplitSqliteDriver implements Driver {
  readonly writing = new Mutex();
  constructor(
    readonly writer: SqliteDatabase,
    readonly reader: SqliteDatabase,
  ) {}
  async init(): Promise<void> {}
  async acquireConnection(): Promise<DatabaseConnection> {
    return new SplitConnection(this);
  }
  /**
   * `begin immediate`: the write lock is taken up front and waited for (busy timeout); a deferred begin
   * would fail at once with SQLITE_BUSY when another process wrote in between (decision 0006).
   */
  async beginTransaction(connection: DatabaseConnection): Promise<void> {
    const c = connection as SplitConnection;
    await this.writing.lock();
    try {
      run(this.writer, CompiledQuery.raw('begin immediate'));
      c.inTransaction = true;
    } catch (error) {
      this.writing.unlock();
      throw error;
    }
  }
  async commitTransaction(connection: DatabaseConnection): Promise<void> {
    // A failed commit leaves the transaction open: Kysely then rolls it back, which ends it.
    run(this.writer, CompiledQuery.raw('commit'));
    this.#end(connection as SplitConnection);
  }
  async rollbackTransaction(connection: DatabaseConnection): Promise<void> {
    try {
      run(this.writer, CompiledQuery.raw('rollback'));
    } finally {
      this.#end(connection as SplitConnection);
    }
  }
  #end(connection: SplitConnection): void {
    if (!connection.inTransaction) return;
    connection.inTransaction = false;
    this.writing.unlock();
  }
  async releaseConnection(): Promise<void> {}
  /** Like Kysely's driver: closing ends (rolls back) a transaction still open. */
  async destroy(): Promise<void> {
    this.reader.close();
    this.writer.close();
  }
}

export class SplitSqliteDialect extends SqliteDialect {
  readonly #driver: SplitSqliteDriver;
  constructor(writer: SqliteDatabase, reader: SqliteDatabase) {
    super({ database: writer });
    this.#driver = new SplitSqliteDriver(writer, reader);
  }
  override createDriver(): Driver {
    return this.#driver;
  }
}
