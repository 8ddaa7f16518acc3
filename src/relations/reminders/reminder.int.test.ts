import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, writeFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type ParsedMail, simpleParser } from 'mailparser';
import { SMTPServer } from 'smtp-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestStore, DIALECTS, type TestStore } from '../../../test/support/test-db.ts';
import { mailSettingsInput, outboxQuery } from '../../kernel/mail/contract.ts';
import { createMailWorker, listOutbox, saveMailSettings } from '../../kernel/mail/index.ts';
import { invoiceSettingsInput } from '../invoice-settings/contract.ts';
import { saveInvoiceSettings } from '../invoice-settings/invoice-settings.ts';
import { agedReceivables } from '../receipts/receivables.ts';
import { receipt, salesCustomer, salesOrganisation, validatedInvoice } from '../test-helpers.ts';
import { reminderInput } from './contract.ts';
import { createReminder, listReminders } from './reminder.ts';
import { emailReminder, issueReminderDocument, requireMailSettings } from './reminder-issue.ts';

/** The text of a PDF as poppler's pdftotext reads it (layout kept, spaces normalised). */
function pdfText(bytes: Uint8Array): string {
  const dir = mkdtempSync(join(tmpdir(), 'agora-reminder-'));
  writeFileSync(join(dir, 'letter.pdf'), bytes);
  return execFileSync('pdftotext', ['-layout', join(dir, 'letter.pdf'), '-'])
    .toString()
    .replace(/[\u00a0\u202f]/g, ' ');
}

const lines = (ht: string) => [{ label: 'Prestation', quantity: '1', unitPrice: ht, vatRate: '20' }];

