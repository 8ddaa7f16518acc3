import { sql } from 'kysely';
import type { Db, Dialect } from '../../kernel/db/index.ts';

/**
 * The transaction a sandbox copy runs in. The rows come from a consistent template with their own ids, so
 * every reference already holds: checking each foreign key again, row by row, is most of a copy's time
 * (bench/training.ts). Both databases skip those checks for the copy only:
 * - SQLite: foreign keys off for the transaction. The pragma cannot change inside a transaction, so the one
 *   SQLite connection is held for the whole of it: no other statement of the process runs unchecked meanwhile.
 * - PostgreSQL: `session_replication_role = replica` for this transaction only (`set local`), which skips
 *   the foreign-key triggers. Only a role allowed to set it may (a superuser, or one granted
 *   `SET ON PARAMETER session_replication_role`, PostgreSQL 15+); any other copies with its checks, slower.
 *   Agora's own triggers only refuse updates of validated ledger rows, and a copy only inserts.
 */
export async function copyTransaction<T>(
  store: { db: Db; dialect: Dialect },
  work: (trx: Db) => Promise<T>,
): Promise<T> {
  if (store.dialect !== 'sqlite') {
    return store.db.transaction().execute(async (trx) => {
      if (await maySkipForeignKeyChecks(store.db, trx))
        await sql`set local session_replication_role = replica`.execute(trx);
      return work(trx);
    });
  }
  return store.db.connection().execute(async (connection) => {
    await sql`pragma foreign_keys = off`.execute(connection);
    try {
      return await connection.transaction().execute(work);
    } finally {
      await sql`pragma foreign_keys = on`.execute(connection);
    }
  });
}

// Asked once per database handle, not once per copy (a class of 35 is 35 copies): a role's rights do not
// change while the server runs, short of a GRANT, which a restart then sees.
const skipAllowed = new WeakMap<Db, Promise<boolean>>();

function maySkipForeignKeyChecks(db: Db, trx: Db): Promise<boolean> {
  let allowed = skipAllowed.get(db);
  if (!allowed) {
    allowed = sql<{ allowed: boolean }>`
      select coalesce((select rolsuper from pg_roles where rolname = current_user), false)
        or has_parameter_privilege('session_replication_role', 'SET') as allowed`
      .execute(trx)
      .then(({ rows }) => rows[0]?.allowed === true)
      .catch((error: unknown) => {
        skipAllowed.delete(db); // not kept: the next copy asks again
        throw error;
      });
    skipAllowed.set(db, allowed);
  }
  return allowed;
}
