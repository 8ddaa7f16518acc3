import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestStore, DIALECTS, type TestStore } from '../../../test/support/test-db.ts';
import { trialBalance } from '../reports/trial-balance.ts';
import { ledgerOrganisation, ledgerParty, postEntry, textbookSale } from '../test-helpers.ts';
import { decodeLatin9 } from './latin9.ts';

const exec = promisify(execFile);
const BIN = join(import.meta.dirname, '../../../bin/agora.js');

describe.each(DIALECTS)('agora export-fec / import-fec on %s', (dialect) => {
  let store: TestStore;
  let dir: string;
  let env: NodeJS.ProcessEnv;
  beforeAll(async () => {
    store = await createTestStore(dialect);
    dir = mkdtempSync(join(tmpdir(), 'agora-fec-'));
    env = { ...process.env, AGORA_DATA_DIR: dir, DATABASE_URL: store.url };
  });
  afterAll(async () => {
    await store?.drop();
    rmSync(dir, { recursive: true, force: true });
  });

  const agora = async (...args: string[]) => {
    try {
      const { stdout, stderr } = await exec('node', [BIN, ...args], { env, cwd: dir });
      return { code: 0, stdout, stderr };
    } catch (error) {
      const e = error as { code: number; stdout: string; stderr: string };
      return { code: e.code, stdout: e.stdout, stderr: e.stderr };
    }
  };

  it('exports the FEC under its legal name, imports it elsewhere, reports rejected lines', async () => {
    const { orgId } = await ledgerOrganisation(store.db);
    const customer = await ledgerParty(store.db, orgId, 'Client Durand');
    await postEntry(store.db, orgId, textbookSale('2026-03-01', customer.id));
    const exported = await agora('export-fec', '--org', orgId, '--fiscal-year', '2026');
    expect(exported.code).toBe(0);
    expect(exported.stdout.trim()).toBe('552100554FEC20261231.txt');
    expect(exported.stderr).toMatch(/Export FEC : 100 %/);
    const text = decodeLatin9(readFileSync(join(dir, '552100554FEC20261231.txt')));
    expect(text.split('\r\n').filter(Boolean)).toHaveLength(4);

    const { orgId: targetId } = await ledgerOrganisation(store.db, { years: [] });
    const broken = join(dir, 'avec-rejet.txt');
    writeFileSync(
      broken,
      `${text}VE\tVentes\t99\t20261301\t706\tx\t\t\tP\t20260101\tx\t1,00\t\t\t\t20260101\t\t\r\n`,
    );
    const imported = await agora('import-fec', '--org', targetId, broken);
    expect(imported.code).toBe(2);
    expect(imported.stderr).toMatch(/Rejet ligne 5 : EcritureDate invalide/);
    expect(imported.stdout).toMatch(/^1 écritures \(3 lignes\) importées/);
    const range = { from: '2026-01-01', to: '2026-12-31', auxiliary: true };
    expect((await trialBalance(store.db, targetId, range)).rows).toEqual(
      (await trialBalance(store.db, orgId, range)).rows,
    );
    const refused = await agora('export-fec', '--org', orgId, '--fiscal-year', '2030');
    expect(refused.code).toBe(1);
    expect(refused.stderr).toMatch(/Exercice 2030 introuvable/);
  });

  it('refuses a broken year with its problems and leaves no file, not even a partial one', async () => {
    const { orgId } = await ledgerOrganisation(store.db);
    await postEntry(store.db, orgId, textbookSale('2026-03-01'));
    const emptied = await postEntry(store.db, orgId, textbookSale('2026-03-02'));
    await store.db
      .deleteFrom('ledger_line')
      .where('org_id', '=', orgId)
      .where('entry_id', '=', emptied.id)
      .execute();
    const out = join(dir, 'abime.txt');
    const refused = await agora('export-fec', '--org', orgId, '--fiscal-year', '2026', '--out', out);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toMatch(/écriture 2 : Écriture validée sans ligne/);
    expect(existsSync(out)).toBe(false);
    expect(existsSync(`${out}.part`)).toBe(false);
  });
});
