// One FEC import or export in a process of its own, as the CLI and the server run it, so that its time and
// its peak memory (getrusage high-water mark) are those of the work alone — not of the bench process that
// generated the data. Prints one JSON line: { ms, peakRssBytes, lines }.
//   node --import tsx bench/fec-process.ts import <databaseUrl> <orgId> <file>
//   node --import tsx bench/fec-process.ts export <databaseUrl> <orgId> <fiscalYear> <outFile>
import { openStore } from '../src/kernel/db/index.ts';
import { exportFecFile, importFecFile } from '../src/ledger/index.ts';

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
    lines = (await exportFecFile(store.db, orgId, arg, out!)).lineCount;
  }
  const ms = performance.now() - start;
  console.log(JSON.stringify({ ms, peakRssBytes: process.resourceUsage().maxRSS * 1024, lines }));
} finally {
  await store.close();
}
