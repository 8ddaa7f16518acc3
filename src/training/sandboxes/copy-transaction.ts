import { sql } from 'kysely';
import type { Db, Dialect } from '../../kernel/db/index.ts';

/**
 * The transaction a sandbox copy runs in. On SQLite, foreign-key checks are off for its duration: the rows
 * come from a consistent template with their own ids, so every reference already holds, and the per-row
 * parent lookups were a third of the copy's time (bench/training.ts). The pragma cannot change inside a
 * transaction, so the one SQLite connection is held for the whole of it: no other statement of the process
 * runs unchecked meanwhile. PostgreSQL keeps its checks.
 */
export async function copyTransaction<T>(
  store: { db: Db; dialect: Dialect },
  work: (trx: Db) => Promise<T>,
): Promise<T> {
  if (store.dialect !== 'sqlite') return store.db.transaction().execute(work);
  return store.db.connection().execute(async (connection) => {
    await sql`pragma foreign_keys = off`.execute(connection);
    try {
      return await connection.transaction().execute(work);
    } finally {
      await sql`pragma foreign_keys = on`.execute(connection);
    }
  });
}
