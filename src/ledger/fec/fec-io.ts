import type { Db } from '../../kernel/db/index.ts';
import { type FecImportReport, importParsedFec } from './fec-import.ts';
import { parseFec } from './fec-parse.ts';
import { decodeFecBytes } from './latin9.ts';

/**
 * Imports a FEC file's bytes (UTF-8 or Latin-9) into an organisation: parsed first, outside any
 * transaction, then written in one transaction, so a failure leaves nothing behind.
 */
export async function importFec(
  db: Db,
  orgId: string,
  bytes: Uint8Array | string,
  actorId: string | null,
  onProgress?: (done: number, total: number) => void,
): Promise<FecImportReport> {
  const parsed = parseFec(typeof bytes === 'string' ? bytes : decodeFecBytes(bytes));
  return db.transaction().execute((trx) => importParsedFec(trx, orgId, parsed, actorId, onProgress));
}
