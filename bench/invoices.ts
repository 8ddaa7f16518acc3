// npm run bench -- invoices   (BENCH_INVOICES=2000, BENCH_PDFS=300; BENCH_DATABASE_URL=postgres://… for PostgreSQL)
//
// Two figures of issue 4, each against a peer measured in the same run:
// - invoice validations per second (checks, gap-free number, frozen totals, sales entry posted through
//   the ledger, audit), one transaction each, against raw better-sqlite3 transactions writing the same
//   number of rows with prepared statements (the physical limit of the database file);
// - Factur-X PDFs per second (page drawn with embedded fonts, CII XML, PDF/A-3 parts), against pdf-lib
//   saving an empty page.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { PDFDocument } from 'pdf-lib';
import { type Db, migrateToLatest, openStore } from '../src/kernel/db/index.ts';
import { facturXPdf } from '../src/relations/index.ts';
import { issuedInvoiceOf, loadInvoice } from '../src/relations/invoices/invoice-read.ts';
import {
  catalogueItem,
  draftInvoice,
  salesCustomer,
  salesOrganisation,
  validate,
} from '../src/relations/test-helpers.ts';

const INVOICES = Number(process.env.BENCH_INVOICES ?? 2000);
/** Organisations validating at the same time in the second measure (one counter each, so no contention). */
const PARALLEL = Number(process.env.BENCH_PARALLEL ?? 4);
const PDFS = Number(process.env.BENCH_PDFS ?? 300);
const dir = mkdtempSync(join(tmpdir(), 'agora-bench-invoices-'));
const store = openStore(process.env.BENCH_DATABASE_URL ?? join(dir, 'invoices.sqlite'));

const TABLES = [
  'relations_invoice',
  'ledger_entry',
  'ledger_line',
  'ledger_balance',
  'ledger_account',
  'audit_event',
  'numbering_counter',
] as const;

async function rowCount(db: Db, orgId: string): Promise<number> {
  let total = 0;
  for (const table of TABLES) {
    const row = await db
      .selectFrom(table)
      .select((eb) => eb.cast<number>(eb.fn.countAll(), 'bigint').as('n'))
      .where('org_id', '=', orgId)
      .executeTakeFirstOrThrow();
    total += Number(row.n);
  }
  return total;
}

/** The same number of rows per invoice, written by hand: one transaction, prepared statements. */
function rawSqlitePeer(invoices: number, rowsPerInvoice: number): number {
  const file = join(dir, 'peer.sqlite');
  const db = new Database(file);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = FULL');
  db.exec(`create table counter (org_id text, sequence text, next_value integer, primary key (org_id, sequence));
    create table row (org_id text not null, id text not null, invoice integer, position integer, account text,
      debit integer, credit integer, label text, created_at text, primary key (org_id, id));
    create table invoice (org_id text not null, id text not null, status text, number text, total integer,
      primary key (org_id, id));`);
  const insertInvoice = db.prepare('insert into invoice values (?, ?, ?, ?, ?)');
  for (let i = 0; i < invoices; i++) insertInvoice.run('org', `inv-${i}`, 'draft', null, 0);
  db.prepare("insert into counter values ('org', 'FA-2026', 1)").run();
  const take = db.prepare(
    "update counter set next_value = next_value + 1 where org_id = 'org' returning next_value",
  );
  const insertRow = db.prepare('insert into row values (?, ?, ?, ?, ?, ?, ?, ?, ?)');
  const validateRow = db.prepare(
    "update invoice set status = 'validated', number = ?, total = ? where org_id = 'org' and id = ?",
  );
  const one = db.transaction((i: number) => {
    const { next_value } = take.get() as { next_value: number };
    for (let r = 0; r < rowsPerInvoice; r++)
      insertRow.run(
        'org',
        `${i}-${r}`,
        i,
        r,
        '706',
        1000,
        0,
        `Facture ${next_value}`,
        new Date().toISOString(),
      );
    validateRow.run(`FA-2026-${next_value}`, 1000, `inv-${i}`);
  });
  const start = performance.now();
  for (let i = 0; i < invoices; i++) one.immediate(i);
  const seconds = (performance.now() - start) / 1000;
  db.close();
  return invoices / seconds;
}

