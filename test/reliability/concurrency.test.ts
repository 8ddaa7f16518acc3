import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyAuditChain } from '../../src/kernel/audit/audit.ts';
import { todayIn } from '../../src/kernel/dates/index.ts';
import { ensureLedger } from '../../src/ledger/index.ts';
import { buildOrganisation, buildUser, TEST_PASSWORD } from '../support/factories.ts';
import { createTestStore, DIALECTS, type TestStore } from '../support/test-db.ts';

const BIN = join(import.meta.dirname, '../../bin/agora.js');
const ENTRIES = 120;

function startServer(env: NodeJS.ProcessEnv): Promise<ChildProcess> {
  return new Promise((resolve, reject) => {
    const child = spawn('node', [BIN, 'serve'], { env: { ...process.env, ...env } });
    let out = '';
    const onData = (d: Buffer) => {
      out += d;
      if (out.includes('Agora est prêt')) resolve(child);
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    child.on('exit', (code) => reject(new Error(`server exited ${code}: ${out}`)));
  });
}

// Two server processes on one database validate entries at the same time, through one session (sessions
// live in the database): numbers stay contiguous, none is duplicated, no write is lost.
describe.each(DIALECTS)('two processes validating at once on %s', (dialect) => {
  let store: TestStore;
  const servers: ChildProcess[] = [];
  const ports = [38300 + Math.floor(Math.random() * 300), 38700 + Math.floor(Math.random() * 300)];
  beforeAll(async () => {
    store = await createTestStore(dialect);
    const dataDir = mkdtempSync(join(tmpdir(), 'agora-concurrency-'));
    for (const port of ports)
      servers.push(
        await startServer({ AGORA_DATA_DIR: dataDir, DATABASE_URL: store.url, PORT: String(port) }),
      );
  }, 60_000);
  afterAll(async () => {
    for (const s of servers) s.kill('SIGTERM');
    await Promise.all(
      servers.map((s) => new Promise((r) => (s.exitCode !== null ? r(null) : s.once('exit', r)))),
    );
    await store?.drop();
  });

  it(`numbers ${ENTRIES} entries validated concurrently without gap or duplicate`, {
    timeout: 120_000,
  }, async () => {
    const user = await buildUser(store.db);
    const orgId = (await buildOrganisation(store.db, user.id)).id;
    await store.db.transaction().execute((trx) => ensureLedger(trx, orgId));
    const login = await fetch(`http://localhost:${ports[0]}/api/v1/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: user.email, password: TEST_PASSWORD }),
    });
    const cookie = login.headers.get('set-cookie')!.split(';')[0]!;
    const { csrfToken } = (await login.json()) as { csrfToken: string };
    const headers = { cookie, 'x-csrf-token': csrfToken, 'content-type': 'application/json' };
    const date = todayIn('Europe/Paris');

    const one = async (i: number) => {
      const base = `http://localhost:${ports[i % 2]}/api/v1/orgs/${orgId}/ledger/entries`;
      const draft = await fetch(base, {
        method: 'POST',
        headers,
        body: JSON.stringify({
          journal: 'VE',
          date,
          label: `Vente ${i}`,
          lines: [
            { account: '411', debit: 1000 + i, credit: 0 },
            { account: '706', debit: 0, credit: 1000 + i },
          ],
        }),
      });
      if (draft.status !== 201) return `draft ${i}: ${draft.status} ${await draft.text()}`;
      const { id } = (await draft.json()) as { id: string };
      // Validate on the other process than the one that made the draft.
      const validated = await fetch(
        `http://localhost:${ports[(i + 1) % 2]}/api/v1/orgs/${orgId}/ledger/entries/${id}/validate`,
        { method: 'POST', headers: { cookie, 'x-csrf-token': csrfToken } },
      );
      return validated.status === 200 ? null : `validate ${i}: ${validated.status} ${await validated.text()}`;
    };
    const failures = (await Promise.all(Array.from({ length: ENTRIES }, (_, i) => one(i)))).filter(Boolean);
    expect(failures).toEqual([]);

    const entries = await store.db
      .selectFrom('ledger_entry')
      .select(['number', 'label'])
      .where('org_id', '=', orgId)
      .where('status', '=', 'validated')
      .orderBy('number')
      .execute();
    expect(entries.map((e) => Number(e.number))).toEqual(Array.from({ length: ENTRIES }, (_, i) => i + 1));
    expect(new Set(entries.map((e) => e.label)).size).toBe(ENTRIES);
    expect(await verifyAuditChain(store.db, orgId)).toMatchObject({ ok: true });
    console.log(
      `concurrency ${dialect}: ${ENTRIES} entries, drafts and validations split over 2 processes, numbers 1..${ENTRIES}`,
    );
  });
});
