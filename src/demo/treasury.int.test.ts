import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BANK_SAMPLES, BANK_SAMPLES_PRESENT } from '../../test/support/bank/samples.ts';
import { createTestStore, type TestStore } from '../../test/support/test-db.ts';
import { getStatement, getWorkspace, listStatements, reconciliationAt } from '../production/index.ts';
import { ensureDemo } from './seed.ts';
import { demoCamt } from './treasury.ts';

// The demo's bank statement of last month: imported, adding up, partly matched, made once.
describe('the demo organisation’s bank statement', () => {
  let store: TestStore;
  let orgId: string;
  beforeAll(async () => {
    store = await createTestStore('sqlite');
    orgId = (await ensureDemo(store)).orgId;
  }, 120_000);
  afterAll(async () => {
    await store?.drop();
  });

  it('is last month’s, adds up, and leaves the fee to post and the last payment in suspense', async () => {
    const { statements } = await listStatements(store.db, orgId);
    expect(statements).toHaveLength(1);
    const s = statements[0]!;
    expect(s.balanceGap).toBe(0);
    expect(s.matchedCount).toBe(s.lineCount - 1);
    const lines = (await getStatement(store.db, orgId, s.id)).lines;
    const open = lines.filter((l) => l.matches.length === 0);
    expect(open.map((l) => [l.label, l.amount, l.transactionCode, l.suggestion.account])).toEqual([
      ['FRAIS TENUE DE COMPTE', -1250, 'ACMT/MDOP/CHRG', '627'],
    ]);
    const etat = await reconciliationAt(store.db, orgId, { date: s.toDate }, s.toDate);
    expect(etat.unexplained).toBe(0);
    expect(etat.openingGap).toBe(0);
    expect(etat.bankOnly.map((i) => i.amount)).toEqual([-1250]);
    expect((await getWorkspace(store.db, orgId)).bankLines[0]!.label).toBe('FRAIS TENUE DE COMPTE');
    // A second start adds nothing.
    await ensureDemo(store);
    expect((await listStatements(store.db, orgId)).statements).toHaveLength(1);
  });

  it.runIf(BANK_SAMPLES_PRESENT)('writes a file the ISO camt.053.001.02 schema accepts', () => {
    const dir = mkdtempSync(join(tmpdir(), 'agora-camt-'));
    const file = join(dir, 'demo.xml');
    writeFileSync(
      file,
      demoCamt('FR7630006000011234567890189', '2026-10', 100000, [
        { date: '2026-10-05', amount: -4560, label: 'PAPETERIE & CO <BUREAU>', ref: '20261001-0001' },
        {
          date: '2026-10-31',
          amount: -1250,
          label: 'FRAIS TENUE DE COMPTE',
          ref: '20261001-FRAIS',
          fee: true,
        },
      ]),
    );
    const xsd = join(BANK_SAMPLES, 'camt053/xsd/camt.053.001.02.xsd');
    expect(
      execFileSync('xmllint', ['--noout', '--schema', xsd, file], { encoding: 'utf8', stdio: 'pipe' }),
    ).toBe('');
  });
});
