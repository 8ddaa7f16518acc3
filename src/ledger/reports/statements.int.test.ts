import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestStore, DIALECTS, type TestStore } from '../../../test/support/test-db.ts';
import { closeFiscalYear } from '../fiscal-years/closing.ts';
import { ledgerOrganisation, postEntry } from '../test-helpers.ts';
import { tableToCsv } from './export-csv.ts';
import { tableToPdf } from './export-pdf.ts';
import { tableToXlsx } from './export-xlsx.ts';
import { amountFr } from './report-table.ts';
import { balanceSheetTable, incomeStatementTable, trialBalanceTable } from './report-tables.ts';
import { balanceSheet, incomeStatement } from './statements.ts';
import { trialBalance } from './trial-balance.ts';

/** The text of a PDF as pdftotext (poppler) reads it, spaces collapsed so amounts compare plainly. */
function pdfText(pdf: Uint8Array): string {
  const dir = mkdtempSync(join(tmpdir(), 'agora-pdf-'));
  try {
    const file = join(dir, 'report.pdf');
    writeFileSync(file, pdf);
    return execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' }).replace(
      /[ \u00a0\u202f]+/g,
      ' ',
    );
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

async function xlsxRows(buffer: Buffer) {
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(buffer as unknown as ArrayBuffer);
  const rows: unknown[][] = [];
  book.worksheets[0]!.eachRow((row) => rows.push((row.values as unknown[]).slice(1)));
  return rows;
}

describe.each(DIALECTS)('PCG statements and exports on %s', (dialect) => {
  let store: TestStore;
  let orgId: string;
  let yearId: string;
  beforeAll(async () => {
    store = await createTestStore(dialect);
    let years: { id: string }[];
    ({ orgId, years } = await ledgerOrganisation(store.db));
    yearId = years[0]!.id;
    // The worked example of pcg-statements.test.ts, as entries: result 3 000, balance sheet 14 800.
    const entries = [
      [
        'BQ',
        '2026-01-02',
        'Apport en capital',
        [
          ['512', 500000],
          ['101', -500000],
        ],
      ],
      [
        'VE',
        '2026-02-01',
        'Facture FA-1',
        [
          ['411', 1200000],
          ['706', -1000000],
          ['44571', -200000],
        ],
      ],
      [
        'BQ',
        '2026-02-20',
        'Règlement FA-1',
        [
          ['512', 1200000],
          ['411', -1200000],
        ],
      ],
      [
        'AC',
        '2026-03-01',
        'Achat de marchandises',
        [
          ['607', 400000],
          ['44566', 80000],
          ['401', -480000],
        ],
      ],
      [
        'OD',
        '2026-03-31',
        'Salaires de mars',
        [
          ['641', 300000],
          ['421', -300000],
        ],
      ],
      [
        'BQ',
        '2026-03-31',
        'Paie de mars',
        [
          ['421', 300000],
          ['512', -300000],
        ],
      ],
    ] as const;
    for (const [journal, date, label, lines] of entries)
      await postEntry(store.db, orgId, {
        journal,
        date,
        label,
        lines: lines.map(([account, amount]) =>
          amount > 0 ? { account, debit: amount } : { account, credit: -amount },
        ),
      });
  });
  afterAll(async () => {
    await store?.drop();
  });

  it('income statement: sales 10 000, purchases 4 000, salaries 3 000 → result 3 000', async () => {
    const is = await incomeStatement(store.db, orgId, {});
    expect(is.from).toBe('2026-01-01');
    expect(is.income.total).toBe(1000000);
    expect(is.expenses.total).toBe(700000);
    expect(is.result).toBe(300000);
    // A period before the purchase: only the sale.
    expect((await incomeStatement(store.db, orgId, { from: '2026-01-01', to: '2026-02-28' })).result).toBe(
      1000000,
    );
  });

  it('balance sheet: balanced, the result of the open year in the equity', async () => {
    const bs = await balanceSheet(store.db, orgId, { at: '2026-12-31' });
    expect(bs.fiscalYear.status).toBe('open');
    expect(bs.periodResult).toBe(300000);
    expect(bs.assets.total).toBe(1480000);
    expect(bs.liabilities.total).toBe(1480000);
    const equity = bs.liabilities.sections.find((s) => s.key === 'equity');
    expect(equity?.total).toBe(800000);
    const early = await balanceSheet(store.db, orgId, { at: '2026-02-15' });
    expect(early.assets.total).toBe(early.liabilities.total);
    expect(early.periodResult).toBe(1000000);
  });

  it('exports: the XLSX reads back with the same totals, the PDF text shows them, the CSV too', async () => {
    const tb = trialBalanceTable(await trialBalance(store.db, orgId, { auxiliary: false }));
    const rows = await xlsxRows(await tableToXlsx(tb));
    expect(rows[0]?.[0]).toBe('Balance générale');
    const total = rows.find((r) => r[0] === 'Total');
    // Debits and credits of the period: 5 000 + 12 000 + 12 000 + 4 800 + 3 000 + 3 000 = 39 800 €.
    expect(total?.slice(4, 6)).toEqual([39800, 39800]);
    const text = pdfText(await tableToPdf(tb, 'Ateliers du Grand Livre'));
    expect(text).toContain('Balance générale');
    expect(text).toContain('Ateliers du Grand Livre');
    expect(text).toMatch(/Total.*39 800,00.*39 800,00/);
    expect(tableToCsv(tb)).toContain('Total;;0,00;0,00;39800,00;39800,00');

    const is = incomeStatementTable(await incomeStatement(store.db, orgId, {}));
    expect(pdfText(await tableToPdf(is, 'Org'))).toContain(`Résultat : bénéfice ${amountFr(300000)}`);
    const isRows = await xlsxRows(await tableToXlsx(is));
    expect(isRows.find((r) => r[0] === 'Résultat : bénéfice')?.[1]).toBe(3000);

    const bs = balanceSheetTable(await balanceSheet(store.db, orgId, {}));
    const bsText = pdfText(await tableToPdf(bs, 'Org'));
    expect(bsText).toContain(`Total de l’actif ${amountFr(1480000)}`);
    expect(bsText).toContain(`Total du passif ${amountFr(1480000)}`);
    const bsRows = await xlsxRows(await tableToXlsx(bs));
    expect(bsRows.find((r) => r[0] === 'Total du passif')?.[1]).toBe(14800);
  });

  it('a long report runs over several pages, the header repeated', async () => {
    const tb = trialBalanceTable(await trialBalance(store.db, orgId, { auxiliary: false }));
    const long = { ...tb, rows: Array.from({ length: 120 }, () => tb.rows[0]!).concat(tb.rows.at(-1)!) };
    const text = pdfText(await tableToPdf(long, 'Org'));
    expect(text).toContain('page 1 / 4');
    expect(text.match(/Mouvements/g)?.length).toBe(8);
  });

  // Last: closing locks the year. The closed year keeps its classes 6 and 7 (no closing entries, as the
  // FEC wants), the next one opens with the result in 120: both sheets show 3 000 in the equity.
  it('after closing: the result moves to 120 in the next year, the sheets still balance', async () => {
    await store.db.transaction().execute((trx) => closeFiscalYear(trx, orgId, yearId, null));
    const closed = await balanceSheet(store.db, orgId, { at: '2026-12-31' });
    expect(closed.fiscalYear.status).toBe('closed');
    expect(closed.liabilities.total).toBe(1480000);
    const next = await balanceSheet(store.db, orgId, { at: '2027-01-01' });
    expect(next.periodResult).toBe(0);
    const result = next.liabilities.sections.flatMap((s) => s.lines).find((l) => l.key === 'result');
    expect(result).toMatchObject({ amount: 300000, accounts: ['120'] });
    expect(next.assets.total).toBe(1480000);
    expect(next.liabilities.total).toBe(1480000);
  });
});
