import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type ParsedMail, simpleParser } from 'mailparser';
import { SMTPServer } from 'smtp-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { salesCustomer, salesOrganisation, validatedInvoice } from '../../src/relations/test-helpers.ts';
import { buildUser, TEST_PASSWORD } from '../support/factories.ts';
import { type Client, loginAs, startTestServer, type TestServer } from '../support/http.ts';
import { countRows } from '../support/schema.ts';
import { DIALECTS } from '../support/test-db.ts';

const pdfText = (bytes: Buffer) => {
  const file = join(mkdtempSync(join(tmpdir(), 'agora-http-pdf-')), 'f.pdf');
  writeFileSync(file, bytes);
  return execFileSync('pdftotext', ['-layout', file, '-'])
    .toString()
    .replace(/[\u00a0\u202f]/g, ' ');
};

describe.each(DIALECTS)('receipts, deposit slips, receivables and reminders over HTTP on %s', (dialect) => {
  let server: TestServer;
  let owner: Client;
  let orgId: string;
  let otherOrgId: string;
  let customerId: string;
  let base: string;
  let invoiceA: string;
  let invoiceB: string;
  const mails: ParsedMail[] = [];
  let smtp: SMTPServer;

  beforeAll(async () => {
    smtp = new SMTPServer({
      authOptional: true,
      disabledCommands: ['STARTTLS'],
      onData(stream, _session, callback) {
        simpleParser(stream).then((m) => {
          mails.push(m);
          callback();
        }, callback);
      },
    });
    await new Promise<void>((resolve) => smtp.listen(0, '127.0.0.1', resolve));
    // The outbox worker runs in the server, as under `agora serve`: reminders by email go through it.
    server = await startTestServer(dialect, { mailWorker: true });
    const user = await buildUser(server.store.db);
    orgId = (await salesOrganisation(server.store.db, { name: 'Menuiserie Roux' }, user.id)).id;
    otherOrgId = (await salesOrganisation(server.store.db, {}, (await buildUser(server.store.db)).id)).id;
    customerId = (
      await salesCustomer(server.store.db, orgId, { name: 'SAS Bois', email: 'paiements@bois.example' })
    ).id;
    const lines = (ht: string) => [{ label: 'Pose', quantity: '1', unitPrice: ht, vatRate: '20' }];
    invoiceA = (
      await validatedInvoice(server.store.db, orgId, customerId, {
        issueDate: '2026-01-30',
        dueDate: '2026-03-01',
        lines: lines('1000'),
      })
    ).id;
    invoiceB = (
      await validatedInvoice(server.store.db, orgId, customerId, {
        issueDate: '2026-01-30',
        dueDate: '2026-02-14',
        lines: lines('500'),
      })
    ).id;
    owner = await loginAs(server.app, user.email, TEST_PASSWORD);
    base = `/api/v1/orgs/${orgId}`;
  });
  afterAll(async () => {
    await server?.close();
    await new Promise<void>((resolve) => smtp.close(() => resolve()));
  });

  const snapshot = async () => ({
    receipts: await countRows(server.store.db, 'relations_receipt', orgId),
    entries: await countRows(server.store.db, 'ledger_entry', orgId),
    counters: await countRows(server.store.db, 'numbering_counter', orgId),
  });

  it('records receipts, refuses bad ones in French, lists and cancels them', async () => {
    const before = await snapshot();
    const over = await owner.request('POST', `${base}/receipts`, {
      customerId,
      date: '2026-02-20',
      method: 'transfer',
      amount: 90000,
      allocations: [{ invoiceId: invoiceB, amount: 60000 }],
    });
    expect(over.status).toBe(400);
    expect(over.body.detail.replace(/[\u00a0\u202f]/g, ' ')).toMatch(/dépasse de 300,00 € ce qui est imputé/);
    expect(over.body.errors[0]).toMatchObject({ field: 'excess' });
    const negative = await owner.request('POST', `${base}/receipts`, {
      customerId,
      date: '2026-02-20',
      method: 'transfer',
      amount: -100,
    });
    expect(negative.status).toBe(400);
    expect(negative.body.errors[0].message).toBe('Montant encaissé : le montant doit être positif.');
    const badMethod = await owner.request('POST', `${base}/receipts`, {
      customerId,
      date: '2026-02-20',
      method: 'bitcoin',
      amount: 100,
    });
    expect(badMethod.status).toBe(400);
    expect(await snapshot()).toEqual(before);

    const cheque = {
      customerId,
      date: '2026-02-20',
      method: 'cheque',
      reference: '7654321',
      amount: 20000,
      allocations: [{ invoiceId: invoiceB, amount: 20000 }],
    };
    const created = await owner.request('POST', `${base}/receipts`, cheque, {
      'idempotency-key': 'receipt-key-0001',
    });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ number: 'RC-2026-0001', allocated: 20000, depositSlipId: null });
    const replay = await owner.request('POST', `${base}/receipts`, cheque, {
      'idempotency-key': 'receipt-key-0001',
    });
    expect(replay.body.id).toBe(created.body.id);

    const invoices = await owner.request('GET', `${base}/invoices?status=validated`);
    const b = invoices.body.items.find((i: { id: string }) => i.id === invoiceB);
    expect(b.payment).toMatchObject({ paid: 20000, remaining: 40000, status: 'overdue' });

    const mistake = await owner.request('POST', `${base}/receipts`, {
      customerId,
      date: '2026-02-21',
      method: 'cash',
      amount: 500,
      excess: 'keep_as_credit',
    });
    expect(mistake.status).toBe(201);
    const cancelled = await owner.request('POST', `${base}/receipts/${mistake.body.id}/cancel`, {
      date: '2026-02-22',
    });
    expect(cancelled.body).toMatchObject({ status: 'cancelled', cancelledOn: '2026-02-22' });

    const undeposited = await owner.request('GET', `${base}/receipts?undeposited=true`);
    expect(undeposited.body.items.map((r: { id: string }) => r.id)).toEqual([created.body.id]);
    const slip = await owner.request('POST', `${base}/deposit-slips`, {
      date: '2026-02-23',
      receiptIds: [created.body.id],
    });
    expect(slip.status).toBe(201);
    expect(slip.body).toMatchObject({ number: 'BR-2026-0001', total: 20000, chequeCount: 1 });
    const pdf = await server.app.inject({
      method: 'GET',
      url: `${base}/deposit-slips/${slip.body.id}/pdf`,
      headers: { cookie: owner.cookie },
    });
    expect(pdf.statusCode).toBe(200);
    const slipText = pdfText(pdf.rawPayload);
    expect(slipText).toContain('Bordereau de remise de chèques n° BR-2026-0001');
    expect(slipText).toContain('7654321');
    expect(slipText).toContain('200,00 €');
    expect((await owner.request('GET', `${base}/deposit-slips`)).body.items).toHaveLength(1);

    // Another organisation's id answers 404.
    expect((await owner.request('GET', `/api/v1/orgs/${otherOrgId}/receipts`)).status).toBe(404);
    expect((await owner.request('GET', `${base}/receipts/${invoiceA}`)).status).toBe(404);
  });

  it('shows aged receivables and sends reminders as PDF and by email', async () => {
    const aged = await owner.request('GET', `${base}/receivables?asOf=2026-04-15`);
    expect(aged.status).toBe(200);
    expect(aged.body.customers[0]).toMatchObject({
      customerName: 'SAS Bois',
      days31to60: 160000,
      total: 160000,
    });
    expect(aged.body.invoices).toHaveLength(2);
    expect(aged.body.credits).toEqual([]);
    expect(aged.body.reconciliation).toEqual({
      openInvoices: 160000,
      credits: 0,
      netDue: 160000,
      account: '411',
      ledgerBalance: 160000,
      difference: 0,
    });
    // On 21 February the 5,00 € cash receipt kept as credit was in force (cancelled on the 22nd).
    const then = await owner.request('GET', `${base}/receivables?asOf=2026-02-21`);
    expect(then.body.credits).toEqual([
      expect.objectContaining({ source: 'receipt', number: 'RC-2026-0002', amount: 500 }),
    ]);
    expect(then.body.reconciliation).toMatchObject({
      openInvoices: 160000,
      credits: 500,
      netDue: 159500,
      ledgerBalance: 159500,
      difference: 0,
    });

    const letter = await owner.request('POST', `${base}/reminders`, {
      customerId,
      level: 1,
      date: '2026-04-15',
      channel: 'letter',
    });
    expect(letter.status).toBe(201);
    // A: 1 200,00 € × 12,15 % × 45 / 365 = 17,98 € ; B: 400,00 € × 12,15 % × 60 / 365 = 7,989… → 7,99 €
    expect(letter.body).toMatchObject({ principal: 160000, penalties: 1798 + 799, recoveryFees: 8000 });
    expect(letter.body.documentId).not.toBeNull();
    const pdf = await server.app.inject({
      method: 'GET',
      url: `${base}/reminders/${letter.body.id}/pdf`,
      headers: { cookie: owner.cookie },
    });
    expect(pdf.headers['content-type']).toBe('application/pdf');
    expect(pdfText(pdf.rawPayload)).toContain('7,99 €');

    const skip = await owner.request('POST', `${base}/reminders`, {
      customerId,
      level: 3,
      date: '2026-04-20',
      channel: 'letter',
    });
    expect(skip.status).toBe(400);
    expect(skip.body.detail).toMatch(/mise en demeure suit une relance ferme/);

    const notConfigured = await owner.request('POST', `${base}/reminders`, {
      customerId,
      level: 2,
      date: '2026-04-30',
      channel: 'email',
    });
    expect(notConfigured.status).toBe(400);
    expect(notConfigured.body.detail).toMatch(/Aucun serveur d’envoi/);
    const configured = await owner.request('PUT', `${base}/mail/settings`, {
      host: '127.0.0.1',
      port: (smtp.server.address() as AddressInfo).port,
      security: 'none',
      fromAddress: 'compta@roux.example',
      fromName: 'Menuiserie Roux',
    });
    expect(configured.status).toBe(200);
    const email = await owner.request('POST', `${base}/reminders`, {
      customerId,
      level: 2,
      date: '2026-04-30',
      channel: 'email',
    });
    expect(email.status).toBe(201);
    expect(email.body).toMatchObject({ level: 2, emailTo: 'paiements@bois.example', sendError: null });
    expect(email.body.sentAt).not.toBeNull();
    // Queued in the outbox, then delivered by the worker.
    await expect
      .poll(() => mails.some((m) => m.subject === 'Relance ferme – Menuiserie Roux – 30/04/2026'), {
        timeout: 15_000,
        interval: 250,
      })
      .toBe(true);
    const mail = mails.find((m) => m.subject === 'Relance ferme – Menuiserie Roux – 30/04/2026');
    expect(mail?.attachments[0]?.contentType).toBe('application/pdf');

    const history = await owner.request('GET', `${base}/reminders?customerId=${customerId}`);
    expect(history.body.items.map((r: { level: number; channel: string }) => [r.level, r.channel])).toEqual([
      [2, 'email'],
      [1, 'letter'],
    ]);
    const perInvoice = await owner.request('GET', `${base}/reminders?invoiceId=${invoiceA}`);
    expect(perInvoice.body.items).toHaveLength(2);
  });

  it('uses a customer credit on a later invoice: lettered in 411, French refusals, 404 elsewhere', async () => {
    const buyer = (await salesCustomer(server.store.db, orgId, { name: 'SARL Crédit' })).id;
    const lines = (ht: string) => [{ label: 'Pose', quantity: '1', unitPrice: ht, vatRate: '20' }];
    const first = await validatedInvoice(server.store.db, orgId, buyer, {
      issueDate: '2026-03-02',
      lines: lines('100'),
    });
    const later = await validatedInvoice(server.store.db, orgId, buyer, {
      issueDate: '2026-03-10',
      lines: lines('200'),
    });
    const paid = await owner.request('POST', `${base}/receipts`, {
      customerId: buyer,
      date: '2026-03-05',
      method: 'transfer',
      amount: 20000,
      allocations: [{ invoiceId: first.id, amount: 12000 }],
      excess: 'keep_as_credit',
    });
    expect(paid.status).toBe(201);
    const credit = await owner.request('GET', `${base}/customers/${buyer}/credit`);
    expect(credit.status).toBe(200);
    expect(credit.body).toMatchObject({
      available: 8000,
      credits: [{ receiptId: paid.body.id, remaining: 8000 }],
    });

    const before = await snapshot();
    const tooMuch = await owner.request('POST', `${base}/invoices/${later.id}/customer-credit`, {
      amount: 9000,
    });
    expect(tooMuch.status).toBe(400);
    expect(tooMuch.body.detail.replace(/[\u00a0\u202f]/g, ' ')).toBe(
      'Le montant à imputer (90,00 €) dépasse le crédit disponible du client (80,00 €).',
    );
    const otherCustomer = await owner.request('POST', `${base}/invoices/${invoiceA}/customer-credit`, {
      amount: 1000,
      receiptId: paid.body.id,
    });
    expect(otherCustomer.status).toBe(400);
    expect(otherCustomer.body.detail).toContain('appartient à un autre client');
    const elsewhere = await owner.request(
      'POST',
      `/api/v1/orgs/${otherOrgId}/invoices/${later.id}/customer-credit`,
      { amount: 1000 },
    );
    expect(elsewhere.status).toBe(404);
    expect(await snapshot()).toEqual(before);

    const used = await owner.request('POST', `${base}/invoices/${later.id}/customer-credit`, {
      amount: 8000,
    });
    expect(used.status).toBe(200);
    expect(used.body).toMatchObject({
      amount: 8000,
      creditLeft: 0,
      payment: { paid: 8000, remaining: 16000 },
    });
    expect(await snapshot()).toEqual(before); // no new receipt, no new entry: lettering only
    const invoice = await owner.request('GET', `${base}/invoices/${later.id}`);
    expect(invoice.body.payment).toMatchObject({ paid: 8000, remaining: 16000 });
    const receipt = await owner.request('GET', `${base}/receipts/${paid.body.id}`);
    expect(receipt.body).toMatchObject({ allocated: 20000, unallocated: 0 });
  });
});
