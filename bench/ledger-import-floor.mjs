// What SQLite alone costs to store the rows of a FEC import, without the product's JavaScript: the entries
// and lines of an imported database are read into memory, then inserted again, the way the import does
// (batches of 1,000 entries and their lines, one prepared single-row statement per row, one transaction,
// the import's 32 MB page cache), into a copy of an empty migrated database. Decision 0051 and
// docs/performance.md ("Session 9") quote its figures.
//
//   node bench/ledger-import-floor.mjs <imported.sqlite> <empty-migrated.sqlite> [knobs…]
//
// <imported.sqlite>: a database after `bench/fec-process.ts import` (one organisation);
// <empty-migrated.sqlite>: the same database before the import (migrated, the organisation created).
// Knobs: rebuild=<index,…> drop these indexes inside the transaction and create them again before the
// commit; drop=<index,…> drop them for good; nofk (foreign keys off); cache=<KB>; threads=<n> (SQLite's
// sorter threads); nolines / noentries (insert one table only).
import { copyFileSync, rmSync } from 'node:fs';
import Database from 'better-sqlite3';

const [imported, empty, ...knobs] = process.argv.slice(2);
if (!imported || !empty)
  throw new Error('usage: ledger-import-floor.mjs <imported.sqlite> <empty-migrated.sqlite> [knobs…]');
const knob = (name) =>
  knobs.find((k) => k === name || k.startsWith(`${name}=`))?.split('=')[1] ?? knobs.includes(name);
const list = (name) => (typeof knob(name) === 'string' ? knob(name).split(',') : []);

const source = new Database(imported, { readonly: true });
const read = (table) => ({
  columns: source
    .prepare(`select * from ${table} limit 1`)
    .columns()
    .map((c) => c.name),
  rows: source.prepare(`select * from ${table} order by rowid`).raw().all(),
});
const entries = read('ledger_entry');
const lines = read('ledger_line');
source.close();

const target = `${empty}.floor`;
for (const suffix of ['', '-wal', '-shm']) rmSync(`${target}${suffix}`, { force: true });
copyFileSync(empty, target);
const db = new Database(target);
db.pragma('journal_mode = WAL');
db.pragma('synchronous = FULL');
db.pragma(`foreign_keys = ${knob('nofk') ? 'OFF' : 'ON'}`);
if (knob('threads')) db.pragma(`threads = ${knob('threads')}`);
for (const index of list('drop')) db.exec(`drop index ${index}`);
// The parents the lines refer to, as the import had created them.
db.exec(`attach '${imported}' as s;
  insert into ledger_journal select * from s.ledger_journal;
  insert into ledger_fiscal_year select * from s.ledger_fiscal_year;
  insert into ledger_account select * from s.ledger_account order by rowid;
  detach s;`);
db.pragma(`cache_size = -${knob('cache') || 32768}`);
const ddl = (index) => db.prepare('select sql from sqlite_schema where name = ?').pluck().get(index);
const rebuilt = list('rebuild').map((index) => [index, ddl(index)]);

const insert = (table, { columns }, rows) => {
  const statement = db.prepare(
    `insert into ${table} (${columns.join(', ')}) values (${columns.map(() => '?').join(', ')})`,
  );
  for (const row of rows) statement.run(...row);
};

const start = performance.now();
db.exec('begin');
for (const [index] of rebuilt) db.exec(`drop index ${index}`);
let next = 0;
for (let e = 0; e < entries.rows.length; e += 1000) {
  const batch = entries.rows.slice(e, e + 1000);
  // Entry ids rise (UUIDv7) and lines follow their entry: the batch's lines are those up to its last id.
  const last = batch.at(-1)[1];
  const batchLines = [];
  while (next < lines.rows.length && lines.rows[next][2] <= last) batchLines.push(lines.rows[next++]);
  if (!knob('noentries')) insert('ledger_entry', entries, batch);
  if (!knob('nolines')) insert('ledger_line', lines, batchLines);
}
const inserted = performance.now();
for (const [, sql] of rebuilt) db.exec(sql);
const built = performance.now();
db.exec('commit');
const committed = performance.now();
db.close();
rmSync(target, { force: true });
const s = (ms) => (ms / 1000).toFixed(1);
console.log(
  `${knobs.join(' ') || 'as the product'}: inserts ${s(inserted - start)} s, index builds ${s(built - inserted)} s, ` +
    `commit ${s(committed - built)} s, total ${s(committed - start)} s`,
);
