// One FEC import or export in a process of its own, as the CLI and the server run it, so that its time and
// its peak memory (getrusage high-water mark) are those of the work alone — not of the bench process that
// generated the data. Prints one JSON line: { ms, peakRssBytes, lines }.
//   node --import tsx bench/fec-process.ts import <databaseUrl> <orgId> <file>
//   node --import tsx bench/fec-process.ts export <databaseUrl> <orgId> <fiscalYear> <outFile>
import { createWriteStream } from 'node:fs';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { openStore } from '../src/kernel/db/index.ts';
import { encodeLatin9, importFecFile, prepareFecExport } from '../src/ledger/index.ts';

const [mode, url, orgId, arg, out] = process.argv.slice(2) as [string, string, string, string, string?];
const store = openStore(url);
try {
  const start = performance.now();
  let lines: number;
  if (mode === 'import') {
    const report = await importFecFile(store.db, orgId, arg, null);
    if (report.rejected.length > 0) throw new Error(`rejet : ${report.rejected[0]!.reason}`);
    lines = report.lines;
  } else {
    const prepared = await prepareFecExport(store.db, orgId, arg);
    await pipeline(
      Readable.from(
        (async function* () {
          for await (const chunk of prepared.chunks()) yield encodeLatin9(chunk);
        })(),
      ),
      createWriteStream(out!),
    );
    lines = prepared.lineCount;
  }
  const ms = performance.now() - start;
  console.log(JSON.stringify({ ms, peakRssBytes: process.resourceUsage().maxRSS * 1024, lines }));
} finally {
  await store.close();
}
