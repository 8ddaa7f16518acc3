import { randomBytes } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Dialect } from '../../src/kernel/db/index.ts';
import { buildApp } from '../../src/server/app.ts';
import type { App } from '../../src/server/types.ts';
import { createTestStore, type TestStore } from './test-db.ts';

export type TestServer = { app: App; store: TestStore; close: () => Promise<void> };

/** The real application on a fresh database, driven through app.inject (the full HTTP pipeline, no socket). */
export async function startTestServer(
  dialect: Dialect,
  options: {
    loginRateLimit?: { max: number; timeWindowMs: number };
    /** Run the outbox worker inside the server, as `agora serve` does. */
    mailWorker?: boolean;
    publicFormRateLimit?: { max: number; timeWindowMs: number };
    publicTutorRateLimit?: { max: number; timeWindowMs: number };
  } = {},
): Promise<TestServer> {
  const store = await createTestStore(dialect);
  const app = await buildApp({
    store,
    documentsDir: mkdtempSync(join(tmpdir(), 'agora-docs-')),
    loginRateLimit: options.loginRateLimit ?? { max: 1000, timeWindowMs: 60_000 },
    ...(options.mailWorker ? { mailWorker: true, secretKey: randomBytes(32) } : {}),
    publicFormRateLimit: options.publicFormRateLimit,
    publicTutorRateLimit: options.publicTutorRateLimit,
  });
  await app.ready();
  return {
    app,
    store,
    close: async () => {
      await app.close();
      await store.drop();
    },
  };
}

export type Client = {
  csrfToken: string;
  cookie: string;
  request: (
    method: 'GET' | 'POST' | 'PUT' | 'DELETE',
    url: string,
    body?: unknown,
    headers?: Record<string, string>,
    // biome-ignore lint/suspicious/noExplicitAny: tests read JSON bodies freely
  ) => Promise<{ status: number; body: any; headers: Record<string, unknown>; raw: string }>;
};

export async function loginAs(app: App, email: string, password: string): Promise<Client> {
  const response = await app.inject({
    method: 'POST',
    url: '/api/v1/auth/login',
    payload: { email, password },
  });
  if (response.statusCode !== 200) throw new Error(`login failed: ${response.statusCode} ${response.body}`);
  const setCookie = String(response.headers['set-cookie']);
  const cookie = setCookie.split(';')[0]!;
  const { csrfToken } = response.json() as { csrfToken: string };
  return {
    csrfToken,
    cookie,
    request: async (method, url, body, headers = {}) => {
      const r = await app.inject({
        method,
        url,
        payload: body === undefined ? undefined : (body as object),
        headers: { cookie, 'x-csrf-token': csrfToken, ...headers },
      });
      let parsed: unknown = r.body;
      try {
        parsed = r.json();
      } catch {}
      return { status: r.statusCode, body: parsed, headers: r.headers, raw: r.body };
    },
  };
}
