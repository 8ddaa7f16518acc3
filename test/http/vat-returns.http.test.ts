import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { salesCustomer, salesOrganisation, validatedInvoice } from '../../src/relations/test-helpers.ts';
import { buildUser, TEST_PASSWORD } from '../support/factories.ts';
import { type Client, loginAs, startTestServer, type TestServer } from '../support/http.ts';
import { pdfText } from '../support/pdf-text.ts';
import { countRows } from '../support/schema.ts';
import { DIALECTS } from '../support/test-db.ts';

describe.each(DIALECTS)('VAT returns over HTTP on %s', (dialect) => {
  let server: TestServer;
  let owner: Client;
  let stranger: Client;
  let orgId: string;
  let base: string;

  beforeAll(async () => {
    server = await startTestServer(dialect);
    const user = await buildUser(server.store.db);
    orgId = (await salesOrganisation(server.store.db, { name: 'Atelier Morel' }, user.id)).id;
    const customer = await salesCustomer(server.store.db, orgId);
    // Goods at 20 %: 250,00 HT, 50,00 of VAT due in June.
    await validatedInvoice(server.store.db, orgId, customer.id, {
      issueDate: '2026-06-10',
      lines: [{ label: 'Chaise', kind: 'goods', quantity: '2', unitPrice: '125', vatRate: '20' }],
    });
    const other = await buildUser(server.store.db);
    await salesOrganisation(server.store.db, {}, other.id);
    owner = await loginAs(server.app, user.email, TEST_PASSWORD);
    stranger = await loginAs(server.app, other.email, TEST_PASSWORD);
    base = `/api/v1/orgs/${orgId}/vat-returns`;
  });
  afterAll(async () => {
    await server?.close();
  });

  it('shows the June return computed, files it once, lists it', async () => {
    const preview = await owner.request('GET', `${base}/2026-06`);
    expect(preview.status).toBe(200);
    expect(preview.body).toMatchObject({
      status: 'preview',
      vatDue: 50,
      notFileable: null,
      label: 'juin 2026',
    });
    const filed = await owner.request('POST', base, { period: '2026-06' });
    expect(filed.status).toBe(201);
    expect(filed.body).toMatchObject({ status: 'filed', vatDue: 50, entry: { number: expect.any(Number) } });
    const again = await owner.request('POST', base, { period: '2026-06' });
    expect(again.status).toBe(409);
    expect(again.body.detail).toBe('La déclaration de juin 2026 est déjà déposée.');
    const list = await owner.request('GET', base);
    expect(list.body).toMatchObject({
      frequency: 'monthly',
      nextPeriod: '2026-07',
      filed: [{ period: '2026-06', vatDue: 50 }],
    });
  });

  it('exports the filed return as PDF (read back by pdftotext) and CSV', async () => {
    const pdf = await server.app.inject({
      method: 'GET',
      url: `${base}/2026-06/export?format=pdf`,
      headers: { cookie: owner.cookie },
    });
    expect(pdf.statusCode).toBe(200);
    expect(pdf.headers['content-disposition']).toContain('declaration-tva-2026-06.pdf');
    const text = pdfText(pdf.rawPayload).replace(/\s+/g, ' ');
    expect(text).toContain('Déclaration de TVA (CA3) – juin 2026');
    expect(text).toMatch(/08 Taux normal 20 % 250,00 50,00/);
    expect(text).toMatch(/28 TVA nette due 50,00/);
    const csv = await owner.request('GET', `${base}/2026-06/export?format=csv`);
    expect(csv.status).toBe(200);
    expect(csv.raw).toContain('TVA nette due');
  });

  it('answers bad input in French and writes nothing', async () => {
    const before = await countRows(server.store.db, 'production_vat_return', orgId);
    const bad = await owner.request('POST', base, { period: '2026-13' });
    expect(bad.status).toBe(400);
    expect(JSON.stringify(bad.body)).toContain('Période attendue : AAAA-MM');
    const outOfOrder = await owner.request('POST', base, { period: '2026-09' });
    expect(outOfOrder.status).toBe(422);
    expect(outOfOrder.body.detail).toContain('Déposez d’abord la déclaration de juillet 2026');
    const badGet = await owner.request('GET', `${base}/juin`);
    expect(badGet.status).toBe(400);
    expect(await countRows(server.store.db, 'production_vat_return', orgId)).toBe(before);
  });

  it('hides the returns of an organisation from a user of another one', async () => {
    const read = await stranger.request('GET', `${base}/2026-06`);
    expect(read.status).toBe(404);
    const file = await stranger.request('POST', base, { period: '2026-07' });
    expect(file.status).toBe(404);
  });
});
