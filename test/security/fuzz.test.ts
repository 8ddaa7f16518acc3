import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildOrganisation, buildParty, buildUser, TEST_PASSWORD } from '../support/factories.ts';
import { type Client, loginAs, startTestServer, type TestServer } from '../support/http.ts';
import { sampleFromSchema } from '../support/schema-sample.ts';
import { DIALECTS } from '../support/test-db.ts';

const FRENCH_TITLES = new Set([
  'Données invalides',
  'Authentification requise',
  'Accès refusé',
  'Ressource introuvable',
  'Conflit',
  'Règle de gestion non respectée',
  'Requête mal formée',
  'Requête trop volumineuse',
  'Trop de tentatives',
  'Jeton anti-CSRF manquant ou invalide',
  'Type de contenu non pris en charge',
]);

// Values that break naive code: wrong types, extremes, control and unicode characters, injections.
const nasty = fc.oneof(
  fc.constantFrom(
    null,
    '',
    ' ',
    -1,
    0,
    -0.01,
    1e308,
    Number.MAX_SAFE_INTEGER + 2,
    true,
    [],
    {},
    '2026-02-30',
    '31/12/2026',
    "'; drop table party; --",
    '" or 1=1 --',
    '<script>alert(1)</script>',
    '<img src=x onerror=alert(1)>',
    '\u0000\u0001\u001f',
    '\u202e\u200b\ufeff',
    '𝕬𝖌𝖔𝖗𝖆 🧾',
    'x'.repeat(100_000),
    '../../../etc/passwd',
    '%00',
    '{{7*7}}',
  ),
  fc.string({ unit: 'binary', maxLength: 50 }),
  fc.integer(),
  fc.double({ noNaN: true }),
  fc.jsonValue({ maxDepth: 2 }),
);

describe.each(DIALECTS)('fuzzing every route on %s', (dialect) => {
  let server: TestServer;
  let owner: Client;
  let orgId: string;
  let partyId: string;
  beforeAll(async () => {
    server = await startTestServer(dialect);
    const user = await buildUser(server.store.db);
    orgId = (await buildOrganisation(server.store.db, user.id)).id;
    partyId = (await buildParty(server.store.db, orgId)).id;
    owner = await loginAs(server.app, user.email, TEST_PASSWORD);
  });
  afterAll(async () => {
    await server?.close();
  });

  const auditSeq = async () =>
    Number(
      (
        await server.store.db
          .selectFrom('audit_head')
          .select('last_seq')
          .where('org_id', '=', orgId)
          .executeTakeFirst()
      )?.last_seq ?? 0,
    );

  // 25 runs per route: the time grows with every module's routes, so the budget is not the default 30 s.
  it('never answers 500, always problem+json in French, and a refused request writes nothing', {
    timeout: 180_000,
  }, async () => {
    const openapi = (await server.app.inject({ method: 'GET', url: '/api/openapi.json' })).json();
    const routes = server.app.routeTable.filter(
      (r) =>
        r.url.startsWith('/api/v1/') &&
        !r.url.includes('logout') &&
        !r.url.includes('password') &&
        !r.url.endsWith('/auth/login'),
    );
    const failures: string[] = [];
    for (const route of routes) {
      const operation = openapi.paths[route.url.replace(/:(\w+)/g, '{$1}')]?.[route.method.toLowerCase()];
      const bodySchema = operation?.requestBody?.content?.['application/json']?.schema;
      const valid = (sampleFromSchema(bodySchema) ?? {}) as Record<string, unknown>;
      const queryNames: string[] = (operation?.parameters ?? [])
        .filter((p: { in: string }) => p.in === 'query')
        .map((p: { name: string }) => p.name);
      const url = route.url.replace(':orgId', orgId).replace(/:(\w+)/g, () => partyId);
      const body = fc.oneof(
        nasty,
        fc
          .record({ field: fc.constantFrom(...Object.keys(valid), 'unexpected'), value: nasty })
          .map(({ field, value }) => ({ ...valid, [field]: value })),
        fc.constantFrom(...Object.keys(valid), '_').map((field) => {
          const { [field]: _, ...rest } = valid;
          return rest;
        }),
      );
      const query = fc.dictionary(
        fc.constantFrom(...queryNames, 'extra'),
        fc.oneof(fc.string({ maxLength: 30 }), fc.constantFrom('-1', '1e309', 'abc', '%27', '')),
        { maxKeys: 3 },
      );
      const failuresBefore = failures.length;
      await fc
        .assert(
          fc.asyncProperty(body, query, async (payload, params) => {
            const before = await auditSeq();
            const search = new URLSearchParams(params as Record<string, string>).toString();
            const r = await server.app.inject({
              method: route.method as 'POST',
              url: search ? `${url}?${search}` : url,
              payload: route.method === 'GET' ? undefined : JSON.stringify(payload ?? null),
              headers: {
                cookie: owner.cookie,
                'x-csrf-token': owner.csrfToken,
                'content-type': 'application/json',
              },
            });
            const where = `${route.method} ${route.url} ${JSON.stringify(payload)?.slice(0, 120)} ?${search}`;
            if (r.statusCode >= 500) failures.push(`${where} → ${r.statusCode} ${r.body.slice(0, 200)}`);
            if (r.statusCode >= 400) {
              if (!String(r.headers['content-type']).startsWith('application/problem+json'))
                failures.push(`${where} → not problem+json`);
              else if (!FRENCH_TITLES.has(r.json().title))
                failures.push(`${where} → title ${r.json().title}`);
              if ((await auditSeq()) !== before) failures.push(`${where} → ${r.statusCode} but wrote`);
            }
            return failures.length === failuresBefore;
          }),
          { numRuns: 25, seed: 20261127 },
        )
        // A recorded failure is reported below with its request; anything else (the request itself
        // throwing) must fail the test rather than vanish.
        .catch((error) => {
          if (failures.length === failuresBefore) throw error;
        });
    }
    expect(failures.slice(0, 10)).toEqual([]);
  });
});
