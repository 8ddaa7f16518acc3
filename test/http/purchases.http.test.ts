import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { salesOrganisation } from '../../src/relations/test-helpers.ts';
import { buildParty, buildUser, TEST_PASSWORD } from '../support/factories.ts';
import { type Client, loginAs, startTestServer, type TestServer } from '../support/http.ts';
import { countRows } from '../support/schema.ts';
import { DIALECTS } from '../support/test-db.ts';

describe.each(DIALECTS)('supplier bills over HTTP on %s', (dialect) => {
  let server: TestServer;
  let owner: Client;
  let viewer: Client;
  let orgId: string;
  let otherOrgId: string;
  let supplierId: string;
  let base: string;

  beforeAll(async () => {
    server = await startTestServer(dialect);
    const user = await buildUser(server.store.db);
    orgId = (await salesOrganisation(server.store.db, { name: 'Menuiserie Roux' }, user.id)).id;
    const other = await buildUser(server.store.db);
    otherOrgId = (await salesOrganisation(server.store.db, {}, other.id)).id;
    supplierId = (await buildParty(server.store.db, orgId, { name: 'Scierie Alpine', roles: ['supplier'] }))
      .id;
    owner = await loginAs(server.app, user.email, TEST_PASSWORD);
    viewer = await loginAs(server.app, other.email, TEST_PASSWORD);
    base = `/api/v1/orgs/${orgId}/supplier-bills`;
  });
  afterAll(async () => {
    await server?.close();
  });

  const body = (supplierRef: string) => ({
    supplierId,
    supplierRef,
    billDate: '2026-02-10',
    dueDate: '2026-03-10',
    lines: [
      { label: 'Planches', netAmount: 10000, vatRate: 2000 },
      { label: 'Livres techniques', account: '6064', netAmount: 5000, vatRate: 550 },
    ],
  });

  it('enters, validates, pays in full: 172,75 € TTC, ACH number, status paid', async () => {
    const created = await owner.request('POST', base, body('SA-501'));
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ status: 'draft', totalVat: 2275, total: 17275 });
    const id = created.body.id;
    const validated = await owner.request('POST', `${base}/${id}/validate`);
    expect(validated.status).toBe(200);
    expect(validated.body).toMatchObject({ number: 'ACH-2026-0001', paymentStatus: 'to_pay' });
    const again = await owner.request('POST', `${base}/${id}/validate`);
    expect(again.status).toBe(409);
    const paid = await owner.request('POST', `${base}/${id}/payments`, {
      date: '2026-03-01',
      method: 'transfer',
      amount: 17275,
    });
    expect(paid.status).toBe(200);
    expect(paid.body).toMatchObject({ paymentStatus: 'paid', leftToPay: 0 });
    const cancel = await owner.request('POST', `${base}/${id}/cancel`, { date: '2026-03-02' });
    expect(cancel.status).toBe(422);
    expect(cancel.body.detail).toMatch(/déjà été payée/);
    const list = await owner.request('GET', `${base}?status=paid`);
    expect(list.status).toBe(200);
    expect(list.body.items.map((b: { id: string }) => b.id)).toEqual([id]);
  });

  it('answers bad input with a French 400 and writes nothing; a duplicate number too', async () => {
    const before = await countRows(server.store.db, 'production_supplier_bill', orgId);
    const bad = await owner.request('POST', base, { ...body(''), billDate: '2026-02-30' });
    expect(bad.status).toBe(400);
    expect(JSON.stringify(bad.body)).toMatch(/date réelle|obligatoire/);
    expect((await owner.request('POST', base, body('SA-777'))).status).toBe(201);
    const duplicate = await owner.request('POST', base, body('SA-777'));
    expect(duplicate.status).toBe(400);
    expect(duplicate.body.detail).toMatch(/déjà enregistrée/);
    expect(await countRows(server.store.db, 'production_supplier_bill', orgId)).toBe(before + 1);
  });

  it('hides one organisation’s bills from another (404)', async () => {
    const created = await owner.request('POST', base, body('SA-900'));
    const id = created.body.id;
    const foreign = `/api/v1/orgs/${otherOrgId}/supplier-bills/${id}`;
    expect((await viewer.request('GET', foreign)).status).toBe(404);
    expect((await viewer.request('POST', `${foreign}/validate`)).status).toBe(404);
    expect(
      (await viewer.request('POST', `/api/v1/orgs/${otherOrgId}/supplier-bills`, body('X'))).status,
    ).toBe(404);
  });

  it('takes a bill from a service provider and lists it in the aged payables, reconciled with 401', async () => {
    const providerId = (
      await buildParty(server.store.db, orgId, { name: 'Conseil Net', roles: ['provider'] })
    ).id;
    const created = await owner.request('POST', base, { ...body('CN-12'), supplierId: providerId });
    expect(created.status).toBe(201);
    expect((await owner.request('POST', `${base}/${created.body.id}/validate`)).status).toBe(200);
    const customerId = (
      await buildParty(server.store.db, orgId, { name: 'Client seul', roles: ['customer'] })
    ).id;
    const refused = await owner.request('POST', base, { ...body('CS-1'), supplierId: customerId });
    expect(refused.status).toBe(400);
    expect(refused.body.detail).toMatch(/ni fournisseur, ni prestataire, ni sous-traitant/);

    const payables = `/api/v1/orgs/${orgId}/payables`;
    const aged = await owner.request('GET', `${payables}?asOf=2026-03-31`);
    expect(aged.status).toBe(200);
    // SA-501 is paid; CN-12 (172,75 €, due 2026-03-10) is 21 days late.
    expect(aged.body.suppliers).toEqual([
      expect.objectContaining({ supplierId: providerId, days0to30: 17275, total: 17275 }),
    ]);
    expect(aged.body.bills.map((b: { supplierRef: string }) => b.supplierRef)).toEqual(['CN-12']);
    expect(aged.body.reconciliation).toEqual({
      openBills: 17275,
      account: '401',
      ledgerBalance: 17275,
      difference: 0,
    });
    const bad = await owner.request('GET', `${payables}?asOf=2026-02-30`);
    expect(bad.status).toBe(400);
    expect(JSON.stringify(bad.body)).toMatch(/date réelle/);
    expect((await viewer.request('GET', payables)).status).toBe(404);
  });
});
