import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { salesCustomer, salesOrganisation } from '../../src/relations/test-helpers.ts';
import { buildUser, TEST_PASSWORD } from '../support/factories.ts';
import { type Client, loginAs, startTestServer, type TestServer } from '../support/http.ts';
import { countRows } from '../support/schema.ts';
import { DIALECTS } from '../support/test-db.ts';

describe.each(DIALECTS)('sales documents over HTTP on %s', (dialect) => {
  let server: TestServer;
  let owner: Client;
  let orgId: string;
  let otherOrgId: string;
  let customerId: string;
  let base: string;

  beforeAll(async () => {
    server = await startTestServer(dialect);
    const user = await buildUser(server.store.db);
    orgId = (await salesOrganisation(server.store.db, {}, user.id)).id;
    otherOrgId = (await salesOrganisation(server.store.db, {}, (await buildUser(server.store.db)).id)).id;
    customerId = (await salesCustomer(server.store.db, orgId)).id;
    owner = await loginAs(server.app, user.email, TEST_PASSWORD);
    base = `/api/v1/orgs/${orgId}`;
  });
  afterAll(async () => {
    await server?.close();
  });

  const quoteBody = (over: Record<string, unknown> = {}) => ({
    partyId: customerId,
    lines: [
      {
        label: 'Bureau',
        kind: 'goods',
        quantity: '3',
        unitPrice: '250',
        vatRate: '20',
        discountPercent: '5',
      },
      { label: 'Montage', quantity: '2', unit: 'HUR', unitPrice: '45', vatRate: '20' },
    ],
    ...over,
  });

  const snapshot = async () => ({
    documents: await countRows(server.store.db, 'relations_sales_document', orgId),
    lines: await countRows(server.store.db, 'relations_sales_document_line', orgId),
    counters: await countRows(server.store.db, 'numbering_counter', orgId),
  });

  it('refuses bad input with a French problem and writes nothing', async () => {
    const before = await snapshot();
    const noLine = await owner.request('POST', `${base}/quotes`, quoteBody({ lines: [] }));
    expect(noLine.status).toBe(400);
    expect(noLine.headers['content-type']).toMatch(/application\/problem\+json/);
    expect(noLine.body.errors).toContainEqual({
      field: 'lines',
      message: 'Un devis compte au moins une ligne.',
    });
    const negative = await owner.request(
      'POST',
      `${base}/quotes`,
      quoteBody({ lines: [{ label: 'Retour', quantity: '-1', unitPrice: '10', vatRate: '20' }] }),
    );
    expect(negative.status).toBe(400);
    expect(negative.body.errors[0]).toMatchObject({ field: 'lines.0.quantity' });
    const unknown = await owner.request('POST', `${base}/quotes`, quoteBody({ partyId: 'nobody' }));
    expect(unknown.status).toBe(400);
    expect(unknown.body.detail ?? unknown.body.title).toMatch(/inconnu/);
    expect(await snapshot()).toEqual(before);
  });

  it('quote → order → partial delivery → invoice, numbered DE/BC/BL/FA, another org answers 404', async () => {
    const quote = await owner.request('POST', `${base}/quotes`, quoteBody(), {
      'idempotency-key': 'quote-key-1',
    });
    expect(quote.status).toBe(201);
    const replay = await owner.request('POST', `${base}/quotes`, quoteBody(), {
      'idempotency-key': 'quote-key-1',
    });
    expect(replay.body.id).toBe(quote.body.id);
    expect((await owner.request('GET', `${base}/quotes/${quote.body.id}/pdf`)).status).toBe(409);
    const early = await owner.request('POST', `${base}/quotes/${quote.body.id}/accept`);
    expect(early.status).toBe(422);
    expect(early.body.detail).toMatch(/Envoyez le devis/);
    const sent = await owner.request('POST', `${base}/quotes/${quote.body.id}/send`);
    expect(sent.body).toMatchObject({ status: 'sent', number: expect.stringMatching(/^DE-\d{4}-00001$/) });
    expect((await owner.request('PUT', `${base}/quotes/${quote.body.id}`, quoteBody())).status).toBe(409);
    const pdf = await server.app.inject({
      method: 'GET',
      url: `${base}/quotes/${quote.body.id}/pdf`,
      headers: { cookie: owner.cookie },
    });
    expect(pdf.statusCode).toBe(200);
    expect(pdf.headers['content-type']).toBe('application/pdf');
    expect(pdf.rawPayload.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    const accepted = await owner.request('POST', `${base}/quotes/${quote.body.id}/accept`);
    expect(accepted.status).toBe(200);
    const order = accepted.body.order;
    expect(order).toMatchObject({ kind: 'order', status: 'confirmed', sourceId: quote.body.id });
    expect(order.lines).toHaveLength(2);
    expect((await owner.request('GET', `/api/v1/orgs/${otherOrgId}/sales-orders/${order.id}`)).status).toBe(
      404,
    );
    // An order is not a quote: each path reads its own kind only.
    expect((await owner.request('GET', `${base}/quotes/${order.id}`)).status).toBe(404);

    const delivery = await owner.request('POST', `${base}/sales-orders/${order.id}/delivery-notes`, {
      lines: [{ orderLineId: order.lines[0].id, quantity: '1' }],
    });
    expect(delivery.status).toBe(201);
    expect(delivery.body.number).toMatch(/^BL-/);
    const tooMuch = await owner.request('POST', `${base}/sales-orders/${order.id}/delivery-notes`, {
      lines: [{ orderLineId: order.lines[0].id, quantity: '5' }],
    });
    expect(tooMuch.status).toBe(400);
    expect(tooMuch.body.errors[0].message).toMatch(/reste à livrer \(2\.000\)/);

    const invoice = await owner.request('POST', `${base}/sales-orders/${order.id}/invoice`);
    expect(invoice.status).toBe(201);
    expect(invoice.body.lines.map((l: { quantity: string }) => l.quantity)).toEqual(['1.000', '2.000']);
    const validated = await owner.request('POST', `${base}/invoices/${invoice.body.id}/validate`);
    expect(validated.body.number).toMatch(/^FA-/);
    const progress = await owner.request('GET', `${base}/sales-orders/${order.id}`);
    expect(progress.body.lines.map((l: { toDeliver: string }) => l.toDeliver)).toEqual(['2.000', '0.000']);
    expect((await owner.request('GET', `${base}/delivery-notes`)).body.total).toBe(1);
    expect((await owner.request('GET', `${base}/quotes?status=accepted`)).body.total).toBe(1);
  });

  it('a down payment on an order and the invoice to a company without SIREN is refused in French', async () => {
    const noSiren = await salesCustomer(server.store.db, orgId, { siren: null, name: 'Sans SIREN SARL' });
    const created = await owner.request('POST', `${base}/sales-orders`, quoteBody({ partyId: noSiren.id }));
    expect(created.body.status).toBe('draft');
    const order = await owner.request('POST', `${base}/sales-orders/${created.body.id}/confirm`);
    expect(order.body.number).toMatch(/^BC-/);
    const both = await owner.request('POST', `${base}/sales-orders/${order.body.id}/down-payment`, {
      percent: '10',
      amount: '100',
    });
    expect(both.status).toBe(400);
    const down = await owner.request('POST', `${base}/sales-orders/${order.body.id}/down-payment`, {
      percent: '30',
    });
    expect(down.status).toBe(201);
    expect(down.body.lines[0].revenueAccount).toBe('4191');
    const refused = await owner.request('POST', `${base}/invoices/${down.body.id}/validate`);
    expect(refused.status).toBe(422);
    expect(refused.body.detail).toMatch(/SIREN/);
    expect((await owner.request('GET', `${base}/invoices/${down.body.id}`)).body.status).toBe('draft');
  });

  it('contracts: periodic invoice drafts generated once', async () => {
    const contract = await owner.request('POST', `${base}/contracts`, {
      partyId: customerId,
      label: 'Maintenance informatique',
      periodicity: 'monthly',
      startDate: '2026-01-01',
      lines: [{ label: 'Forfait maintenance', quantity: '1', unitPrice: '120', vatRate: '20' }],
    });
    expect(contract.status).toBe(201);
    const run = await owner.request('POST', `${base}/contracts/generate-invoices`, { upTo: '2026-03-15' });
    expect(run.body.created).toHaveLength(3);
    const again = await owner.request('POST', `${base}/contracts/generate-invoices`, { upTo: '2026-03-15' });
    expect(again.body.created).toHaveLength(0);
    const stored = await owner.request('GET', `${base}/contracts/${contract.body.id}`);
    expect(stored.body.invoices).toHaveLength(3);
    const bad = await owner.request('POST', `${base}/contracts/generate-invoices`, { upTo: '2026-02-30' });
    expect(bad.status).toBe(400);
  });
});
