import { mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fecFile } from '../../../test/support/fec-file.ts';
import { type Client, loginAs, startTestServer, type TestServer } from '../../../test/support/http.ts';
import { DIALECTS } from '../../../test/support/test-db.ts';
import { createUser, setMembership } from '../../kernel/users/users.ts';
import { IMPORT_RUNNING } from './import-jobs.ts';

const PASSWORD = 'Import-FEC-2026!';
const today = new Date().toISOString().slice(0, 10);
// 20 000 lines (2.4 MB, some forty chunks of 64 KB): long enough for the progress to be seen moving.
const BIG = fecFile(10_000, today);
const SMALL = fecFile(3, today);

type Job = {
  status: 'running' | 'done' | 'failed';
  done: number;
  total: number;
  report?: { entries: number; lines: number; rejectedCount: number; rejected: unknown[] };
  error?: string;
};

describe.each(DIALECTS)('FEC import jobs over HTTP on %s', (dialect) => {
  let server: TestServer;
  let owner: Client;
  let viewer: Client;
  let stranger: Client;
  let spoolDir: string;
  let previousTmp: string | undefined;
  let viewerUserId = '';

  beforeAll(async () => {
    server = await startTestServer(dialect);
    const stamp = `${Date.now().toString(36)}-${dialect}`;
    const users = await Promise.all(
      ['owner', 'viewer', 'stranger'].map((role) =>
        createUser(server.store.db, { email: `${role}-${stamp}@agora.test`, name: role, password: PASSWORD }),
      ),
    );
    owner = await loginAs(server.app, users[0]!.email, PASSWORD);
    viewer = await loginAs(server.app, users[1]!.email, PASSWORD);
    stranger = await loginAs(server.app, users[2]!.email, PASSWORD);
    viewerUserId = users[1]!.id;
    // The spooled files go to os.tmpdir(), read at each call: a directory of this file's own shows
    // which ones are left behind.
    previousTmp = process.env.TMPDIR;
    spoolDir = mkdtempSync(join(tmpdir(), 'agora-fec-jobs-'));
    process.env.TMPDIR = spoolDir;
  });
  afterAll(async () => {
    if (previousTmp === undefined) delete process.env.TMPDIR;
    else process.env.TMPDIR = previousTmp;
    await server?.close();
  });

  const newOrg = async (name: string) => {
    const created = await owner.request('POST', '/api/v1/orgs', {
      name,
      kind: 'company',
      siren: '552100554',
      vatRegime: 'normal_monthly',
    });
    expect(created.status).toBe(201);
    return created.body.id as string;
  };
  const send = (client: Client, url: string, file: string) =>
    server.app.inject({
      method: 'POST',
      url,
      payload: Buffer.from(file, 'utf8'),
      headers: {
        cookie: client.cookie,
        'x-csrf-token': client.csrfToken,
        'content-type': 'application/octet-stream',
      },
    });
  const start = async (orgId: string, file: string) => {
    const response = await send(owner, `/api/v1/orgs/${orgId}/ledger/fec/imports`, file);
    expect(response.statusCode).toBe(202);
    return response.json().id as string;
  };
  const job = (orgId: string, id: string, client = owner) =>
    client.request('GET', `/api/v1/orgs/${orgId}/ledger/fec/imports/${id}`);
  /** Polls as the page does (faster), keeping every answer. */
  const follow = async (orgId: string, id: string) => {
    const seen: Job[] = [];
    for (let i = 0; i < 6000; i++) {
      const answer = await job(orgId, id);
      expect(answer.status).toBe(200);
      seen.push(answer.body);
      if (answer.body.status !== 'running') return seen;
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
    throw new Error('import sans fin');
  };
  /**
   * A refused request's spooled file is removed once the answer is sent (onResponse), which
   * app.inject does not wait for; a job removes its file before it reads as ended.
   */
  const spoolEmptied = async () => {
    for (let i = 0; i < 100 && readdirSync(spoolDir).length > 0; i++)
      await new Promise((resolve) => setTimeout(resolve, 10));
    expect(readdirSync(spoolDir)).toEqual([]);
  };
  const entryCount = async (orgId: string) =>
    Number(
      (
        await server.store.db
          .selectFrom('ledger_entry')
          .select((eb) => eb.fn.countAll().as('n'))
          .where('org_id', '=', orgId)
          .executeTakeFirstOrThrow()
      ).n,
    );

  it('runs to the end in the background: progress up to the file size, then the report', async () => {
    const orgId = await newOrg('Reprise par FEC');
    const before = await entryCount(orgId);
    const id = await start(orgId, BIG);
    // The spooled file is the job's while it runs.
    expect(readdirSync(spoolDir)).toHaveLength(1);
    const seen = await follow(orgId, id);
    const last = seen.at(-1)!;
    expect(last).toMatchObject({
      status: 'done',
      done: Buffer.byteLength(BIG),
      total: Buffer.byteLength(BIG),
    });
    expect(last.report).toMatchObject({ entries: 10_000, lines: 20_000, rejectedCount: 0, rejected: [] });
    expect(last.error).toBeUndefined();
    // The bar moved: read bytes only grow, and some answer came while the file was half read.
    const done = seen.map((s) => s.done);
    expect(done).toEqual([...done].sort((a, b) => a - b));
    expect(seen.some((s) => s.status === 'running' && s.done > 0 && s.done < s.total)).toBe(true);
    expect(seen.every((s) => s.total === Buffer.byteLength(BIG))).toBe(true);
    expect(await entryCount(orgId)).toBe(before + 10_000);
    expect(readdirSync(spoolDir)).toEqual([]);
    // Read again later: still there.
    expect((await job(orgId, id)).body).toEqual(last);
  });

  it('one import at a time per organisation: a second one is refused with 409 while the first runs', async () => {
    const orgId = await newOrg('Deux imports');
    const other = await newOrg('Import voisin');
    const id = await start(orgId, BIG);
    const second = await send(owner, `/api/v1/orgs/${orgId}/ledger/fec/imports`, SMALL);
    expect(second.statusCode).toBe(409);
    expect(second.json().detail).toBe(IMPORT_RUNNING);
    // Another organisation is not held up.
    const neighbour = await start(other, SMALL);
    expect((await follow(other, neighbour)).at(-1)).toMatchObject({
      status: 'done',
      report: { entries: 3 },
    });
    expect((await follow(orgId, id)).at(-1)).toMatchObject({ status: 'done', report: { entries: 10_000 } });
    // Once it is over, the next one may start.
    expect((await follow(orgId, await start(orgId, SMALL))).at(-1)?.status).toBe('done');
    await spoolEmptied();
  });

  it('another organisation’s job, an unknown id, a stranger: 404; a viewer may not import: 403', async () => {
    const orgId = await newOrg('Mes imports');
    const other = await newOrg('Autre organisation');
    const id = await start(orgId, SMALL);
    await follow(orgId, id);
    const elsewhere = await job(other, id);
    expect(elsewhere.status).toBe(404);
    expect(elsewhere.body.detail).toBe('Import FEC introuvable.');
    expect((await job(orgId, '01930000-0000-7000-8000-000000000000')).status).toBe(404);
    expect((await job(orgId, id, stranger)).status).toBe(404);
    await server.store.db
      .transaction()
      .execute((trx) => setMembership(trx, { orgId, userId: viewerUserId, role: 'viewer', actorId: null }));
    expect((await job(orgId, id, viewer)).status).toBe(403);
    expect((await send(viewer, `/api/v1/orgs/${orgId}/ledger/fec/imports`, SMALL)).statusCode).toBe(403);
    expect((await send(stranger, `/api/v1/orgs/${orgId}/ledger/fec/imports`, SMALL)).statusCode).toBe(404);
    await spoolEmptied();
  });

  it('a file that is not a FEC ends failed, with the French reason the synchronous import gives', async () => {
    const orgId = await newOrg('Mauvais fichier');
    const before = await entryCount(orgId);
    const notFec = 'Date;Libellé;Montant\r\n2026-01-02;Loyer;800,00\r\n';
    const id = await start(orgId, notFec);
    const last = (await follow(orgId, id)).at(-1)!;
    expect(readdirSync(spoolDir)).toEqual([]);
    const sync = await send(owner, `/api/v1/orgs/${orgId}/ledger/fec/import`, notFec);
    expect(sync.statusCode).toBe(400);
    expect(last).toEqual({
      status: 'failed',
      done: 0,
      total: Buffer.byteLength(notFec),
      error: sync.json().detail,
    });
    expect(last.error).toMatch(/^Fichier non reconnu/);
    expect(await entryCount(orgId)).toBe(before);
    await spoolEmptied();
    // An empty body is refused at once, as by the synchronous route.
    expect((await send(owner, `/api/v1/orgs/${orgId}/ledger/fec/imports`, '')).statusCode).toBe(400);
  });

  it('unbalanced entries are rejected in the report, line by line, as the synchronous import does', async () => {
    const file = fecFile(5, today, [2, 4]);
    const viaJob = await newOrg('Rejets par tâche');
    const viaSync = await newOrg('Rejets en direct');
    const report = (await follow(viaJob, await start(viaJob, file))).at(-1)!.report!;
    expect(readdirSync(spoolDir)).toEqual([]);
    const sync = await send(owner, `/api/v1/orgs/${viaSync}/ledger/fec/import`, file);
    expect(sync.statusCode).toBe(200);
    expect(report).toEqual(sync.json());
    expect(report).toMatchObject({ entries: 3, rejectedCount: 4 });
    await spoolEmptied();
  });
});

describe.each(DIALECTS)('FEC import job when the server stops, on %s', (dialect) => {
  it('the running import rolls back and its file is removed before the server is closed', async () => {
    const server = await startTestServer(dialect);
    const previousTmp = process.env.TMPDIR;
    const spoolDir = mkdtempSync(join(tmpdir(), 'agora-fec-stop-'));
    process.env.TMPDIR = spoolDir;
    try {
      const user = await createUser(server.store.db, {
        email: `arret-${Date.now().toString(36)}-${dialect}@agora.test`,
        name: 'Comptable',
        password: PASSWORD,
      });
      const owner = await loginAs(server.app, user.email, PASSWORD);
      const created = await owner.request('POST', '/api/v1/orgs', {
        name: 'Arrêt',
        kind: 'company',
        siren: '552100554',
        vatRegime: 'normal_monthly',
      });
      expect(created.status).toBe(201);
      const orgId = created.body.id as string;
      const count = () =>
        server.store.db
          .selectFrom('ledger_entry')
          .select((eb) => eb.fn.countAll().as('n'))
          .where('org_id', '=', orgId)
          .executeTakeFirstOrThrow()
          .then((r) => Number(r.n));
      const before = await count();
      const started = await server.app.inject({
        method: 'POST',
        url: `/api/v1/orgs/${orgId}/ledger/fec/imports`,
        payload: Buffer.from(BIG, 'utf8'),
        headers: {
          cookie: owner.cookie,
          'x-csrf-token': owner.csrfToken,
          'content-type': 'application/octet-stream',
        },
      });
      expect(started.statusCode).toBe(202);
      expect(readdirSync(spoolDir)).toHaveLength(1);
      // Closing waits for the import to give up and roll back.
      await server.app.close();
      expect(readdirSync(spoolDir)).toEqual([]);
      expect(await count()).toBe(before);
    } finally {
      if (previousTmp === undefined) delete process.env.TMPDIR;
      else process.env.TMPDIR = previousTmp;
      await server.store.drop();
    }
  });
});
