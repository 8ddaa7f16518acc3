import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { setMembership } from '../../src/kernel/users/users.ts';
import { openRequestForm } from '../../src/relations/records-test-helpers.ts';
import { formToken, MIN_FILL_MS } from '../../src/relations/requests/request-form.ts';
import { salesCustomer, salesOrganisation } from '../../src/relations/test-helpers.ts';
import { buildUser, TEST_PASSWORD } from '../support/factories.ts';
import { type Client, loginAs, startTestServer, type TestServer } from '../support/http.ts';
import { countRows } from '../support/schema.ts';
import { DIALECTS } from '../support/test-db.ts';

describe.each(DIALECTS)('requests, records and GDPR over HTTP on %s', (dialect) => {
  let server: TestServer;
  let owner: Client;
  let assistant: Client;
  let orgId: string;
  let closedOrgId: string;
  let customerId: string;

  beforeAll(async () => {
    server = await startTestServer(dialect, { publicFormRateLimit: { max: 3, timeWindowMs: 60_000 } });
    const db = server.store.db;
    const user = await buildUser(db);
    orgId = (await salesOrganisation(db, {}, user.id)).id;
    closedOrgId = (await salesOrganisation(db, { name: 'Fermée-9c1' }, user.id)).id;
    await openRequestForm(db, orgId);
    customerId = (await salesCustomer(db, orgId, { email: 'client@exemple.fr' })).id;
    const helper = await buildUser(db);
    await db
      .transaction()
      .execute((trx) => setMembership(trx, { orgId, userId: helper.id, role: 'assistant', actorId: null }));
    owner = await loginAs(server.app, user.email, TEST_PASSWORD);
    assistant = await loginAs(server.app, helper.email, TEST_PASSWORD);
  });
  afterAll(async () => {
    await server?.close();
  });

  const anonymous = (method: 'GET' | 'POST', url: string, payload?: object, ip = '198.51.100.7') =>
    server.app.inject({ method, url, payload, remoteAddress: ip });
  const secret = async () =>
    (
      await server.store.db
        .selectFrom('relations_request_form')
        .select('secret')
        .where('org_id', '=', orgId)
        .executeTakeFirstOrThrow()
    ).secret;
  const message = (token: string, extra: Record<string, unknown> = {}) => ({
    name: 'Paul Visiteur',
    email: 'client@exemple.fr',
    subject: 'Rendez-vous',
    message: 'Bonjour, je voudrais un rendez-vous.',
    token,
    ...extra,
  });

  it('serves the public form without a session, and nothing of a closed form', async () => {
    const open = await anonymous('GET', `/api/v1/public/orgs/${orgId}/request-form`);
    expect(open.statusCode).toBe(200);
    expect(Object.keys(open.json()).sort()).toEqual(['categories', 'intro', 'organisationName', 'token']);
    const closed = await anonymous('GET', `/api/v1/public/orgs/${closedOrgId}/request-form`);
    expect(closed.statusCode).toBe(404);
    expect(closed.body).not.toContain('Fermée-9c1');
    const post = await anonymous(
      'POST',
      `/api/v1/public/orgs/${closedOrgId}/requests`,
      message('1.x'),
      '198.51.100.99',
    );
    expect(post.statusCode).toBe(404);
  });

  it('records a visitor’s request, drops a robot’s silently, and limits each address', async () => {
    const before = await countRows(server.store.db, 'relations_request', orgId);
    const url = `/api/v1/public/orgs/${orgId}/requests`;
    const fresh = (await anonymous('GET', `/api/v1/public/orgs/${orgId}/request-form`)).json()
      .token as string;
    const tooFast = await anonymous('POST', url, message(fresh));
    expect(tooFast.statusCode).toBe(422);
    expect(tooFast.json().detail).toContain('trop vite');
    const aged = formToken(await secret(), orgId, Date.now() - MIN_FILL_MS - 2000);
    const robot = await anonymous('POST', url, message(aged, { website: 'https://spam.example' }));
    expect(robot.statusCode).toBe(202);
    const person = await anonymous('POST', url, message(aged));
    expect(person.statusCode).toBe(202);
    expect(person.json().message).toContain('bien été envoyée');
    expect(await countRows(server.store.db, 'relations_request', orgId)).toBe(before + 1);
    // Three posts from this address already: the fourth is refused, another address still gets through.
    const limited = await anonymous('POST', url, message(aged));
    expect(limited.statusCode).toBe(429);
    expect(limited.json().title).toBe('Trop de tentatives');
    expect((await anonymous('POST', url, message(aged), '203.0.113.5')).statusCode).toBe(202);
    // A signed-in member posting it needs no anti-CSRF token: the route uses no session.
    expect(
      (
        await server.app.inject({
          method: 'POST',
          url,
          payload: message(aged),
          remoteAddress: '203.0.113.6',
          headers: { cookie: owner.cookie },
        })
      ).statusCode,
    ).toBe(202);
  });

  it('answers a web request, which then shows in the customer file', async () => {
    const list = await assistant.request('GET', `/api/v1/orgs/${orgId}/requests?channel=web_form`);
    expect(list.status).toBe(200);
    const request = list.body.items.find((r: { partyId: string | null }) => r.partyId === customerId);
    expect(request).toBeDefined();
    const answered = await assistant.request('POST', `/api/v1/orgs/${orgId}/requests/${request.id}/answer`, {
      answer: 'Rendez-vous mardi à 10 h.',
    });
    expect(answered.status).toBe(200);
    expect(answered.body.status).toBe('answered');
    const file = await assistant.request('GET', `/api/v1/orgs/${orgId}/parties/${customerId}/file`);
    expect(file.status).toBe(200);
    const requests = file.body.sections.find((s: { key: string }) => s.key === 'requests');
    expect(requests.items.map((i: { status: string }) => i.status)).toContain('Répondue');
    const board = await assistant.request(
      'GET',
      `/api/v1/orgs/${orgId}/dashboard?from=2026-01-01&to=2026-12-31`,
    );
    expect(board.status).toBe(200);
    expect(board.body.turnoverByMonth).toHaveLength(12);
    expect((await assistant.request('GET', `/api/v1/orgs/${orgId}/anomalies`)).status).toBe(200);
  });

  it('reserves the GDPR export and erasure to the owner, and refuses an organisation’s erasure in French', async () => {
    const base = `/api/v1/orgs/${orgId}/privacy/parties/${customerId}`;
    expect((await assistant.request('GET', `${base}/export`)).status).toBe(403);
    const text = await owner.request('GET', `${base}/export?format=text`);
    expect(text.status).toBe(200);
    expect(String(text.headers['content-type'])).toContain('text/plain');
    expect(text.raw).toContain('Données personnelles détenues par');
    const json = await owner.request('GET', `${base}/export`);
    expect(JSON.parse(json.raw).person.id).toBe(customerId);
    expect((await assistant.request('POST', `${base}/erase`, { confirm: true })).status).toBe(403);
    const refused = await owner.request('POST', `${base}/erase`, { confirm: true });
    expect(refused.status).toBe(422);
    expect(refused.body.detail).toContain('personnes physiques');
    expect((await owner.request('POST', `${base}/erase`, {})).status).toBe(400);
  });
});
