// Load on the real server: party list reads at 50 and 200 connections and party creation writes,
// against a peer measured in the same run — a bare node:http server answering the same bytes — so the
// ratio shows what Agora (routing, session, permission check, SQL, serialisation) costs.
// Run: npm run bench -- http   (BENCH_SECONDS=10 by default)
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import autocannon from 'autocannon';
import { migrateToLatest, openStore } from '../src/kernel/db/index.ts';
import { organisationInput } from '../src/kernel/organisations/contract.ts';
import { createOrganisation } from '../src/kernel/organisations/organisation.ts';
import { partyInput } from '../src/kernel/parties/contract.ts';
import { createParty } from '../src/kernel/parties/party.ts';
import { createUser } from '../src/kernel/users/users.ts';

const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
const root = join(import.meta.dirname, '..');

async function prepare(dataDir: string) {
  const store = openStore(join(dataDir, 'agora.sqlite'));
  await migrateToLatest(store);
  const user = await createUser(store.db, {
    email: 'bench@agora.test',
    name: 'Bench',
    password: 'Charge-Mesuree-2026',
  });
  const org = await store.db.transaction().execute(async (trx) => {
    const o = await createOrganisation(
      trx,
      organisationInput.parse({ name: 'Bench', kind: 'association', vatRegime: 'not_liable' }),
      user.id,
    );
    for (let i = 0; i < 2000; i++)
      await createParty(
        trx,
        o.id,
        partyInput.parse({
          kind: 'organisation',
          name: `Client ${i}`,
          roles: ['customer'],
          email: `c${i}@example.fr`,
        }),
        user.id,
      );
    return o;
  });
  await store.close();
  return org.id;
}

function startProcess(args: string[], env: NodeJS.ProcessEnv, ready: string): Promise<ChildProcess> {
  return new Promise((resolve, reject) => {
    const child = spawn('node', args, { env: { ...process.env, ...env }, cwd: root });
    let out = '';
    const onData = (d: Buffer) => {
      out += d;
      if (out.includes(ready)) resolve(child);
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    child.on('exit', (code) => reject(new Error(`exited ${code}: ${out}`)));
  });
}

type Result = { p50: number; p99: number; rps: number; errors: number; non2xx: number };

async function load(
  url: string,
  connections: number,
  options: Partial<autocannon.Options> = {},
): Promise<Result> {
  const r = await autocannon({ url, connections, duration: SECONDS, ...options });
  return {
    p50: r.latency.p50,
    p99: r.latency.p99,
    rps: Math.round(r.requests.average),
    errors: r.errors + r.timeouts,
    non2xx: r.non2xx,
  };
}

async function main() {
  const dataDir = mkdtempSync(join(tmpdir(), 'agora-bench-http-'));
  const orgId = await prepare(dataDir);
  const port = 38100;
  const server = await startProcess(
    ['bin/agora.js', 'serve'],
    { AGORA_DATA_DIR: dataDir, PORT: String(port), DATABASE_URL: '' },
    'Agora est prêt',
  );
  const base = `http://localhost:${port}`;
  const login = await fetch(`${base}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email: 'bench@agora.test', password: 'Charge-Mesuree-2026' }),
  });
  const cookie = login.headers.get('set-cookie')!.split(';')[0]!;
  const { csrfToken } = (await login.json()) as { csrfToken: string };
  const listUrl = `${base}/api/v1/orgs/${orgId}/parties?limit=50&sort=name`;
  const sample = await (await fetch(listUrl, { headers: { cookie } })).text();

  const peerFile = join(dataDir, 'peer.mjs');
  writeFileSync(
    peerFile,
    `import http from 'node:http'; import { readFileSync } from 'node:fs';
     const body = readFileSync(${JSON.stringify(join(dataDir, 'sample.json'))});
     http.createServer((q, s) => { s.writeHead(200, { 'content-type': 'application/json' }); s.end(body); })
       .listen(38101, () => console.log('peer ready'));`,
  );
  writeFileSync(join(dataDir, 'sample.json'), sample);
  const peer = await startProcess([peerFile], {}, 'peer ready');

  const rows: string[] = [];
  const line = (label: string, a: Result, p?: Result) =>
    rows.push(
      `| ${label} | ${a.p50} | ${a.p99} | ${a.rps} | ${a.errors + a.non2xx} | ${p ? `${p.rps} | ${(p.rps / a.rps).toFixed(1)}×` : '– | –'} |`,
    );
  for (const connections of [50, 200]) {
    const agora = await load(listUrl, connections, { headers: { cookie } });
    const bare = await load('http://localhost:38101/', connections);
    line(`GET parties (page of 50 of 2,000), ${connections} connections`, agora, bare);
  }
  let n = 0;
  const writes = await load(`${base}/api/v1/orgs/${orgId}/parties`, 50, {
    method: 'POST',
    headers: { cookie, 'x-csrf-token': csrfToken, 'content-type': 'application/json' },
    setupClient: (client) => {
      client.setBody(JSON.stringify({ kind: 'person', name: `Bench ${n++}`, roles: ['customer'] }));
    },
  });
  line('POST party (validate, insert, audit), 50 connections', writes);
  server.kill();
  peer.kill();

  const table = [
    `SQLite, ${SECONDS} s per run, 2 cores shared by server and load generator.`,
    '',
    '| load | p50 ms | p99 ms | req/s | errors | bare node:http req/s | peer ÷ Agora |',
    '| --- | --- | --- | --- | --- | --- | --- |',
    ...rows,
  ].join('\n');
  console.log(table);
}

await main();