async function emptyPagePeer(count: number): Promise<number> {
  const start = performance.now();
  for (let i = 0; i < count; i++) {
    const doc = await PDFDocument.create();
    doc.addPage([595.28, 841.89]);
    await doc.save();
  }
  return count / ((performance.now() - start) / 1000);
}

try {
  await migrateToLatest(store);
  const lines = (itemId: string) => [
    { itemId, quantity: '7.5', discountPercent: '10' },
    { label: 'Livre', kind: 'goods', quantity: '3', unitPrice: '18.90', vatRate: '5.5' },
    { label: 'Repas', quantity: '12', unitPrice: '18.5', vatRate: '10' },
  ];
  /** An organisation with `count` drafts; the first one validated as a warm-up (first auxiliary account). */
  async function prepare(count: number) {
    const org = await salesOrganisation(store.db);
    const customer = await salesCustomer(store.db, org.id);
    const item = await catalogueItem(store.db, org.id, { unitPrice: '65', vatRate: '20' });
    const drafts: string[] = [];
    for (let i = 0; i <= count; i++)
      drafts.push(
        (
          await draftInvoice(store.db, org.id, customer.id, {
            issueDate: '2026-06-01',
            documentDiscountPercent: '5',
            lines: lines(item.id),
          })
        ).id,
      );
    await validate(store.db, org.id, drafts.shift()!);
    return { orgId: org.id, drafts };
  }

  const { orgId, drafts } = await prepare(INVOICES);
  const rowsBefore = await rowCount(store.db, orgId);
  const start = performance.now();
  for (const id of drafts) await validate(store.db, orgId, id);
  const validations = drafts.length / ((performance.now() - start) / 1000);
  const rowsPerInvoice = Math.round((await rowCount(store.db, orgId)) - rowsBefore) / drafts.length;
  const peerValidations =
    store.dialect === 'sqlite' ? rawSqlitePeer(drafts.length, Math.round(rowsPerInvoice)) : null;

  const orgs = [];
  for (let i = 0; i < PARALLEL; i++) orgs.push(await prepare(Math.ceil(INVOICES / PARALLEL)));
  const parallelStart = performance.now();
  await Promise.all(
    orgs.map(async (o) => {
      for (const id of o.drafts) await validate(store.db, o.orgId, id);
    }),
  );
  const parallel =
    orgs.reduce((n, o) => n + o.drafts.length, 0) / ((performance.now() - parallelStart) / 1000);

  const issued = issuedInvoiceOf(await loadInvoice(store.db, orgId, drafts[0]!), null);
  for (let i = 0; i < 10; i++) await facturXPdf(issued);
  const pdfStart = performance.now();
  let bytes = 0;
  for (let i = 0; i < PDFS; i++) bytes += (await facturXPdf(issued)).pdf.byteLength;
  const pdfs = PDFS / ((performance.now() - pdfStart) / 1000);
  const peerPdfs = await emptyPagePeer(PDFS);

  const rate = (n: number | null) => (n === null ? 'n/a' : Math.round(n).toString());
  console.log(
    `${drafts.length} validations (3 lines, 3 VAT rates, document discount), ${store.dialect}; ${PDFS} PDFs of ${Math.round(bytes / PDFS / 1024)} KB\n`,
  );
  console.log('| step | Agora per s | peer | peer per s | Agora ÷ peer | budget |');
  console.log('| --- | --- | --- | --- | --- | --- |');
  console.log(
    `| invoice validation (number + ledger posting + audit) | ${rate(validations)} | raw SQLite transactions writing the same ${Math.round(rowsPerInvoice)} rows | ${rate(peerValidations)} | ${peerValidations ? `${(validations / peerValidations).toFixed(2)}×` : '–'} | ≥ 300/s ${validations >= 300 ? 'met' : 'NOT met'} |`,
  );
  console.log(`| invoice validation, ${PARALLEL} organisations at once | ${rate(parallel)} | | | | |`);
  console.log(
    `| Factur-X PDF (page, CII XML, PDF/A-3) | ${rate(pdfs)} | pdf-lib saving an empty page | ${rate(peerPdfs)} | ${(pdfs / peerPdfs).toFixed(2)}× | ≥ 30/s ${pdfs >= 30 ? 'met' : 'NOT met'} |`,
  );
} finally {
  await store.close();
  rmSync(dir, { recursive: true, force: true });
}
