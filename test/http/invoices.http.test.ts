import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { invoiceToCii } from '../../src/relations/invoices/factur-x/cii.ts';
import { issuedInvoiceOf, loadInvoice } from '../../src/relations/invoices/invoice-read.ts';
import { salesCustomer, salesOrganisation } from '../../src/relations/test-helpers.ts';
import { buildUser, TEST_PASSWORD } from '../support/factories.ts';
import { type Client, loginAs, startTestServer, type TestServer } from '../support/http.ts';
import { countRows } from '../support/schema.ts';
import { DIALECTS } from '../support/test-db.ts';
import { checkFacturXPdf, EXTERNAL_CHECKS, extractFacturXml } from '../support/validators.ts';

describe.each(DIALECTS)('invoices over HTTP on %s', (dialect) => {
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

  const snapshot = async () => ({
    invoices: await countRows(server.store.db, 'relations_invoice', orgId),
    lines: await countRows(server.store.db, 'relations_invoice_line', orgId),
    entries: await countRows(server.store.db, 'ledger_entry', orgId),
    counters: await countRows(server.store.db, 'numbering_counter', orgId),
    audit: Number(
      (
        await server.store.db
          .selectFrom('audit_head')
          .select('last_seq')
          .where('org_id', '=', orgId)
          .executeTakeFirst()
      )?.last_seq ?? 0,
    ),
  });

  const invoiceBody = (over: Record<string, unknown> = {}) => ({
    customerId,
    issueDate: '2026-09-01',
    lines: [
      { label: 'Audit de stock', quantity: '2,5', unit: 'HUR', unitPrice: '80', vatRate: '20' },
      {
        label: 'Classeurs',
        kind: 'goods',
        quantity: '10',
        unitPrice: '3.15',
        vatRate: 5.5,
        discountPercent: '10',
      },
    ],
    ...over,
  });

  it('manages the catalogue', async () => {
    const item = {
      code: 'CONS-H',
      label: 'Heure de conseil',
      kind: 'service',
      unit: 'HUR',
      unitPrice: '65,5',
      vatRate: '20',
    };
    const created = await owner.request('POST', `${base}/catalogue`, item, {
      'idempotency-key': 'catalogue-key-1',
    });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({
      unitPrice: '65.5000',
      vatRate: '20.00',
      revenueAccount: '706',
      unit: 'HUR',
    });
    const replay = await owner.request('POST', `${base}/catalogue`, item, {
      'idempotency-key': 'catalogue-key-1',
    });
    expect(replay.body.id).toBe(created.body.id);
    const duplicate = await owner.request('POST', `${base}/catalogue`, item);
    expect(duplicate.status).toBe(409);
    const badRate = await owner.request('POST', `${base}/catalogue`, { ...item, code: 'X', vatRate: '19' });
    expect(badRate.status).toBe(400);
    expect(badRate.body.errors[0].message).toMatch(/Taux de TVA inconnu/);
    const updated = await owner.request('PUT', `${base}/catalogue/${created.body.id}`, {
      ...item,
      unitPrice: '70',
    });
    expect(updated.body.unitPrice).toBe('70.0000');
    const list = await owner.request('GET', `${base}/catalogue?q=conseil`);
    expect(list.body.total).toBe(1);
    const used = await owner.request(
      'POST',
      `${base}/invoices`,
      invoiceBody({ lines: [{ itemId: created.body.id, quantity: '1' }] }),
    );
    expect(used.body.lines[0]).toMatchObject({ code: 'CONS-H', unitPrice: '70.0000', netAmount: 7000 });
    expect((await owner.request('DELETE', `${base}/catalogue/${created.body.id}`)).status).toBe(409);
    expect(
      (await owner.request('POST', `${base}/catalogue/${created.body.id}/archive`)).body.archivedAt,
    ).not.toBeNull();
    const spare = await owner.request('POST', `${base}/catalogue`, { ...item, code: 'SPARE' });
    expect((await owner.request('DELETE', `${base}/catalogue/${spare.body.id}`)).status).toBe(204);
    expect((await owner.request('DELETE', `${base}/invoices/${used.body.id}`)).status).toBe(204);
  });

  it('refuses bad input with a French problem and writes nothing', async () => {
    const before = await snapshot();
    const noLine = await owner.request('POST', `${base}/invoices`, invoiceBody({ lines: [] }));
    expect(noLine.status).toBe(400);
    expect(noLine.headers['content-type']).toMatch(/application\/problem\+json/);
    expect(noLine.body.errors).toContainEqual({
      field: 'lines',
      message: 'Une facture compte au moins une ligne.',
    });
    const negative = await owner.request(
      'POST',
      `${base}/invoices`,
      invoiceBody({ lines: [{ label: 'Retour', quantity: '-1', unitPrice: '10', vatRate: '20' }] }),
    );
    expect(negative.status).toBe(400);
    expect(negative.body.errors[0]).toMatchObject({
      field: 'lines.0.quantity',
      message: expect.stringContaining('avoir'),
    });
    const unknownCustomer = await owner.request(
      'POST',
      `${base}/invoices`,
      invoiceBody({ customerId: 'nobody' }),
    );
    expect(unknownCustomer.status).toBe(400);
    expect(await snapshot()).toEqual(before);

    const noSiren = await salesCustomer(server.store.db, orgId, { siren: null, name: 'SARL Sans Siren' });
    const created = await owner.request('POST', `${base}/invoices`, invoiceBody({ customerId: noSiren.id }));
    expect(created.status).toBe(201);
    const afterDraft = await snapshot();
    const refused = await owner.request('POST', `${base}/invoices/${created.body.id}/validate`);
    expect(refused.status).toBe(422);
    expect(refused.body).toMatchObject({ title: 'Règle de gestion non respectée' });
    expect(refused.body.detail).toBe(
      'Le client « SARL Sans Siren » est une entreprise établie en France : son numéro SIREN doit figurer sur la facture. Complétez sa fiche.',
    );
    expect(await snapshot()).toEqual(afterDraft);
    expect((await owner.request('GET', `${base}/invoices/${created.body.id}/pdf`)).status).toBe(409);
  });

  it('drafts once per Idempotency-Key, validates, serves the issued Factur-X PDF, and never changes it', async () => {
    const headers = { 'idempotency-key': 'invoice-key-0001' };
    const created = await owner.request('POST', `${base}/invoices`, invoiceBody(), headers);
    expect(created.status).toBe(201);
    const replay = await owner.request('POST', `${base}/invoices`, invoiceBody(), headers);
    expect(replay.body.id).toBe(created.body.id);
    const edited = await owner.request(
      'PUT',
      `${base}/invoices/${created.body.id}`,
      invoiceBody({ notes: 'Merci de votre confiance.' }),
    );
    expect(edited.body.notes).toBe('Merci de votre confiance.');

    const validated = await owner.request('POST', `${base}/invoices/${created.body.id}/validate`);
    expect(validated.status).toBe(200);
    expect(validated.body).toMatchObject({ status: 'validated', number: 'FA-2026-00001' });
    // 2,5 × 80 = 200,00 at 20 %; 10 × 3,15 = 31,50 − 10 % = 28,35 at 5,5 %.
    expect(validated.body).toMatchObject({ totalNet: 22835, totalVat: 4000 + 156, total: 22835 + 4156 });
    expect(validated.body.documentId).toBeTruthy();

    const pdf = await server.app.inject({
      method: 'GET',
      url: `${base}/invoices/${created.body.id}/pdf`,
      headers: { cookie: owner.cookie },
    });
    expect(pdf.statusCode).toBe(200);
    expect(pdf.headers['content-type']).toBe('application/pdf');
    expect(pdf.rawPayload.subarray(0, 8).toString()).toBe('%PDF-1.7');
    const document = await owner.request('GET', `${base}/documents/${validated.body.documentId}`);
    expect(document.headers['x-content-sha256']).toBe(pdf.headers['x-content-sha256']);
    if (EXTERNAL_CHECKS) {
      const expected = invoiceToCii(
        issuedInvoiceOf(await loadInvoice(server.store.db, orgId, created.body.id), null),
      );
      expect(await extractFacturXml(pdf.rawPayload)).toBe(expected);
      const check = await checkFacturXPdf(pdf.rawPayload);
      expect(check.output).toContain('RESULT: PASS');
    }

    expect((await owner.request('PUT', `${base}/invoices/${created.body.id}`, invoiceBody())).status).toBe(
      409,
    );
    expect((await owner.request('DELETE', `${base}/invoices/${created.body.id}`)).status).toBe(409);
    expect((await owner.request('POST', `${base}/invoices/${created.body.id}/validate`)).status).toBe(409);

    const credit = await owner.request('POST', `${base}/invoices/${created.body.id}/credit-note`, undefined, {
      'idempotency-key': 'credit-key-0001',
    });
    expect(credit.status).toBe(201);
    expect(credit.body).toMatchObject({
      kind: 'credit_note',
      creditedInvoiceId: created.body.id,
      status: 'draft',
    });
    // Dated explicitly: left empty it would take today's date, and the test must not depend on it.
    const dated = await owner.request(
      'PUT',
      `${base}/invoices/${credit.body.id}`,
      invoiceBody({ issueDate: '2026-09-02' }),
    );
    expect(dated.status).toBe(200);
    const creditNote = await owner.request('POST', `${base}/invoices/${credit.body.id}/validate`);
    expect(creditNote.body).toMatchObject({ number: 'AV-2026-00001', total: validated.body.total });
    const creditPdf = await server.app.inject({
      method: 'GET',
      url: `${base}/invoices/${credit.body.id}/pdf`,
      headers: { cookie: owner.cookie },
    });
    expect(creditPdf.statusCode).toBe(200);
    if (EXTERNAL_CHECKS)
      expect((await checkFacturXPdf(creditPdf.rawPayload)).output).toContain('RESULT: PASS');
  }, 120_000);

  it('lists with filters and pagination', async () => {
    const all = await owner.request('GET', `${base}/invoices?limit=100`);
    expect(all.status).toBe(200);
    const validated = await owner.request(
      'GET',
      `${base}/invoices?status=validated&from=2026-09-01&to=2026-09-30`,
    );
    expect(validated.body.items.map((i: { number: string }) => i.number).sort()).toEqual([
      'AV-2026-00001',
      'FA-2026-00001',
    ]);
    const page = await owner.request('GET', `${base}/invoices?limit=1&offset=1`);
    expect(page.body.items).toHaveLength(1);
    expect(page.body.total).toBe(all.body.total);
    const byCustomer = await owner.request(
      'GET',
      `${base}/invoices?customerId=${customerId}&kind=invoice&status=validated`,
    );
    expect(byCustomer.body.items.map((i: { number: string }) => i.number)).toEqual(['FA-2026-00001']);
    expect((await owner.request('GET', `${base}/invoices?status=paid`)).status).toBe(400);
  });

  it('answers 404 for another organisation’s invoice', async () => {
    const [invoice] = (await owner.request('GET', `${base}/invoices?status=validated&kind=invoice`)).body
      .items;
    for (const [method, path] of [
      ['GET', ''],
      ['GET', '/pdf'],
      ['PUT', ''],
      ['DELETE', ''],
      ['POST', '/validate'],
      ['POST', '/credit-note'],
    ] as const) {
      const r = await owner.request(
        method,
        `/api/v1/orgs/${otherOrgId}/invoices/${invoice.id}${path}`,
        method === 'PUT' ? invoiceBody() : undefined,
      );
      expect(r.status, `${method} ${path}`).toBe(404);
    }
  });
});
