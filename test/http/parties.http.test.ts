import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openStore } from '../../src/kernel/db/index.ts';
import { setMembership } from '../../src/kernel/users/users.ts';
import { buildOrganisation, buildParty, buildUser, TEST_PASSWORD } from '../support/factories.ts';
import { type Client, loginAs, startTestServer, type TestServer } from '../support/http.ts';
import { DIALECTS } from '../support/test-db.ts';

const fullParty = {
  kind: 'organisation',
  name: 'Garage Dupont',
  roles: ['customer', 'supplier'],
  legalForm: 'SARL',
  siren: '732 829 320',
  siret: '73282932000074',
  vatNumber: 'FR44732829320',
  email: 'Contact@Garage-Dupont.fr',
  iban: 'FR76 3000 6000 0112 3456 7890 189',
  bic: 'agrifrpp',
  contacts: [{ name: 'Paul Dupont', jobTitle: 'Gérant', email: 'paul@garage-dupont.fr' }],
  addresses: [{ kind: 'billing', line1: '4 route de Lyon', postalCode: '38000', city: 'Grenoble' }],
};

describe.each(DIALECTS)('parties over HTTP on %s', (dialect) => {
  let server: TestServer;
  let owner: Client;
  let orgId: string;
  let otherOrgId: string;
  let base: string;
  beforeAll(async () => {
    server = await startTestServer(dialect);
    const user = await buildUser(server.store.db);
    orgId = (await buildOrganisation(server.store.db, user.id)).id;
    otherOrgId = (await buildOrganisation(server.store.db, (await buildUser(server.store.db)).id)).id;
    owner = await loginAs(server.app, user.email, TEST_PASSWORD);
    base = `/api/v1/orgs/${orgId}/parties`;
  });
  afterAll(async () => {
    await server?.close();
  });

  it('lists at once what another connection or process has just written (the list cache never goes stale)', async () => {
    const list = async () => (await owner.request('GET', `${base}?limit=200&sort=name`)).body;
    const before = await list();
    expect(await list()).toEqual(before);
    // Another process's connection to the same database: the server's cache cannot know of it but by the
    // database itself.
    const other = openStore(server.store.url);
    try {
      await buildParty(other.db, orgId, { name: 'Écrit par un autre processus' });
    } finally {
      await other.close();
    }
    const after = await list();
    expect(after.total).toBe(before.total + 1);
    expect(after.items.map((p: { name: string }) => p.name)).toContain('Écrit par un autre processus');
    const renamed = await owner.request(
      'PUT',
      `${base}/${after.items.find((p: { name: string }) => p.name === 'Écrit par un autre processus').id}`,
      {
        kind: 'organisation',
        name: 'Renommé par ce serveur',
        roles: ['customer'],
      },
    );
    expect(renamed.status).toBe(200);
    expect((await list()).items.map((p: { name: string }) => p.name)).toContain('Renommé par ce serveur');
  });

  const partyCount = async (org: string) =>
    (await server.store.db.selectFrom('party').select('id').where('org_id', '=', org).execute()).length;

  it('creates, reads, updates, archives and restores a party, normalising identifiers', async () => {
    const created = await owner.request('POST', base, fullParty);
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({
      siren: '732829320',
      email: 'contact@garage-dupont.fr',
      iban: 'FR7630006000011234567890189',
      bic: 'AGRIFRPP',
      roles: ['customer', 'supplier'],
    });
    const id = created.body.id as string;
    expect((await owner.request('GET', `${base}/${id}`)).body.addresses[0]).toMatchObject({
      city: 'Grenoble',
      country: 'FR',
    });
    const updated = await owner.request('PUT', `${base}/${id}`, {
      ...fullParty,
      name: 'Garage Dupont & Fils',
      contacts: [],
    });
    expect(updated.body).toMatchObject({ name: 'Garage Dupont & Fils', contacts: [] });
    expect((await owner.request('POST', `${base}/${id}/archive`)).body.archivedAt).toBeTruthy();
    expect((await owner.request('GET', `${base}?q=dupont`)).body.total).toBe(0);
    expect((await owner.request('GET', `${base}?q=dupont&archived=include`)).body.total).toBe(1);
    expect((await owner.request('POST', `${base}/${id}/restore`)).body.archivedAt).toBeNull();
  });

  it('answers bad input with a 400 problem in French, per field, and writes nothing', async () => {
    const before = await partyCount(orgId);
    const r = await owner.request('POST', base, {
      kind: 'organisation',
      name: '',
      roles: [],
      siren: '123456789',
      vatNumber: 'FR00732829320',
      iban: 'FR76 3000 6000 0112 3456 7890 180',
      addresses: [{ kind: 'billing', line1: 'x', postalCode: '123', city: 'Y' }],
    });
    expect(r.status).toBe(400);
    expect(r.headers['content-type']).toContain('application/problem+json');
    const fields = Object.fromEntries(
      (r.body.errors as { field: string; message: string }[]).map((e) => [e.field, e.message]),
    );
    expect(fields).toMatchObject({
      name: 'Le nom est obligatoire.',
      roles: 'Choisissez au moins un rôle (client, fournisseur…).',
      siren: 'Le numéro SIREN doit comporter 9 chiffres et une clé de contrôle valide.',
      'addresses.0.postalCode': 'Le code postal doit comporter 5 chiffres.',
    });
    expect(fields.iban).toMatch(/IBAN/);
    expect(await partyCount(orgId)).toBe(before);

    const wrongTypes = await owner.request('POST', base, { kind: 'robot', name: 42, roles: 'customer' });
    expect(wrongTypes.status).toBe(400);
    expect(wrongTypes.body.errors.length).toBeGreaterThanOrEqual(3);
    const malformed = await owner.request('POST', base, '{"name": ', { 'content-type': 'application/json' });
    expect(malformed.status).toBe(400);
    expect(malformed.body.title).toBe('Requête mal formée');
    const badQuery = await owner.request('GET', `${base}?limit=abc&sort=price`);
    expect(badQuery.status).toBe(400);
    expect(await partyCount(orgId)).toBe(before);
  });

  it('answers 404 for another organisation and its parties, whatever the route', async () => {
    const foreign = await buildParty(server.store.db, otherOrgId, { name: 'Confidentiel' });
    const attempts = [
      owner.request('GET', `/api/v1/orgs/${otherOrgId}/parties`),
      owner.request('GET', `/api/v1/orgs/${otherOrgId}/parties/${foreign.id}`),
      owner.request('POST', `/api/v1/orgs/${otherOrgId}/parties`, fullParty),
      owner.request('GET', `/api/v1/orgs/${otherOrgId}`),
      owner.request('GET', `${base}/${foreign.id}`),
      owner.request('PUT', `${base}/${foreign.id}`, fullParty),
      owner.request('POST', `${base}/${foreign.id}/archive`),
    ];
    for (const r of await Promise.all(attempts)) {
      expect(r.status).toBe(404);
      expect(r.raw).not.toContain('Confidentiel');
    }
    expect(
      (
        await server.store.db
          .selectFrom('party')
          .selectAll()
          .where('id', '=', foreign.id)
          .executeTakeFirstOrThrow()
      ).archived_at,
    ).toBeNull();
  });

  it('replays a creation with the same Idempotency-Key instead of creating twice', async () => {
    const before = await partyCount(orgId);
    const headers = { 'idempotency-key': 'party-create-0001' };
    const first = await owner.request('POST', base, { ...fullParty, name: 'Une seule fois' }, headers);
    const second = await owner.request('POST', base, { ...fullParty, name: 'Une seule fois' }, headers);
    expect(first.status).toBe(201);
    expect(second.status).toBe(201);
    expect(second.body.id).toBe(first.body.id);
    expect(await partyCount(orgId)).toBe(before + 1);
  });

  it('lets a viewer read but not write, and hides members from the assistant', async () => {
    const viewerUser = await buildUser(server.store.db);
    await server.store.db
      .transaction()
      .execute((trx) => setMembership(trx, { orgId, userId: viewerUser.id, role: 'viewer', actorId: null }));
    const viewer = await loginAs(server.app, viewerUser.email, TEST_PASSWORD);
    expect((await viewer.request('GET', base)).status).toBe(200);
    const denied = await viewer.request('POST', base, fullParty);
    expect(denied.status).toBe(403);
    expect(denied.body.title).toBe('Accès refusé');
    expect((await viewer.request('GET', `/api/v1/orgs/${orgId}/members`)).status).toBe(403);
    expect(
      (
        await viewer.request('PUT', `/api/v1/orgs/${orgId}`, {
          name: 'X',
          kind: 'association',
          vatRegime: 'not_liable',
        })
      ).status,
    ).toBe(403);
  });

  it('exports the filtered list as CSV for French spreadsheets and as a real XLSX workbook', async () => {
    await owner.request('POST', base, {
      kind: 'person',
      name: '=HYPERLINK("http://evil")',
      roles: ['prospect'],
    });
    const csv = await owner.request('GET', `${base}/export?format=csv&role=prospect`);
    expect(csv.status).toBe(200);
    expect(csv.headers['content-type']).toContain('text/csv');
    expect(String(csv.headers['content-disposition'])).toMatch(
      /attachment; filename="tiers-\d{4}-\d{2}-\d{2}\.csv"/,
    );
    expect(csv.raw.startsWith('\uFEFFNom;Type;Rôles;')).toBe(true);
    const lines = csv.raw.trim().split('\r\n');
    expect(lines).toHaveLength(2);
    expect(lines[1]).toContain(`"'=HYPERLINK(""http://evil"")";personne;prospect`);

    const xlsx = await server.app.inject({
      method: 'GET',
      url: `${base}/export?format=xlsx&archived=include`,
      headers: { cookie: owner.cookie },
    });
    expect(xlsx.headers['content-type']).toContain('spreadsheetml');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer);
    const sheet = workbook.getWorksheet('Tiers')!;
    expect(sheet.getRow(1).getCell(1).value).toBe('Nom');
    expect(sheet.rowCount - 1).toBe((await owner.request('GET', `${base}?archived=include`)).body.total);
  });
});
