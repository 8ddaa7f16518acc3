import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { setMembership } from '../../src/kernel/users/users.ts';
import { employeeData } from '../../src/personnel/expenses/test-helpers.ts';
import { createEmployee } from '../../src/personnel/index.ts';
import { salesOrganisation } from '../../src/relations/test-helpers.ts';
import { buildUser, TEST_PASSWORD } from '../support/factories.ts';
import { type Client, loginAs, startTestServer, type TestServer } from '../support/http.ts';
import { pdfText } from '../support/pdf-text.ts';
import { DIALECTS } from '../support/test-db.ts';

// Travel orders and expense reports over HTTP (decision 0037). The figures are those of the worked example
// of test/integration/expenses.int.test.ts: 420 km at 5 CV → 420 × 0,636 = 267,12 € (barème kilométrique,
// first band), a 30,00 € restaurant meal with 2,73 € of VAT, 8,60 € above the URSSAF limit of 21,40 €.

describe.each(DIALECTS)('staff travel over HTTP on %s', (dialect) => {
  let server: TestServer;
  let owner: Client;
  let accountant: Client;
  let stranger: Client;
  let orgId: string;
  let employeeId: string;

  beforeAll(async () => {
    server = await startTestServer(dialect);
    const user = await buildUser(server.store.db);
    orgId = (await salesOrganisation(server.store.db, { name: 'Atelier Vercors' }, user.id)).id;
    const other = await buildUser(server.store.db);
    await salesOrganisation(server.store.db, {}, other.id);
    const counter = await buildUser(server.store.db);
    await server.store.db
      .transaction()
      .execute((trx) => setMembership(trx, { orgId, userId: counter.id, role: 'accountant', actorId: null }));
    employeeId = (
      await server.store.db
        .transaction()
        .execute((trx) =>
          createEmployee(trx, orgId, employeeData({ lastName: 'Girard', firstName: 'Hugo' }), null),
        )
    ).id;
    owner = await loginAs(server.app, user.email, TEST_PASSWORD);
    accountant = await loginAs(server.app, counter.email, TEST_PASSWORD);
    stranger = await loginAs(server.app, other.email, TEST_PASSWORD);
  });
  afterAll(async () => {
    await server?.close();
  });

  const base = () => `/api/v1/orgs/${orgId}`;
  const report = (overrides: Record<string, unknown> = {}) => ({
    employeeId,
    title: 'Mission Lyon',
    reportDate: '2026-03-12',
    lines: [
      {
        kind: 'mileage',
        date: '2026-03-09',
        fromPlace: 'Grenoble',
        toPlace: 'Lyon',
        km: 420,
        fiscalPower: 5,
      },
      { kind: 'meal', date: '2026-03-09', label: 'Déjeuner client', amount: 3000, vat: 273 },
    ],
    ...overrides,
  });

  it('approves an order, enters, validates and reimburses a report less the advance; the PDF shows the computation', async () => {
    const order = await owner.request('POST', `${base()}/travel-orders`, {
      employeeId,
      purpose: 'Installation',
      destination: 'Lyon',
      departureDate: '2026-03-09',
      returnDate: '2026-03-10',
      transport: 'personal_car',
      fiscalPower: 5,
      estimatedCost: 40000,
      advance: 10000,
    });
    expect(order.status).toBe(201);
    const approved = await owner.request('POST', `${base()}/travel-orders/${order.body.id}/approve`);
    expect(approved.body).toMatchObject({ status: 'approved', number: 'OM-2026-0001' });
    const advanced = await owner.request('POST', `${base()}/travel-orders/${order.body.id}/advance`, {
      date: '2026-03-05',
      method: 'transfer',
    });
    expect(advanced.body.advancePaidOn).toBe('2026-03-05');

    const created = await owner.request(
      'POST',
      `${base()}/expense-reports`,
      report({ travelOrderId: order.body.id }),
    );
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ status: 'draft', total: 29712, advance: 10000, amountDue: 19712 });
    const id = created.body.id;
    const validated = await owner.request('POST', `${base()}/expense-reports/${id}/validate`);
    expect(validated.status).toBe(200);
    expect(validated.body).toMatchObject({ number: 'NDF-2026-0001', status: 'validated' });
    expect((await owner.request('POST', `${base()}/expense-reports/${id}/validate`)).status).toBe(409);
    const ytd = await owner.request(
      'GET',
      `${base()}/expense-reports/mileage?employeeId=${employeeId}&year=2026`,
    );
    expect(ytd.body.vehicles).toEqual([
      { key: '2026:5:t', powerClass: '5', electric: false, km: 420, allowance: 26712 },
    ]);

    const reimbursed = await owner.request('POST', `${base()}/expense-reports/${id}/reimburse`, {
      date: '2026-03-20',
      method: 'transfer',
    });
    expect(reimbursed.body).toMatchObject({ status: 'reimbursed', amountDue: 19712 });

    const pdf = await server.app.inject({
      method: 'GET',
      url: `${base()}/expense-reports/${id}/pdf`,
      headers: { cookie: owner.cookie },
    });
    expect(pdf.statusCode).toBe(200);
    expect(pdf.headers['content-type']).toBe('application/pdf');
    expect(pdf.headers['content-disposition']).toContain('note-de-frais-NDF-2026-0001.pdf');
    const text = pdfText(pdf.rawPayload).replace(/\s+/g, ' ');
    expect(text).toContain('Note de frais NDF-2026-0001 – Hugo Girard');
    expect(text).toMatch(/Grenoble → Lyon, 420 km, 5 CV 6251 0,00 267,12/);
    expect(text).toContain('Barème d × 0,636 ; cumul annuel 0 km → 420 km');
    expect(text).toContain('Indemnité = 267,12 € (420 km) − 0,00 € (0 km) = 267,12 €');
    expect(text).toContain('Au-delà de la limite URSSAF (21,40 €) : 8,60 € soumis à cotisations');
    expect(text).toMatch(/Total 2,73 297,12/);
    expect(text).toMatch(/Avance versée \(ordre de mission OM-2026-0001\) -100,00/);
    expect(text).toMatch(/Net à rembourser au salarié 197,12/);
    expect(text).toContain('Signature du salarié');
    expect(text).toContain('Visa du responsable');
  });

  it('answers bad input with a French 400 and writes nothing', async () => {
    const before = (await owner.request('GET', `${base()}/expense-reports`)).body.items.length;
    const noVatOnMileage = await owner.request(
      'POST',
      `${base()}/expense-reports`,
      report({
        lines: [
          {
            kind: 'mileage',
            date: '2026-03-09',
            fromPlace: 'A',
            toPlace: 'B',
            km: 10,
            fiscalPower: 4,
            vat: 100,
          },
        ],
      }),
    );
    expect(noVatOnMileage.status).toBe(400);
    expect(noVatOnMileage.body.detail).toMatch(/Pas de TVA récupérable sur des indemnités kilométriques/);
    const noLines = await owner.request('POST', `${base()}/expense-reports`, report({ lines: [] }));
    expect(noLines.status).toBe(400);
    expect(JSON.stringify(noLines.body)).toContain('Une note de frais compte au moins une ligne.');
    const noPower = await owner.request('POST', `${base()}/travel-orders`, {
      employeeId,
      purpose: 'Salon',
      destination: 'Paris',
      departureDate: '2026-04-02',
      returnDate: '2026-04-01',
      transport: 'personal_car',
    });
    expect(noPower.status).toBe(400);
    expect(JSON.stringify(noPower.body)).toContain('Le retour ne peut précéder le départ.');
    expect((await owner.request('GET', `${base()}/expense-reports`)).body.items.length).toBe(before);
  });

  it('hides the reports from another organisation (404) and from a role without personnel.read (403)', async () => {
    const created = await owner.request('POST', `${base()}/expense-reports`, report());
    const url = `${base()}/expense-reports/${created.body.id}`;
    expect((await stranger.request('GET', url)).status).toBe(404);
    expect((await stranger.request('POST', `${url}/validate`)).status).toBe(404);
    const denied = await accountant.request('GET', `${base()}/expense-reports`);
    expect(denied.status).toBe(403);
    expect(denied.body.detail).toMatch(/droits/);
    expect((await accountant.request('GET', url)).status).toBe(403);
    expect((await accountant.request('GET', `${base()}/travel-orders`)).status).toBe(403);
    expect((await owner.request('GET', url)).body.status).toBe('draft');
  });
});
