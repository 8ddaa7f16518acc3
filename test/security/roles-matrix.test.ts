import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { can, ROLES, STUDENT_IN_SCHOOL } from '../../src/kernel/roles/permissions.ts';
import { setMembership } from '../../src/kernel/users/users.ts';
import { buildOrganisation, buildUser, TEST_PASSWORD } from '../support/factories.ts';
import { type Client, loginAs, startTestServer, type TestServer } from '../support/http.ts';
import { sampleFromSchema } from '../support/schema-sample.ts';
import { DIALECTS } from '../support/test-db.ts';

const PUBLIC = new Set([
  'GET /api/health',
  'GET /api/openapi.json',
  'POST /api/v1/auth/login',
  'POST /api/v1/auth/logout',
  'GET /api/v1/public/orgs/:slugOrId/request-form',
  'POST /api/v1/public/orgs/:slugOrId/requests',
  'GET /api/v1/public/pfmp/tutor-assessments/:token',
  'POST /api/v1/public/pfmp/tutor-assessments/:token',
  'POST /api/v1/auth/join',
]);

// Every route × every role against the permission table: the guard lets exactly the allowed roles through.
describe.each(DIALECTS)('roles × routes on %s', (dialect) => {
  let server: TestServer;
  let orgId: string;
  const clients = new Map<string, Client>();

  beforeAll(async () => {
    server = await startTestServer(dialect);
    const owner = await buildUser(server.store.db);
    orgId = (await buildOrganisation(server.store.db, owner.id)).id;
    for (const role of ROLES) {
      const user = role === 'owner' ? owner : await buildUser(server.store.db);
      if (role !== 'owner')
        await server.store.db
          .transaction()
          .execute((trx) => setMembership(trx, { orgId, userId: user.id, role, actorId: null }));
      clients.set(role, await loginAs(server.app, user.email, TEST_PASSWORD));
    }
  });
  afterAll(async () => {
    await server?.close();
  });

  it('every org route declares a permission, and each role gets 403 exactly when the table says so', async () => {
    const openapi = (await server.app.inject({ method: 'GET', url: '/api/openapi.json' })).json();
    const routes = server.app.routeTable.filter((r) => r.url.includes(':orgId'));
    const undeclared = routes.filter((r) => !r.permission).map((r) => `${r.method} ${r.url}`);
    expect(undeclared).toEqual([]);
    const wrong: string[] = [];
    // Roles that lose their access along the way (removed, demoted) are tested first, owner last.
    for (const role of [...ROLES].reverse()) {
      for (const route of routes) {
        const operation = openapi.paths[route.url.replace(/:(\w+)/g, '{$1}')]?.[route.method.toLowerCase()];
        const body = sampleFromSchema(operation?.requestBody?.content?.['application/json']?.schema);
        // Unknown entity ids: an allowed role reaches the handler and gets its own 404, never the guard's.
        const url = route.url.replace(':orgId', orgId).replace(/:(\w+)/g, () => randomUUID());
        const r = await clients
          .get(role)!
          .request(
            route.method as 'GET',
            url,
            route.method === 'GET' || route.method === 'DELETE' ? undefined : body,
          );
        // The organisation is not a copy: a student there is in their school, not in a sandbox.
        const allowed =
          can(role, route.permission!) && (role !== 'student' || STUDENT_IN_SCHOOL.has(route.permission!));
        const denied = r.status === 403 && r.body?.title === 'Accès refusé';
        if (allowed && (denied || r.body?.detail === 'Organisation introuvable.'))
          wrong.push(`${role} ${route.method} ${route.url} refused (${r.status})`);
        if (!allowed && !denied)
          wrong.push(`${role} ${route.method} ${route.url} → ${r.status}, 403 expected`);
      }
    }
    expect(wrong).toEqual([]);
  });

  it('every non-public route asks for a session first', async () => {
    const open: string[] = [];
    for (const route of server.app.routeTable) {
      if (!route.url.startsWith('/api/') || PUBLIC.has(`${route.method} ${route.url}`)) continue;
      const url = route.url.replace(/:(\w+)/g, () => randomUUID());
      const r = await server.app.inject({
        method: route.method as 'GET',
        url,
        payload: route.method === 'GET' ? undefined : {},
      });
      if (r.statusCode !== 401) open.push(`${route.method} ${route.url} → ${r.statusCode}`);
    }
    expect(open).toEqual([]);
  });
});
