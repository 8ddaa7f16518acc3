import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildOrganisation, buildUser, TEST_PASSWORD } from '../support/factories.ts';
import { loginAs, startTestServer, type TestServer } from '../support/http.ts';
import { DIALECTS } from '../support/test-db.ts';

describe.each(DIALECTS)('authentication over HTTP on %s', (dialect) => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer(dialect, { loginRateLimit: { max: 5, timeWindowMs: 60_000 } });
  });
  afterAll(async () => {
    await server?.close();
  });

  it('logs in with a hardened session cookie and answers /me, then logs out for good', async () => {
    const user = await buildUser(server.store.db);
    const org = await buildOrganisation(server.store.db, user.id, { name: 'Asso des Tests' });
    const response = await server.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { email: user.email, password: TEST_PASSWORD },
    });
    expect(response.statusCode).toBe(200);
    const cookie = String(response.headers['set-cookie']);
    expect(cookie).toMatch(/^agora_session=[\w-]{40,};/);
    expect(cookie).toContain('HttpOnly');
    expect(cookie).toContain('SameSite=Strict');
    expect(cookie).toContain('Path=/');
    const session = cookie.split(';')[0]!;
    const me = await server.app.inject({ method: 'GET', url: '/api/v1/me', headers: { cookie: session } });
    expect(me.json()).toMatchObject({
      user: { email: user.email },
      organisations: [{ id: org.id, name: 'Asso des Tests', role: 'owner' }],
    });
    const csrf = me.json().csrfToken as string;
    const logout = await server.app.inject({
      method: 'POST',
      url: '/api/v1/auth/logout',
      headers: { cookie: session, 'x-csrf-token': csrf },
    });
    expect(logout.statusCode).toBe(204);
    const after = await server.app.inject({ method: 'GET', url: '/api/v1/me', headers: { cookie: session } });
    expect(after.statusCode).toBe(401);
    expect(after.headers['content-type']).toContain('application/problem+json');
  });

  it('refuses wrong credentials with one French message, whether the email exists or not', async () => {
    const user = await buildUser(server.store.db);
    for (const payload of [
      { email: user.email, password: 'not-the-password' },
      { email: 'inconnu@agora.test', password: 'whatever-password' },
    ]) {
      const r = await server.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload });
      expect(r.statusCode).toBe(401);
      expect(r.json()).toMatchObject({
        title: 'Authentification requise',
        detail: 'Adresse e-mail ou mot de passe incorrect.',
      });
    }
  });

  it('rate-limits login attempts per address and account', async () => {
    const user = await buildUser(server.store.db);
    const statuses: number[] = [];
    for (let i = 0; i < 7; i++) {
      const r = await server.app.inject({
        method: 'POST',
        url: '/api/v1/auth/login',
        payload: { email: user.email, password: `wrong-${i}` },
      });
      statuses.push(r.statusCode);
    }
    expect(statuses.slice(0, 5)).toEqual([401, 401, 401, 401, 401]);
    expect(statuses.slice(5)).toEqual([429, 429]);
    const blocked = await server.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { email: user.email, password: TEST_PASSWORD },
    });
    expect(blocked.statusCode).toBe(429);
    expect(blocked.json().detail).toContain('Trop de tentatives');
  });

  it('requires the CSRF token on every write of a session', async () => {
    const user = await buildUser(server.store.db);
    const org = await buildOrganisation(server.store.db, user.id);
    const client = await loginAs(server.app, user.email, TEST_PASSWORD);
    const payload = { kind: 'person', name: 'Sans jeton', roles: ['customer'] };
    const noToken = await server.app.inject({
      method: 'POST',
      url: `/api/v1/orgs/${org.id}/parties`,
      payload,
      headers: { cookie: client.cookie },
    });
    expect(noToken.statusCode).toBe(403);
    const wrongToken = await client.request('POST', `/api/v1/orgs/${org.id}/parties`, payload, {
      'x-csrf-token': 'forged',
    });
    expect(wrongToken.status).toBe(403);
    const count = await server.store.db
      .selectFrom('party')
      .select('id')
      .where('org_id', '=', org.id)
      .execute();
    expect(count).toHaveLength(0);
    expect((await client.request('POST', `/api/v1/orgs/${org.id}/parties`, payload)).status).toBe(201);
  });

  it('changes a password under the policy and revokes the other sessions', async () => {
    const user = await buildUser(server.store.db);
    const first = await loginAs(server.app, user.email, TEST_PASSWORD);
    const second = await loginAs(server.app, user.email, TEST_PASSWORD);
    const weak = await first.request('POST', '/api/v1/me/password', {
      currentPassword: TEST_PASSWORD,
      newPassword: 'court',
    });
    expect(weak.status).toBe(400);
    expect(weak.body.errors[0]).toMatchObject({ field: 'newPassword' });
    const ok = await first.request('POST', '/api/v1/me/password', {
      currentPassword: TEST_PASSWORD,
      newPassword: 'Un-nouveau-secret-2026',
    });
    expect(ok.status).toBe(204);
    expect((await first.request('GET', '/api/v1/me')).status).toBe(200);
    expect((await second.request('GET', '/api/v1/me')).status).toBe(401);
    await expect(loginAs(server.app, user.email, TEST_PASSWORD)).rejects.toThrow('401');
    await loginAs(server.app, user.email, 'Un-nouveau-secret-2026');
  });

  it('serves health, the OpenAPI document and security headers', async () => {
    const health = await server.app.inject({ method: 'GET', url: '/api/health' });
    expect(health.json()).toEqual({ status: 'ok', database: dialect });
    expect(health.headers['x-content-type-options']).toBe('nosniff');
    expect(String(health.headers['content-security-policy'])).toContain("frame-ancestors 'none'");
    const openapi = (await server.app.inject({ method: 'GET', url: '/api/openapi.json' })).json();
    expect(openapi.openapi).toBe('3.1.0');
    for (const path of ['/api/v1/auth/login', '/api/v1/me', '/api/v1/orgs/{orgId}/parties', '/api/health'])
      expect(Object.keys(openapi.paths)).toContain(path);
  });
});
