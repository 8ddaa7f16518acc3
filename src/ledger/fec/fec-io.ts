import { sql } from 'kysely';
import { type Db, isSqlite } from '../../kernel/db/index.ts';
import { deferOutOfOrderIndexes } from './deferred-indexes.ts';
import { type FecImportReport, importFecEntries } from './fec-import.ts';
import { type FecIssues, fecParser, type ParsedEntry } from './fec-parse.ts';
import { bytesSource, type FecSource, fecLines, fileSource, isUtf8Source } from './fec-read.ts';

type Progress = (done: number, total: number) => void;

/**
 * Imports a FEC file's bytes (UTF-8 or Latin-9) into an organisation. The file is read line by line while
 * it is written, in one transaction (decision 0009), so a failure leaves nothing behind.
 */
export async function importFec(
  db: Db,
  orgId: string,
  bytes: Uint8Array | string,
  actorId: string | null,
  onProgress?: Progress,
): Promise<FecImportReport> {
  const source = bytesSource(typeof bytes === 'string' ? Buffer.from(bytes, 'utf8') : bytes);
  return importFecSource(db, orgId, source, actorId, onProgress);
}

/** The same from a file on disk, never read whole into memory (a FEC of 1M lines is 120 MB). */
export async function importFecFile(
  db: Db,
  orgId: string,
  path: string,
  actorId: string | null,
  onProgress?: Progress,
): Promise<FecImportReport> {
  return importFecSource(db, orgId, await fileSource(path), actorId, onProgress);
}

export async function importFecSource(
  db: Db,
  orgId: string,
  source: FecSource,
  actorId: string | null,
  onProgress?: Progress,
): Promise<FecImportReport> {
  const utf8 = await isUtf8Source(source);
  return db.transaction().execute(async (trx) => {
    const issues: FecIssues = { rejected: [], warnings: [] };
    const restore = await widenSqliteCache(trx);
    try {
      const buildIndexes = await deferOutOfOrderIndexes(trx, source.size);
      return await importFecEntries(
        trx,
        orgId,
        parsedEntries(source, utf8, issues, onProgress),
        issues,
        actorId,
        buildIndexes,
      );
    } finally {
      await restore();
    }
  });
}

// SQLite's default page cache (2 MB) is too small for the indexes of ledger_line to stay in memory while a
// million lines go in: each insert then reads pages back from the WAL, and the import slows down as it
// grows (300k lines: 22 s with 2 MB, 12 s with 64 MB). 32 MB for the import's duration: measured on 1M lines,
// 64 MB was 3 % faster but peaked at 276–296 MB of the server's 300 MB, 32 MB at 246–252 MB (16 MB: 222 MB,
// 6 % slower). The connection's own setting is put back afterwards.
const IMPORT_CACHE_KB = 32 * 1024;

async function widenSqliteCache(trx: Db): Promise<() => Promise<void>> {
  if (!isSqlite(trx)) return async () => {};
  const { rows } = await sql<{ cache_size: number }>`pragma cache_size`.execute(trx);
  const before = Number(rows[0]?.cache_size ?? -2000);
  await sql.raw(`pragma cache_size = -${IMPORT_CACHE_KB}`).execute(trx);
  return async () => {
    await sql.raw(`pragma cache_size = ${before}`).execute(trx);
  };
}

async function* parsedEntries(
  source: FecSource,
  utf8: boolean,
  issues: FecIssues,
  onProgress?: Progress,
): AsyncGenerator<ParsedEntry[]> {
  const parser = fecParser(issues);
  for await (const lines of fecLines(source, utf8, onProgress)) {
    const entries: ParsedEntry[] = [];
    for (const line of lines) for (const entry of parser.push(line)) entries.push(entry);
    yield entries;
  }
  yield parser.end();
}
