// npm run bench -- ledger   (BENCH_LEDGER_LINES=1000000 by default; BENCH_DATABASE_URL=postgres://… for PostgreSQL)
//
// Builds a ledger of synthetic postings through the FEC import (streamed from a file, as the CLI and the
// server do), then times the trial balance, the general ledger of one account and the FEC export (streamed
// to a file with back-pressure). Peak RSS is the kernel's high-water mark (getrusage), not a sample, so a
// burst between two timer ticks is counted too. Each figure is printed with a peer measured in the same run:
// a bare GROUP BY over the same lines (the physical limit of the database) and, when installed, hledger
// and ledger-cli computing the balance report of the same postings written as a journal file.
import { execFile } from 'node:child_process';
import { createWriteStream, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { promisify } from 'node:util';
import { sql } from 'kysely';
import { migrateToLatest, openStore } from '../src/kernel/db/index.ts';
import { organisationInput } from '../src/kernel/organisations/contract.ts';
import { createOrganisation } from '../src/kernel/organisations/organisation.ts';
import { generalLedger, trialBalance } from '../src/ledger/index.ts';
import { syntheticFec, syntheticJournal } from './ledger-data.ts';

const exec = promisify(execFile);
const LINES = Number(process.env.BENCH_LEDGER_LINES ?? 1_000_000);
const RUNS = Number(process.env.BENCH_RUNS ?? 7);
const dir = mkdtempSync(join(tmpdir(), 'agora-bench-ledger-'));
const store = openStore(process.env.BENCH_DATABASE_URL ?? join(dir, 'ledger.sqlite'));

// The process's peak resident set so far (ru_maxrss, kilobytes on Linux).
const peakRss = () => process.resourceUsage().maxRSS * 1024;
const mb = (bytes: number) => `${Math.round(bytes / 1e6)} MB`;

/** Writes chunks to a file, waiting whenever the file's buffer is full. */
async function writeChunks(path: string, chunks: Iterable<string | Buffer> | AsyncIterable<string | Buffer>) {
  await pipeline(Readable.from(chunks), createWriteStream(path));
}

async function time<T>(work: () => Promise<T>): Promise<[number, T]> {
  const start = performance.now();
  const result = await work();
  return [performance.now() - start, result];
}

async function median(work: () => Promise<unknown>, runs = RUNS): Promise<number> {
  await work();
  const times: number[] = [];
  for (let i = 0; i < runs; i++) times.push((await time(work))[0]);
  times.sort((a, b) => a - b);
  return times[Math.floor(times.length / 2)]!;
}

/** Runs bench/fec-process.ts in a new Node process, with the heap cap of `npm start` and `agora`, and reads its one-line JSON report. */
async function inOwnProcess(args: string[]): Promise<{ ms: number; peakRssBytes: number; lines: number }> {
  const { stdout } = await exec(
    process.execPath,
    ['--max-old-space-size=192', '--import', 'tsx', 'bench/fec-process.ts', ...args],
    {
      maxBuffer: 1024 * 1024,
    },
  );
  return JSON.parse(stdout.trim().split('\n').at(-1)!);
}

async function peer(command: string, args: string[]): Promise<number | null> {
  try {
    await exec('which', [command]);
  } catch {
    return null;
  }
  return median(() => exec(command, args, { maxBuffer: 64 * 1024 * 1024 }), 3);
}

const ms = (t: number | null) => (t === null ? 'n/a' : t < 10 ? t.toFixed(1) : Math.round(t).toString());
const ratio = (a: number, b: number | null) => (b === null ? '–' : `${(a / b).toFixed(2)}×`);

try {
  await migrateToLatest(store);
  const org = await store.db.transaction().execute((trx) =>
    createOrganisation(
      trx,
      organisationInput.parse({
        name: 'Bench',
        kind: 'company',
        siren: '552100554',
        vatRegime: 'normal_monthly',
      }),
      null,
    ),
  );
  const input = join(dir, 'input.txt');
  await writeChunks(input, syntheticFec(LINES));
  // The import and the export run in a process of their own (bench/fec-process.ts), as the CLI runs them:
  // their peak memory is then theirs, without this process's data generator.
  const imported = await inOwnProcess(['import', store.location, org.id, input]);
  if (store.dialect === 'postgres') await sql`analyze`.execute(store.db);

  const period = { from: '2026-01-01', to: '2026-12-31', auxiliary: false };
  const trialMs = await median(() => trialBalance(store.db, org.id, period));
  const rawMs = await median(() =>
    sql`select account_id, sum(debit), sum(credit) from ledger_line where org_id = ${org.id} group by account_id`.execute(
      store.db,
    ),
  );
  const ledgerMs = await median(() => generalLedger(store.db, org.id, { account: '627' }));
  const out = join(dir, 'export.txt');
  // Three exports, the median kept: one run of a few seconds on a shared machine varies by a fifth.
  const exports = [];
  for (let run = 0; run < 3; run++)
    exports.push(await inOwnProcess(['export', store.location, org.id, '2026', out]));
  const exported = exports.sort((a, b) => a.ms - b.ms)[1]!;
  const entries = await sql<{
    n: number;
  }>`select count(*) as n from ledger_entry where org_id = ${org.id}`.execute(store.db);

  const journalFile = join(dir, 'bench.journal');
  await writeChunks(journalFile, syntheticJournal(LINES));
  const hledgerMs = await peer('hledger', ['-f', journalFile, 'balance', '--flat']);
  const ledgerCliMs = await peer('ledger', ['-f', journalFile, 'balance']);

  console.log(
    `${imported.lines} lignes, ${Number(entries.rows[0]!.n)} écritures, ${store.dialect}, ${RUNS} mesures (médiane)\n`,
  );
  console.log(
    '| step | Agora ms | bare GROUP BY of the lines ms | Agora ÷ GROUP BY | hledger ms | ledger ms | hledger ÷ Agora | ledger ÷ Agora |',
  );
  console.log('| --- | --- | --- | --- | --- | --- | --- | --- |');
  console.log(
    `| trial balance (opening/period/closing) | ${ms(trialMs)} | ${ms(rawMs)} | ${ratio(trialMs, rawMs)} | ${ms(hledgerMs)} | ${ms(ledgerCliMs)} | ${hledgerMs === null ? '–' : ratio(hledgerMs, trialMs)} | ${ledgerCliMs === null ? '–' : ratio(ledgerCliMs, trialMs)} |`,
  );
  console.log(`| general ledger of 627 | ${ms(ledgerMs)} | | | | | | |`);
  console.log(
    `| FEC export (${(statSync(out).size / 1e6).toFixed(0)} MB, median of 3) | ${ms(exported.ms)} | | | | | | |`,
  );
  console.log(`| FEC import | ${ms(imported.ms)} | | | | | | |`);
  console.log(
    `\npeak RSS (getrusage high-water mark) of the import process ${mb(imported.peakRssBytes)}, ` +
      `of the export process ${mb(exported.peakRssBytes)}, of this bench process ${mb(peakRss())} ` +
      '(data generator, reports; hledger and ledger run as child processes, not counted)',
  );
} finally {
  await store.close();
  rmSync(dir, { recursive: true, force: true });
}
