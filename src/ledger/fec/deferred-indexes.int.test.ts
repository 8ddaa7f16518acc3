import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestStore, DIALECTS, type TestStore } from '../../../test/support/test-db.ts';
import { type Db, isSqlite } from '../../kernel/db/index.ts';
import { generalLedger } from '../reports/general-ledger.ts';
import { ledgerOrganisation } from '../test-helpers.ts';
import { deferOutOfOrderIndexes } from './deferred-indexes.ts';
import { FEC_COLUMNS } from './fec-format.ts';
import { importFecFile } from './fec-io.ts';

const DEFERRED = ['ledger_line_account_idx', 'ledger_line_auxiliary_idx'];

/** The SQL of ledger_line's indexes as the schema holds them (SQLite), or their definitions (PostgreSQL). */
async function lineIndexes(db: Db): Promise<Record<string, string>> {
  const query = isSqlite(db)
    ? sql<{ name: string; definition: string }>`
          select name, sql as definition from sqlite_schema where type = 'index' and tbl_name = 'ledger_line'`
    : sql<{ name: string; definition: string }>`
          select indexname as name, indexdef as definition from pg_indexes where tablename = 'ledger_line'`;
  const { rows } = await query.execute(db);
  return Object.fromEntries(rows.map((r) => [r.name, r.definition]));
}

/**
 * A FEC of `entries` two-line entries through the year: sales on 411 with a customer account each, and
 * bank fees on 627 of (n % 500 + 1) cents, summed here so the 627 total is known without the product.
 */
function fec(entries: number): { text: string; fees: number } {
  const rows = [FEC_COLUMNS.join('\t')];
  let fees = 0;
  for (let n = 1; n <= entries; n++) {
    const day = `2026${String((n % 12) + 1).padStart(2, '0')}${String((n % 28) + 1).padStart(2, '0')}`;
    const cents = (n % 500) + 1;
    const amount = `${Math.floor(cents / 100)},${String(cents % 100).padStart(2, '0')}`;
    const line = (account: string, label: string, aux: string, debit: string, credit: string) =>
      [
        n % 2 ? 'VE' : 'BQ',
        n % 2 ? 'Ventes' : 'Banque',
        String(n),
        day,
        account,
        label,
        aux,
        aux ? `Client ${aux}` : '',
        `P${n}`,
        day,
        `Pièce ${n}`,
        debit,
        credit,
        '',
        '',
        day,
        '',
        '',
      ].join('\t');
    if (n % 2) {
      rows.push(line('411', 'Clients', `C${n % 97}`, amount, '0,00'));
      rows.push(line('706', 'Prestations de services', '', '0,00', amount));
    } else {
      fees += cents;
      rows.push(line('627', 'Services bancaires', '', amount, '0,00'));
      rows.push(line('512', 'Banque', '', '0,00', amount));
    }
  }
  return { text: `${rows.join('\r\n')}\r\n`, fees };
}

describe.each(DIALECTS)('FEC import: indexes built after the lines on %s', (dialect) => {
  let store: TestStore;
  beforeAll(async () => {
    store = await createTestStore(dialect);
  });
  afterAll(async () => {
    await store?.drop();
  });

  it('imports a large file with the same indexes afterwards and reports read through them', async () => {
    const before = await lineIndexes(store.db);
    const { orgId } = await ledgerOrganisation(store.db);
    const { text, fees } = fec(12_000);
    // Large enough for the indexes to be deferred on SQLite (at least 10,000 lines of 120 bytes).
    expect(Buffer.byteLength(text)).toBeGreaterThan(10_000 * 120);
    const dir = mkdtempSync(join(tmpdir(), 'agora-fec-'));
    const file = join(dir, 'large.txt');
    writeFileSync(file, text);
    const report = await importFecFile(store.db, orgId, file, null).finally(() =>
      rmSync(dir, { recursive: true, force: true }),
    );
    expect(report).toMatchObject({ entries: 12_000, lines: 24_000, rejected: [] });
    expect(await lineIndexes(store.db)).toEqual(before);
    for (const name of DEFERRED) expect(before[name]).toBeDefined();
    const ledger = await generalLedger(store.db, orgId, { account: '627' });
    expect(ledger.accounts[0]!.lines).toHaveLength(6_000);
    expect(ledger.accounts[0]!.totalDebit).toBe(fees);
    if (dialect === 'sqlite') {
      // The general ledger of one account reads the account index, not the whole table.
      const { rows } = await sql<{ detail: string }>`explain query plan
        select id from ledger_line where org_id = ${orgId} and fiscal_year_id = 'x' and account_id = 'y'`.execute(
        store.db,
      );
      expect(rows.map((r) => r.detail).join(' ')).toContain('ledger_line_account_idx');
    }
  });

  it.runIf(dialect === 'sqlite')(
    'drops the out-of-order indexes only for a large file next to the table, and a rollback keeps them',
    async () => {
      const names = async () => Object.keys(await lineIndexes(store.db));
      // The table now holds 24,000 lines (the import above): a 10,000-line file (1.2 MB) is too small next to it.
      await store.db.transaction().execute(async (trx) => {
        await deferOutOfOrderIndexes(trx, 10_000 * 120);
        expect(Object.keys(await lineIndexes(trx))).toEqual(expect.arrayContaining(DEFERRED));
      });
      // A 13,000-line file is large enough (24,000 ≤ 2 × 13,000): dropped inside the transaction…
      const failed = store.db.transaction().execute(async (trx) => {
        await deferOutOfOrderIndexes(trx, 13_000 * 120);
        const inside = Object.keys(await lineIndexes(trx));
        for (const name of DEFERRED) expect(inside).not.toContain(name);
        throw new Error('import interrompu');
      });
      await expect(failed).rejects.toThrow('import interrompu');
      // …and back with the rollback of a failed import.
      expect(await names()).toEqual(expect.arrayContaining(DEFERRED));
    },
  );

  it.runIf(dialect === 'postgres')('leaves PostgreSQL’s indexes in place during an import', async () => {
    await store.db.transaction().execute(async (trx) => {
      await deferOutOfOrderIndexes(trx, 1e9);
      expect(Object.keys(await lineIndexes(trx))).toEqual(expect.arrayContaining(DEFERRED));
    });
  });
});