describe.each(DIALECTS)('reminders on %s', (dialect) => {
  let store: TestStore;
  const documentsDir = mkdtempSync(join(tmpdir(), 'agora-reminder-docs-'));
  const received: ParsedMail[] = [];
  let smtp: SMTPServer;
  let port = 0;
  beforeAll(async () => {
    store = await createTestStore(dialect);
    // A real SMTP server on a free port, with authentication, as a relay would have.
    smtp = new SMTPServer({
      authOptional: false,
      allowInsecureAuth: true,
      disabledCommands: ['STARTTLS'],
      onAuth(auth, _session, callback) {
        if (auth.username === 'agora' && auth.password === 'secret') callback(null, { user: 'agora' });
        else callback(new Error('Identifiants refusés'));
      },
      onData(stream, _session, callback) {
        simpleParser(stream).then(
          (mail) => {
            received.push(mail);
            callback();
          },
          (error: Error) => callback(error),
        );
      },
    });
    await new Promise<void>((resolve) => smtp.listen(0, '127.0.0.1', resolve));
    port = (smtp.server.address() as AddressInfo).port;
  });
  afterAll(async () => {
    await new Promise<void>((resolve) => smtp.close(() => resolve()));
    await store?.drop();
  });

  const remind = (orgId: string, input: Record<string, unknown>) =>
    store.db
      .transaction()
      .execute((trx) =>
        createReminder(trx, orgId, reminderInput.parse({ channel: 'letter', ...input }), null),
      );

  /**
   * The worked example, checked by hand. The invoices name no rate, so the legal one applies: ECB rate on
   * 1 January 2026 (2,15 %) + 10 points = 12,15 % a year. Reminder dated 15 April 2026.
   *  A: 1 200,00 € TTC due 1 March 2026 → 45 days late (31 in March + 14 in April).
   *     1 200,00 × 12,15 % × 45 / 365 = 17,9753… → 17,98 €
   *  B: 600,00 € TTC due 14 February 2026, 200,00 € paid → 400,00 € left, 60 days late (14 + 31 + 15).
   *     400,00 × 12,15 % × 60 / 365 = 7,9890… → 7,99 €
   *  Penalties 25,97 €; recovery fees 2 × 40,00 € = 80,00 €; principal 1 600,00 €; total 1 705,97 €.
   */
  async function workedExample() {
    const org = await salesOrganisation(store.db, { name: 'Atelier Lumière' });
    const customer = await salesCustomer(store.db, org.id, {
      name: 'SAS Martin',
      email: 'compta@martin.example',
    });
    const a = await validatedInvoice(store.db, org.id, customer.id, {
      issueDate: '2026-01-30',
      dueDate: '2026-03-01',
      lines: lines('1000'),
    });
    const b = await validatedInvoice(store.db, org.id, customer.id, {
      issueDate: '2026-01-30',
      dueDate: '2026-02-14',
      lines: lines('500'),
    });
    await receipt(store.db, org.id, {
      customerId: customer.id,
      date: '2026-02-20',
      amount: 20000,
      allocations: [{ invoiceId: b.id, amount: 20000 }],
    });
    return { org, customer, a, b };
  }

  it('computes penalties and the recovery fee, and prints them on the letter', async () => {
    const { org, customer, a, b } = await workedExample();
    const reminder = await remind(org.id, { customerId: customer.id, level: 1, date: '2026-04-15' });
    expect(reminder).toMatchObject({
      level: 1,
      levelLabel: 'Relance amiable',
      principal: 160000,
      penalties: 2597,
      recoveryFees: 8000,
      total: 170597,
    });
    expect(reminder.invoices).toEqual([
      expect.objectContaining({
        invoiceId: b.id,
        remaining: 40000,
        daysLate: 60,
        penaltyRate: '12.15',
        penalty: 799,
      }),
      expect.objectContaining({
        invoiceId: a.id,
        remaining: 120000,
        daysLate: 45,
        penaltyRate: '12.15',
        penalty: 1798,
      }),
    ]);
    const letter = await issueReminderDocument(store.db, documentsDir, org.id, reminder.id, null);
    const text = pdfText(letter.bytes);
    expect(text).toContain('Relance amiable');
    expect(text).toContain('SAS Martin');
    expect(text).toContain('12,15 %');
    for (const figure of ['17,98 €', '7,99 €', '25,97 €', '80,00 €', '1 600,00 €', '1 705,97 €'])
      expect(text).toContain(figure);
    expect(text).toContain('L441-10');
    // The letter is stored: the second download gives the same bytes.
    const again = await issueReminderDocument(store.db, documentsDir, org.id, reminder.id, null);
    expect(Buffer.from(again.bytes).equals(Buffer.from(letter.bytes))).toBe(true);

    const aged = await agedReceivables(store.db, org.id, { asOf: '2026-04-15' });
    expect(aged.customers[0]).toMatchObject({ days31to60: 160000, total: 160000, lastReminderLevel: 1 });
  });

  it('climbs the levels one at a time; consumers owe no penalties; the invoice rate wins', async () => {
    const { org, customer, a } = await workedExample();
    await expect(
      remind(org.id, { customerId: customer.id, level: 3, date: '2026-04-15' }),
    ).rejects.toMatchObject({
      kind: 'invalid',
      message: expect.stringContaining('une mise en demeure suit une relance ferme'),
    });
    await expect(
      remind(org.id, { customerId: customer.id, level: 2, date: '2026-04-15' }),
    ).rejects.toMatchObject({
      message: expect.stringContaining('une relance ferme suit une relance amiable'),
    });
    await remind(org.id, { customerId: customer.id, level: 1, date: '2026-04-15', invoiceIds: [a.id] });
    const firm = await remind(org.id, {
      customerId: customer.id,
      level: 2,
      date: '2026-04-30',
      invoiceIds: [a.id],
    });
    const notice = await remind(org.id, {
      customerId: customer.id,
      level: 3,
      date: '2026-05-15',
      invoiceIds: [a.id],
    });
    expect(firm.invoices[0]!.daysLate).toBe(60);
    const text = pdfText(
      (await issueReminderDocument(store.db, documentsDir, org.id, notice.id, null)).bytes,
    );
    expect(text).toContain('Mise en demeure de payer');
    expect(text).toContain('quinze jours');
    const history = await listReminders(store.db, org.id, { customerId: customer.id, limit: 100 });
    expect(history.map((h) => h.level)).toEqual([3, 2, 1]);
    expect((await listReminders(store.db, org.id, { invoiceId: a.id, limit: 100 })).length).toBe(3);

    const person = await salesCustomer(store.db, org.id, {
      kind: 'person',
      name: 'Jeanne Petit',
      legalForm: null,
      siren: null,
    });
    await store.db
      .transaction()
      .execute((trx) =>
        saveInvoiceSettings(trx, org.id, invoiceSettingsInput.parse({ latePenaltyRate: '10' }), null),
      );
    await validatedInvoice(store.db, org.id, person.id, {
      issueDate: '2026-03-01',
      dueDate: '2026-03-31',
      lines: lines('100'),
    });
    const toPerson = await remind(org.id, { customerId: person.id, level: 1, date: '2026-04-30' });
    expect(toPerson).toMatchObject({ principal: 12000, penalties: 0, recoveryFees: 0, total: 12000 });
    expect(toPerson.invoices[0]!.penaltyRate).toBe('10.00');

    await expect(
      remind(org.id, { customerId: person.id, level: 1, date: '2026-03-15' }),
    ).rejects.toMatchObject({
      kind: 'rule-broken',
    });
  });

  it('sends the letter by email through the outbox and a real SMTP server', async () => {
    const { org, customer } = await workedExample();
    const reminder = await remind(org.id, {
      customerId: customer.id,
      level: 1,
      date: '2026-04-15',
      channel: 'email',
    });
    expect(reminder.emailTo).toBe('compta@martin.example');
    // Without SMTP settings the email channel is refused in French; the letter channel still works.
    await expect(requireMailSettings(store.db, org.id)).rejects.toMatchObject({ kind: 'invalid' });
    const key = randomBytes(32);
    const settings = (password: string) =>
      store.db.transaction().execute((trx) =>
        saveMailSettings(
          trx,
          key,
          org.id,
          mailSettingsInput.parse({
            host: '127.0.0.1',
            port,
            security: 'none',
            username: 'agora',
            password,
            fromAddress: 'compta@atelier-lumiere.example',
            fromName: 'Atelier Lumière',
          }),
          null,
        ),
      );
    await settings('secret');
    const worker = createMailWorker({ db: store.db, documentsDir, key });
    const sent = await emailReminder(store.db, documentsDir, org.id, reminder.id, null);
    expect(sent.sendError).toBeNull();
    expect(sent.sentAt).not.toBeNull();
    expect(received.some((m) => m.subject?.includes('Atelier Lumière'))).toBe(false);
    expect(await worker.runOnce()).toMatchObject({ sent: 1 });
    const mail = received.find((m) => m.subject?.includes('Atelier Lumière'))!;
    expect(mail).toBeDefined();
    expect(mail.subject).toBe('Relance amiable – Atelier Lumière – 15/04/2026');
    expect((Array.isArray(mail.to) ? mail.to[0] : mail.to)?.text).toBe('compta@martin.example');
    const body = mail.text!.replace(/[\u00a0\u202f]/g, ' ');
    expect(body).toContain('Total réclamé : 1 705,97 €');
    expect(body).toContain('Facture FA-2026-00001');
    expect(mail.attachments).toHaveLength(1);
    expect(mail.attachments[0]!.contentType).toBe('application/pdf');
    expect(mail.attachments[0]!.filename).toMatch(/^relance-2026-04-15-SAS-Martin\.pdf$/);
    expect(pdfText(mail.attachments[0]!.content)).toContain('1 705,97 €');

    // Wrong credentials: the message stays in the outbox with the server's refusal, to be retried.
    await settings('faux');
    await emailReminder(store.db, documentsDir, org.id, reminder.id, null);
    expect(await worker.runOnce()).toMatchObject({ sent: 0, retrying: 1 });
    const { items } = await listOutbox(store.db, org.id, outboxQuery.parse({}));
    const pending = items.find((m) => m.status === 'pending')!;
    expect(pending.subject).toBe('Relance amiable – Atelier Lumière – 15/04/2026');
    expect(pending.lastError).toBeTruthy();
  });
});
