import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { setMembership } from '../../src/kernel/users/users.ts';
import { salesOrganisation } from '../../src/relations/test-helpers.ts';
import { buildUser, TEST_PASSWORD } from '../support/factories.ts';
import { type Client, loginAs, startTestServer, type TestServer } from '../support/http.ts';
import { pdfText } from '../support/pdf-text.ts';
import { countRows } from '../support/schema.ts';
import { DIALECTS } from '../support/test-db.ts';

// The cash plan over HTTP (decision 0047): viewers read it, forecast lines need ledger.write, another
// organisation's forecast answers 404, bad input is refused in French and writes nothing.
describe.each(DIALECTS)('cash plan over HTTP on %s', (dialect) => {
  let server: TestServer;
  let owner: Client;
  let viewer: Client;
  let stranger: Client;
  let orgId: string;
  let otherOrgId: string;
  let base: string;

  beforeAll(async () => {
    server = await startTestServer(dialect);
    const user = await buildUser(server.store.db);
    const reader = await buildUser(server.store.db);
    const other = await buildUser(server.store.db);
    orgId = (await salesOrganisation(server.store.db, { name: 'Atelier Lumière' }, user.id)).id;
    otherOrgId = (await salesOrganisation(server.store.db, {}, other.id)).id;
    await server.store.db
      .transaction()
      .execute((trx) => setMembership(trx, { orgId, userId: reader.id, role: 'viewer', actorId: null }));
    owner = await loginAs(server.app, user.email, TEST_PASSWORD);
    viewer = await loginAs(server.app, reader.email, TEST_PASSWORD);
    stranger = await loginAs(server.app, other.email, TEST_PASSWORD);
    base = `/api/v1/orgs/${orgId}/cash-plan`;
  });
  afterAll(async () => {
    await server?.close();
  });

  it('adds forecast lines that the plan spreads over its months, and exports it', async () => {
    const created = await owner.request('POST', `${base}/forecasts`, {
      label: 'Remboursement d’emprunt',
      direction: 'out',
      amount: 45000,
      firstMonth: '2026-04',
      occurrences: 2,
    });
    expect(created.status).toBe(201);
    const plan = await viewer.request('GET', `${base}?asOf=2026-03-31&months=3`);
    expect(plan.status).toBe(200);
    expect(plan.body.months).toEqual(['2026-03', '2026-04', '2026-05']);
    expect(
      plan.body.rows.find((r: { forecastId: string }) => r.forecastId === created.body.id).amounts,
    ).toEqual([0, 45000, 45000]);
    expect(plan.body.totals.disbursements).toEqual([0, 45000, 45000]);
    expect(plan.body.totals.end).toEqual([0, -45000, -90000]);
    expect(plan.body.firstShortfall).toBe('2026-04');
    expect(plan.body.forecasts).toEqual([created.body]);

    const pdf = await server.app.inject({
      method: 'GET',
      url: `${base}/export?asOf=2026-03-31&months=3&format=pdf`,
      headers: { cookie: viewer.cookie },
    });
    expect(pdf.statusCode).toBe(200);
    expect(pdf.headers['content-disposition']).toBe(
      'attachment; filename="plan-de-tresorerie-2026-03-31.pdf"',
    );
    expect(pdfText(pdf.rawPayload)).toContain('Remboursement d’emprunt');
    const csv = await viewer.request('GET', `${base}/export?asOf=2026-03-31&months=3&format=csv`);
    expect(csv.raw).toContain('Trésorerie en fin de mois');
  });

  it('refuses bad input in French and writes nothing', async () => {
    const before = await countRows(server.store.db, 'production_cash_forecast', orgId);
    const bad = await owner.request('POST', `${base}/forecasts`, {
      label: '',
      direction: 'sideways',
      amount: -10,
      firstMonth: '2026-13',
    });
    expect(bad.status).toBe(400);
    expect(bad.body.errors.map((e: { message: string }) => e.message)).toEqual(
      expect.arrayContaining([
        'Libellé obligatoire.',
        'Sens : encaissement (in) ou décaissement (out).',
        'Le montant doit être positif : le sens dit s’il entre ou s’il sort.',
        'Premier mois : mois au format AAAA-MM attendu.',
      ]),
    );
    const months = await owner.request('GET', `${base}?months=30`);
    expect(months.status).toBe(400);
    expect(JSON.stringify(months.body.errors)).toContain('Nombre de mois : un entier de 1 à 24.');
    expect(await countRows(server.store.db, 'production_cash_forecast', orgId)).toBe(before);
  });

  it('keeps forecasts to their organisation and their writers', async () => {
    const created = await owner.request('POST', `${base}/forecasts`, {
      label: 'Assurance',
      direction: 'out',
      amount: 120000,
      firstMonth: '2026-06',
    });
    const viewerWrite = await viewer.request('DELETE', `${base}/forecasts/${created.body.id}`);
    expect(viewerWrite.status).toBe(403);
    expect((await stranger.request('GET', base)).status).toBe(404);
    const foreign = await stranger.request(
      'DELETE',
      `/api/v1/orgs/${otherOrgId}/cash-plan/forecasts/${created.body.id}`,
    );
    expect(foreign.status).toBe(404);
    expect(await countRows(server.store.db, 'production_cash_forecast', orgId)).toBeGreaterThan(0);
    expect((await owner.request('DELETE', `${base}/forecasts/${created.body.id}`)).status).toBe(204);
    expect((await owner.request('DELETE', `${base}/forecasts/${created.body.id}`)).status).toBe(404);
  });
});
