import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDays, todayIn } from '../../src/kernel/dates/index.ts';
import { setMembership } from '../../src/kernel/users/users.ts';
import { buildOrganisation, buildUser, TEST_PASSWORD } from '../support/factories.ts';
import { type Client, loginAs, startTestServer, type TestServer } from '../support/http.ts';
import { pdfText } from '../support/pdf-text.ts';
import { countRows } from '../support/schema.ts';
import { DIALECTS } from '../support/test-db.ts';

// The formalities over HTTP: register, completion, calendar and its exports — French errors, 404 across
// organisations (checked before the body), permissions.

describe.each(DIALECTS)('the formalities over HTTP on %s', (dialect) => {
  let server: TestServer;
  let owner: Client;
  let accountant: Client;
  let stranger: Client;
  let orgId: string;
  let otherOrgId: string;
  let formalityId: string;
  const today = todayIn();
  const api = (path: string) => `/api/v1/orgs/${orgId}${path}`;

  beforeAll(async () => {
    server = await startTestServer(dialect);
    const db = server.store.db;
    const user = await buildUser(db);
    orgId = (await buildOrganisation(db, user.id, { name: 'Association Les Tilleuls', kind: 'association' }))
      .id;
    const counting = await buildUser(db);
    await db
      .transaction()
      .execute((trx) =>
        setMembership(trx, { orgId, userId: counting.id, role: 'accountant', actorId: null }),
      );
    const other = await buildUser(db);
    otherOrgId = (await buildOrganisation(db, other.id)).id;
    owner = await loginAs(server.app, user.email, TEST_PASSWORD);
    accountant = await loginAs(server.app, counting.email, TEST_PASSWORD);
    stranger = await loginAs(server.app, other.email, TEST_PASSWORD);
  });
  afterAll(async () => {
    await server?.close();
  });

  it('registers a formality, completes it and exports the calendar', async () => {
    const created = await owner.request('POST', api('/formalities'), {
      title: 'Attestation d’assurance',
      partnerName: 'MAIF',
      category: 'insurance',
      periodicity: 'yearly',
      dueOn: addDays(today, 5),
      responsible: 'La trésorière',
    });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ partner: 'MAIF', status: 'due_soon', inDays: 5 });
    formalityId = created.body.id;
    const done = await owner.request('POST', api(`/formalities/${formalityId}/complete`), {
      doneOn: today,
      reference: 'AR-42',
    });
    expect(done.status).toBe(200);
    expect(done.body.completions).toHaveLength(1);
    expect(done.body.nextDueOn > addDays(today, 360)).toBe(true);
    expect(done.body.status).toBe('upcoming');
    const cal = await owner.request('GET', api('/formality-calendar?days=400'));
    expect(cal.status).toBe(200);
    expect(cal.body.items.map((i: { title: string }) => i.title)).toEqual(['Attestation d’assurance']);
    const csv = await owner.request('GET', api('/formality-calendar/export?days=400&format=csv'));
    expect(csv.status).toBe(200);
    expect(csv.raw).toContain('Attestation d’assurance');
    expect(csv.raw).toContain('MAIF');
    const pdf = await server.app.inject({
      method: 'GET',
      url: api('/formality-calendar/export?days=400&format=pdf'),
      headers: { cookie: owner.cookie },
    });
    expect(pdf.headers['content-type']).toContain('application/pdf');
    expect(pdfText(pdf.rawPayload).replace(/\s+/g, ' ')).toContain('Calendrier des formalités');
  });

  it('answers in French to bad input and writes nothing', async () => {
    const before = await countRows(server.store.db, 'production_formality', orgId);
    const bad = await owner.request('POST', api('/formalities'), {
      title: '',
      category: 'sport',
      periodicity: 'weekly',
      dueOn: '2026-02-30',
    });
    expect(bad.status).toBe(400);
    const text = JSON.stringify(bad.body);
    expect(text).toMatch(/Intitulé : champ obligatoire/);
    expect(text).toMatch(/Catégorie inconnue/);
    expect(text).toMatch(/Échéance : date réelle/);
    const noPartner = await owner.request('POST', api('/formalities'), {
      title: 'Dépôt des comptes',
      category: 'legal',
      periodicity: 'yearly',
      dueOn: today,
    });
    expect(noPartner.status).toBe(400);
    expect(noPartner.body.detail).toMatch(/Partenaire/);
    const badDone = await owner.request('POST', api(`/formalities/${formalityId}/complete`), {
      doneOn: 'hier',
    });
    expect(badDone.status).toBe(400);
    expect(JSON.stringify(badDone.body)).toMatch(/Date de réalisation : date réelle/);
    expect(await countRows(server.store.db, 'production_formality', orgId)).toBe(before);
    expect(await countRows(server.store.db, 'production_formality_completion', orgId)).toBe(1);
  });

  it('answers 404 for another organisation’s ids, before the body, and 403 without production.write', async () => {
    const foreign = (path: string) => `/api/v1/orgs/${otherOrgId}${path}`;
    expect((await stranger.request('GET', foreign(`/formalities/${formalityId}`))).status).toBe(404);
    const notMine = await stranger.request('POST', foreign(`/formalities/${formalityId}/complete`), {
      doneOn: 'x',
    });
    expect(notMine.status).toBe(404);
    expect(notMine.body.detail).toBe('Formalité introuvable.');
    expect((await stranger.request('GET', api('/formalities'))).status).toBe(404);
    expect((await accountant.request('GET', api('/formalities'))).status).toBe(200);
    const denied = await accountant.request('POST', api(`/formalities/${formalityId}/complete`), {
      doneOn: today,
    });
    expect(denied.status).toBe(403);
    expect(denied.body.title).toBe('Accès refusé');
    expect((await accountant.request('POST', api('/formalities'), {})).status).toBe(403);
    expect(await countRows(server.store.db, 'production_formality_completion', orgId)).toBe(1);
  });
});
