import type { Kysely, Transaction } from 'kysely';
import type { DB } from './database.ts';

export { insertRows, isSqlite, selectArrays } from './bulk.ts';
export { columnTypes } from './columns.ts';
export { backupSqlite, type Dialect, isPostgresUrl, openStore, type Store } from './connect.ts';
export type { DB } from './database.ts';
export { migrateToLatest } from './migrator.ts';
export { isForeignKeyViolation, isUniqueViolation } from './sql-errors.ts';

/** What every business function takes first: the database or a transaction on it. */
export type Db = Kysely<DB>;
export type Trx = Transaction<DB>;
