import { type ChildProcess, execFile, spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openStore } from '../../src/kernel/db/index.ts';
import { createTestStore, DIALECTS, type TestStore } from '../support/test-db.ts';

const run = promisify(execFile);
const BIN = join(import.meta.dirname, '../../bin/agora.js');

describe.each(DIALECTS)('the agora command on %s', (dialect) => {
  let store: TestStore;
  let dataDir: string;
  let env: NodeJS.ProcessEnv;
  beforeAll(async () => {
    store = await createTestStore(dialect);
    dataDir = mkdtempSync(join(tmpdir(), 'agora-cli-'));
    env = { ...process.env, AGORA_DATA_DIR: dataDir, DATABASE_URL: store.url };
  });
  afterAll(async () => {
    await store?.drop();
    rmSync(dataDir, { recursive: true, force: true });
  });

  const agora = async (...args: string[]) => {
    try {
      const { stdout, stderr } = await run('node', [BIN, ...args], { env });
      return { code: 0, stdout, stderr };
    } catch (error) {
      const e = error as { code: number; stdout: string; stderr: string };
      return { code: e.code, stdout: e.stdout, stderr: e.stderr };
    }
  };

  it('creates a user and an organisation, copies it, verifies the audit chain, and reports tampering', {
    timeout: 90_000,
  }, async () => {
    expect((await agora('migrate')).stdout).toContain('Base déjà à jour');
    const user = await agora(
      'create-user',
      '--email',
      'gestion@agora.test',
      '--name',
      'Gestion',
      '--password',
      'Tres-Bon-Secret-1',
    );
    expect(user.code).toBe(0);
    const badOrg = await agora('create-org', '--name', 'Mauvaise', '--siren', '123456789');
    expect(badOrg.code).toBe(1);
    expect(badOrg.stderr).toContain('Le numéro SIREN doit comporter 9 chiffres');
    const org = await agora(
      'create-org',
      '--name',
      'Épicerie Solidaire',
      '--kind',
      'association',
      '--vat-regime',
      'not_liable',
      '--owner',
      'gestion@agora.test',
    );
    expect(org.code).toBe(0);
    const orgId = org.stdout.trim();
    const copy = await agora('copy-org', orgId, '--name', 'Copie', '--owner', 'gestion@agora.test');
    expect(copy.code).toBe(0);
    expect(copy.stderr).toMatch(/\d+ lignes copiées/);
    const copyId = copy.stdout.trim();
    const names = await store.db
      .selectFrom('organisation')
      .select(['org_id', 'name', 'copied_from'])
      .where('org_id', 'in', [orgId, copyId])
      .orderBy('name')
      .execute();
    expect(names).toEqual([
      { org_id: copyId, name: 'Copie', copied_from: orgId },
      { org_id: orgId, name: 'Épicerie Solidaire', copied_from: null },
    ]);
    const verified = await agora('verify-audit');
    expect(verified.code).toBe(0);
    expect(verified.stdout).toContain(`OK  ${orgId}`);
    await store.db
      .updateTable('audit_event')
      .set({ action: 'effacé' })
      .where('org_id', '=', orgId)
      .where('seq', '=', 1)
      .execute();
    const broken = await agora('verify-audit', '--org', orgId);
    expect(broken.code).toBe(1);
    expect(broken.stdout).toContain('Évènement 1 : contenu modifié');
    const duplicate = await agora(
      'create-user',
      '--email',
      'GESTION@agora.test',
      '--name',
      'Bis',
      '--password',
      'Tres-Bon-Secret-1',
    );
    expect(duplicate.code).toBe(1);
    expect(duplicate.stderr).toContain('Un utilisateur existe déjà');
  });

  it('backs up a SQLite database online, or says how for PostgreSQL', async () => {
    const target = join(dataDir, 'sauvegarde.sqlite');
    const result = await agora('backup', target);
    if (dialect === 'postgres') {
      expect(result.code).toBe(2);
      expect(result.stderr).toContain('pg_dump');
      return;
    }
    expect(result.code).toBe(0);
    expect(existsSync(target)).toBe(true);
    const copy = openStore(target);
    const [original, restored] = await Promise.all([
      store.db
        .selectFrom('audit_event')
        .select(['org_id', 'seq', 'hash'])
        .orderBy('org_id')
        .orderBy('seq')
        .execute(),
      copy.db
        .selectFrom('audit_event')
        .select(['org_id', 'seq', 'hash'])
        .orderBy('org_id')
        .orderBy('seq')
        .execute(),
    ]);
    await copy.close();
    expect(restored).toEqual(original);
  });
});

describe('npm start and agora serve', () => {
  const servers: ChildProcess[] = [];
  afterAll(() => {
    for (const s of servers) s.kill('SIGTERM');
  });

  async function boot(command: 'start' | 'serve', dataDir: string, port: number): Promise<string> {
    const child = spawn('node', [BIN, command], {
      env: { ...process.env, AGORA_DATA_DIR: dataDir, PORT: String(port), DATABASE_URL: '' },
    });
    servers.push(child);
    let output = '';
    child.stdout.on('data', (d) => {
      output += d;
    });
    child.stderr.on('data', (d) => {
      output += d;
    });
    const deadline = Date.now() + 20_000;
    while (!output.includes('Agora est prêt') && Date.now() < deadline)
      await new Promise((r) => setTimeout(r, 100));
    return output;
  }

  it('start creates the SQLite file, the demo organisation and prints the URL and the login', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'agora-start-'));
    const port = 39000 + Math.floor(Math.random() * 500);
    const output = await boot('start', dataDir, port);
    expect(output).toContain(`http://localhost:${port}`);
    expect(output).toContain('demo@agora.test / demo');
    expect(existsSync(join(dataDir, 'agora.sqlite'))).toBe(true);
    const login = await fetch(`http://localhost:${port}/api/v1/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: 'demo@agora.test', password: 'demo' }),
    });
    expect(login.status).toBe(200);
    const me = (await login.json()) as { organisations: { name: string }[] };
    expect(me.organisations.map((o) => o.name)).toEqual(['Les Ateliers du Val']);
  });

  it('serve starts without demo data', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'agora-serve-'));
    const port = 39500 + Math.floor(Math.random() * 400);
    const output = await boot('serve', dataDir, port);
    expect(output).not.toContain('demo@agora.test');
    const health = await fetch(`http://localhost:${port}/api/health`);
    expect(await health.json()).toEqual({ status: 'ok', database: 'sqlite' });
    const login = await fetch(`http://localhost:${port}/api/v1/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: 'demo@agora.test', password: 'demo' }),
    });
    expect(login.status).toBe(401);
  });
});
