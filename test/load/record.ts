// Where the load test's figures go: printed, written to a file in the temp dir on every run, and into
// docs/performance.md (between the markers of the database) when AGORA_LOAD_BUDGET=1, the quiet-machine
// run that also enforces the budget.
import { readFileSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Figures } from './scenarios.ts';

const DOC = join(import.meta.dirname, '../../docs/performance.md');

export function machineLoad(): string {
  return loadavg()
    .map((l) => l.toFixed(2))
    .join(' / ');
}

export function figuresTable(
  dialect: string,
  rows: Figures[],
  context: { seconds: number; loadBefore: string; loadAfter: string },
): string {
  return [
    `${dialect === 'sqlite' ? 'SQLite' : 'PostgreSQL'} — run ${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC, ` +
      `${cpus().length} cores, ${context.seconds} s per load after a 2 s warm-up, Node ${process.version}; ` +
      `load average (1/5/15 min) ${context.loadBefore} before, ${context.loadAfter} after.`,
    '',
    '| load | connections | p50 ms | p99 ms | max ms | req/s | requests | errors + non-2xx |',
    '| --- | --- | --- | --- | --- | --- | --- | --- |',
    ...rows.map(
      (f) =>
        `| ${f.scenario} | ${f.connections} | ${f.p50} | ${f.p99} | ${f.max} | ${f.rps} | ${f.requests} | ${f.failures} |`,
    ),
  ].join('\n');
}

export function recordFigures(dialect: string, table: string, intoDocs: boolean): string {
  const file = join(tmpdir(), `agora-load-${dialect}.md`);
  writeFileSync(file, `${table}\n`);
  if (intoDocs) {
    const start = `<!-- load:${dialect} -->`;
    const end = `<!-- /load:${dialect} -->`;
    const doc = readFileSync(DOC, 'utf8');
    const from = doc.indexOf(start);
    const to = doc.indexOf(end);
    if (from < 0 || to < from) throw new Error(`docs/performance.md: markers ${start} … ${end} missing`);
    writeFileSync(DOC, `${doc.slice(0, from + start.length)}\n${table}\n${doc.slice(to)}`);
  }
  return file;
}
