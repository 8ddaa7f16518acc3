// The real server for the load test: `agora serve` in its own process (production command, no demo data),
// on the database the test seeded, and a logged-in session to drive it.
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { LOAD_EMAIL, LOAD_PASSWORD } from './seed.ts';

const BIN = join(import.meta.dirname, '../../bin/agora.js');

export type RunningServer = {
  base: string;
  cookie: string;
  csrfToken: string;
  stop: () => Promise<void>;
};

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as { port: number };
      probe.close(() => resolve(port));
    });
  });
}

export async function startServer(databaseUrl: string): Promise<RunningServer> {
  const port = await freePort();
  const child: ChildProcess = spawn('node', [BIN, 'serve'], {
    env: {
      ...process.env,
      NODE_ENV: 'production',
      AGORA_LOG: '',
      AGORA_DATA_DIR: mkdtempSync(join(tmpdir(), 'agora-load-')),
      DATABASE_URL: databaseUrl,
      PORT: String(port),
      HOST: '127.0.0.1',
    },
  });
  await new Promise<void>((resolve, reject) => {
    let out = '';
    const onData = (d: Buffer) => {
      out += d;
      if (out.includes('Agora est prêt')) resolve();
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', onData);
    child.once('exit', (code) => reject(new Error(`server exited ${code}: ${out}`)));
  });
  const base = `http://127.0.0.1:${port}`;
  const login = await fetch(`${base}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email: LOAD_EMAIL, password: LOAD_PASSWORD }),
  });
  if (login.status !== 200) throw new Error(`login ${login.status}: ${await login.text()}`);
  const cookie = login.headers.get('set-cookie')!.split(';')[0]!;
  const { csrfToken } = (await login.json()) as { csrfToken: string };
  return {
    base,
    cookie,
    csrfToken,
    stop: async () => {
      if (child.exitCode !== null) return;
      const exited = new Promise((r) => child.once('exit', r));
      child.kill('SIGTERM');
      await exited;
    },
  };
}
