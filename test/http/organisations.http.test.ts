import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildUser, TEST_PASSWORD } from '../support/factories.ts';
import { type Client, loginAs, startTestServer, type TestServer } from '../support/http.ts';
import { DIALECTS } from '../support/test-db.ts';

const company = {
  name: 'Menuiserie Leroy',
  legalForm: 'SAS',
  kind: 'company',
  siren: '552100554',
  siret: '55210055400013',
  vatNumber: 'FR96552100554',
  addressLine1: '10 rue du Bois',
  postalCode: '21000',
  city: 'Dijon',
  vatRegime: 'normal_quarterly',
  fiscalYearStart: '07-01',
};

describe.each(DIALECTS)('organisations, settings and members over HTTP on %s', (dialect) => {
  let server: TestServer;
  let owner: Client;
  beforeAll(async () => {
    server = await startTestServer(dialect);
    const user = await buildUser(server.store.db, { email: `owner-${dialect}@agora.test` });
    owner = await loginAs(server.app, user.email, TEST_PASSWORD);
  });
  afterAll(async () => {
    await server?.close();
  });

  it('creates an organisation, checks its identifiers, and edits its settings', async () => {
    const bad = await owner.request('POST', '/api/v1/orgs', {
      ...company,
      vatNumber: 'FR12552100554',
      fiscalYearStart: '02-30',
    });
    expect(bad.status).toBe(400);
    const fields = (bad.body.errors as { field: string }[]).map((e) => e.field).sort();
    expect(fields).toEqual(['fiscalYearStart', 'vatNumber']);
    const noSiren = await owner.request('POST', '/api/v1/orgs', {
      ...company,
      siren: '',
      siret: '',
      vatNumber: '',
    });
    expect(noSiren.body.errors).toEqual([
      { field: 'siren', message: 'Le SIREN est obligatoire pour une entreprise.' },
    ]);

    const created = await owner.request('POST', '/api/v1/orgs', company);
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ name: 'Menuiserie Leroy', fiscalYearStart: '07-01', country: 'FR' });
    const orgId = created.body.id as string;
    const me = await owner.request('GET', '/api/v1/me');
    expect(me.body.organisations).toContainEqual({
      id: orgId,
      name: 'Menuiserie Leroy',
      kind: 'company',
      role: 'owner',
      simulatedToday: null,
      copy: false,
    });

    const updated = await owner.request('PUT', `/api/v1/orgs/${orgId}`, {
      ...company,
      name: 'Menuiserie Leroy & Fils',
      vatRegime: 'simplified',
    });
    expect(updated.body).toMatchObject({ name: 'Menuiserie Leroy & Fils', vatRegime: 'simplified' });
    const audit = await owner.request('GET', `/api/v1/orgs/${orgId}/audit`);
    expect(audit.body.items[0]).toMatchObject({ action: 'organisation.updated', entity: 'organisation' });
    const verified = (await owner.request('GET', `/api/v1/orgs/${orgId}/audit/verify`)).body;
    expect(verified).toMatchObject({ ok: true, events: audit.body.items.length });
  });

  it('invites members with roles, changes and removes them, keeping one owner', async () => {
    const orgId = (
      await owner.request('POST', '/api/v1/orgs', {
        ...company,
        name: 'Asso',
        kind: 'association',
        siren: '',
        siret: '',
        vatNumber: '',
      })
    ).body.id;
    const members = `/api/v1/orgs/${orgId}/members`;
    const weak = await owner.request('POST', members, {
      email: `rh-${dialect}@agora.test`,
      name: 'RH',
      role: 'hr',
      password: 'court',
    });
    expect(weak.status).toBe(400);
    const invited = await owner.request('POST', members, {
      email: `rh-${dialect}@agora.test`,
      name: 'Rose Hébert',
      role: 'hr',
      password: 'Mot-de-passe-RH-2026',
    });
    expect(invited.status).toBe(201);
    expect(invited.body).toMatchObject({ role: 'hr', name: 'Rose Hébert' });
    const rh = await loginAs(server.app, `rh-${dialect}@agora.test`, 'Mot-de-passe-RH-2026');
    expect((await rh.request('GET', members)).status).toBe(403);
    expect(
      (await owner.request('PUT', `${members}/${invited.body.id}`, { role: 'accountant' })).body.role,
    ).toBe('accountant');
    expect((await owner.request('GET', members)).body).toHaveLength(2);

    const myId = (await owner.request('GET', '/api/v1/me')).body.user.id;
    const demote = await owner.request('PUT', `${members}/${myId}`, { role: 'viewer' });
    expect(demote.status).toBe(400);
    expect(demote.body.detail).toBe('Une organisation doit garder au moins un responsable.');
    expect((await owner.request('DELETE', `${members}/${myId}`)).status).toBe(400);

    expect((await owner.request('DELETE', `${members}/${invited.body.id}`)).status).toBe(204);
    // The removed user had no other organisation: their session ends with the access.
    expect((await rh.request('GET', '/api/v1/me')).status).toBe(401);
  });

  it('copies an organisation for its owner', async () => {
    const orgId = (await owner.request('POST', '/api/v1/orgs', { ...company, name: 'Modèle de classe' })).body
      .id;
    const copy = await owner.request('POST', `/api/v1/orgs/${orgId}/copy`, { name: 'Bac à sable de Léa' });
    expect(copy.status).toBe(201);
    expect(copy.body).toMatchObject({ name: 'Bac à sable de Léa', copiedFrom: orgId, siren: '552100554' });
    expect((await owner.request('GET', `/api/v1/orgs/${copy.body.id}`)).status).toBe(200);
  });

  it('answers unknown API paths with a problem, not the web app', async () => {
    const r = await owner.request('GET', '/api/v1/nothing-here');
    expect(r.status).toBe(404);
    expect(r.headers['content-type']).toContain('application/problem+json');
  });
});
