import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestStore, DIALECTS, type TestStore } from '../../../test/support/test-db.ts';
import { verifyAuditChain } from '../../kernel/audit/audit.ts';
import { readDocument } from '../../kernel/documents/document-store.ts';
import { getEntry, trialBalance } from '../../ledger/index.ts';
import {
  catalogueItem,
  draft,
  draftInvoice,
  salesCustomer,
  salesOrganisation,
  validate,
  validatedInvoice,
} from '../test-helpers.ts';
import { facturXPdf } from './factur-x/factur-x.ts';
import { createCreditNote, deleteInvoiceDraft, updateInvoiceDraft } from './invoice.ts';
import { issueInvoiceDocument } from './invoice-document.ts';
import { issuedInvoiceOf, listInvoices, loadInvoice } from './invoice-read.ts';

describe.each(DIALECTS)('invoices on %s', (dialect) => {
  let store: TestStore;
  const documentsDir = mkdtempSync(join(tmpdir(), 'agora-invoice-docs-'));
  beforeAll(async () => {
    store = await createTestStore(dialect);
  });
  afterAll(async () => {
    await store?.drop();
  });

  const auditSeq = async (orgId: string) =>
    Number(
      (
        await store.db
          .selectFrom('audit_head')
          .select('last_seq')
          .where('org_id', '=', orgId)
          .executeTakeFirst()
      )?.last_seq ?? 0,
    );

  it('validates: number, frozen totals, and the sales entry 411 / 70x / 44571 in journal VE', async () => {
    const org = await salesOrganisation(store.db);
    const customer = await salesCustomer(store.db, org.id);
    const item = await catalogueItem(store.db, org.id, { unitPrice: '65', vatRate: '20' });
    const draftInvoiceDto = await draftInvoice(store.db, org.id, customer.id, {
      issueDate: '2026-03-15',
      documentDiscountPercent: '5',
      lines: [
        { itemId: item.id, quantity: '7.5', discountPercent: '10' },
        {
          label: 'Livre',
          kind: 'goods',
          quantity: '3',
          unitPrice: '18.90',
          vatRate: '5.5',
          revenueAccount: '707',
        },
        { label: 'Repas', quantity: '12', unitPrice: '18.5', vatRate: '10' },
      ],
    });
    expect(draftInvoiceDto).toMatchObject({ status: 'draft', number: null });
    const invoice = await validate(store.db, org.id, draftInvoiceDto.id);
    expect(invoice).toMatchObject({
      status: 'validated',
      number: 'FA-2026-00001',
      issueDate: '2026-03-15',
      dueDate: '2026-04-14',
      nature: 'mixed',
    });
    // 7,5 × 65 = 487,50 − 10 % = 438,75; 3 × 18,90 = 56,70; 12 × 18,50 = 222,00; then 5 % off per rate.
    expect(invoice.totals).toMatchObject({ lineTotal: 71745, allowanceTotal: 3588, taxBasisTotal: 68157 });
    expect(invoice.totals.vatBreakdown.map((b) => [b.rate, b.taxableAmount, b.vatAmount])).toEqual([
      ['20.00', 41681, 8336],
      ['10.00', 21090, 2109],
      ['5.50', 5386, 296],
    ]);
    expect(invoice.total).toBe(68157 + 8336 + 2109 + 296);
    expect(invoice.legalMentions.join('\n')).toContain('40 €');

    const entry = await getEntry(store.db, org.id, invoice.ledgerEntryId!);
    expect(entry).toMatchObject({
      journal: 'VE',
      date: '2026-03-15',
      voucherRef: 'FA-2026-00001',
      status: 'validated',
    });
    const byAccount = (account: string) => entry.lines.filter((l) => l.account === account);
    expect(byAccount('411')).toEqual([
      expect.objectContaining({ debit: invoice.total, credit: 0, partyId: customer.id }),
    ]);
    expect(byAccount('411')[0]!.auxiliary).not.toBeNull();
    const revenue = [...byAccount('706'), ...byAccount('707')].map((l) => [l.account, l.credit]);
    expect(revenue.reduce((a, [, c]) => a + Number(c), 0)).toBe(68157);
    expect(byAccount('707')[0]!.credit).toBe(5386); // the goods line and its share of the discount
    expect(
      byAccount('44571')
        .map((l) => l.credit)
        .sort((a, b) => b - a),
    ).toEqual([8336, 2109, 296]);

    const balance = await trialBalance(store.db, org.id, {
      from: '2026-01-01',
      to: '2026-12-31',
      auxiliary: false,
    });
    expect(balance.totals.periodDebit).toBe(balance.totals.periodCredit);
    const row = (account: string) => balance.rows.find((r) => r.account === account);
    expect(row('411')).toMatchObject({ periodDebit: invoice.total, periodCredit: 0 });
    expect(row('44571')).toMatchObject({ periodCredit: invoice.totalVat });
    expect(await verifyAuditChain(store.db, org.id)).toMatchObject({ ok: true });
  });

  it('numbers without gaps, per series; a refused validation gives its number back', async () => {
    const org = await salesOrganisation(store.db);
    const customer = await salesCustomer(store.db, org.id);
    const noSiren = await salesCustomer(store.db, org.id, { siren: null, name: 'SAS Sans Siren' });
    const first = await validatedInvoice(store.db, org.id, customer.id, { issueDate: '2026-02-01' });
    const refused = await draftInvoice(store.db, org.id, noSiren.id, { issueDate: '2026-02-02' });
    const before = await auditSeq(org.id);
    await expect(validate(store.db, org.id, refused.id)).rejects.toMatchObject({
      kind: 'rule-broken',
      message: expect.stringContaining('SIREN'),
    });
    expect(await auditSeq(org.id)).toBe(before);
    expect((await loadInvoice(store.db, org.id, refused.id)).row).toMatchObject({
      status: 'draft',
      number: null,
    });
    const second = await validatedInvoice(store.db, org.id, customer.id, { issueDate: '2026-02-03' });
    const credit = await store.db
      .transaction()
      .execute((trx) => createCreditNote(trx, org.id, first.id, null));
    const creditNote = await validate(store.db, org.id, credit.id);
    expect([first.number, second.number, creditNote.number]).toEqual([
      'FA-2026-00001',
      'FA-2026-00002',
      'AV-2026-00001',
    ]);

    // Concurrent validations (separate transactions): consecutive numbers, none twice, none skipped.
    const drafts = await Promise.all(
      Array.from({ length: 8 }, () =>
        draftInvoice(store.db, org.id, customer.id, { issueDate: '2026-02-10' }),
      ),
    );
    const validated = await Promise.all(drafts.map((d) => validate(store.db, org.id, d.id)));
    expect(validated.map((v) => v.number).sort()).toEqual(
      Array.from({ length: 8 }, (_, i) => `FA-2026-${String(i + 3).padStart(5, '0')}`),
    );
    // Validating the same draft twice at once: one wins, the other is refused, one number used.
    const twice = await draftInvoice(store.db, org.id, customer.id, { issueDate: '2026-02-11' });
    const results = await Promise.allSettled([
      validate(store.db, org.id, twice.id),
      validate(store.db, org.id, twice.id),
    ]);
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    const next = await validatedInvoice(store.db, org.id, customer.id, { issueDate: '2026-02-12' });
    expect(next.number).toBe('FA-2026-00012');
  });

  it('refuses what the law refuses, in French, and writes nothing', async () => {
    const org = await salesOrganisation(store.db);
    const customer = await salesCustomer(store.db, org.id);
    await validatedInvoice(store.db, org.id, customer.id, { issueDate: '2026-06-10' });
    const early = await draftInvoice(store.db, org.id, customer.id, { issueDate: '2026-06-01' });
    await expect(validate(store.db, org.id, early.id)).rejects.toThrow(/numérotation chronologique/);
    const noAddress = await salesCustomer(store.db, org.id, { addresses: [] });
    const orphan = await draftInvoice(store.db, org.id, noAddress.id, { issueDate: '2026-06-20' });
    await expect(validate(store.db, org.id, orphan.id)).rejects.toThrow(/adresse du client/);
    const exempt = await draftInvoice(store.db, org.id, customer.id, {
      issueDate: '2026-06-20',
      lines: [{ label: 'Formation', quantity: '1', unitPrice: '500', vatRate: '0' }],
    });
    await expect(validate(store.db, org.id, exempt.id)).rejects.toThrow(/motif d’exonération/);
    const outside = await draftInvoice(store.db, org.id, customer.id, { issueDate: '2027-01-05' });
    await expect(validate(store.db, org.id, outside.id)).rejects.toThrow(/exercice/);
    // A person needs no SIREN; a negative quantity never reaches a draft.
    const person = await salesCustomer(store.db, org.id, {
      kind: 'person',
      siren: null,
      legalForm: null,
      name: 'Jeanne Petit',
    });
    expect((await validatedInvoice(store.db, org.id, person.id, { issueDate: '2026-06-21' })).number).toBe(
      'FA-2026-00002',
    );
    expect(() => draft(customer.id, { lines: [] })).toThrow(/au moins une ligne/);
    await expect(
      draftInvoice(store.db, org.id, customer.id, {
        lines: [{ label: 'x', quantity: '-1', unitPrice: '1', vatRate: '20' }],
      }),
    ).rejects.toMatchObject({
      kind: 'invalid',
      issues: [expect.objectContaining({ field: 'lines.0.quantity' })],
    });
  });

  it('never changes a validated invoice: corrections go through a credit note', async () => {
    const org = await salesOrganisation(store.db);
    const customer = await salesCustomer(store.db, org.id);
    const invoice = await validatedInvoice(store.db, org.id, customer.id, {
      issueDate: '2026-04-01',
      lines: [
        { label: 'A', quantity: '2', unitPrice: '100', vatRate: '20' },
        { label: 'B', kind: 'goods', quantity: '1', unitPrice: '50', vatRate: '5.5' },
      ],
    });
    await expect(
      store.db
        .transaction()
        .execute((trx) => updateInvoiceDraft(trx, org.id, invoice.id, draft(customer.id), null)),
    ).rejects.toMatchObject({ kind: 'conflict' });
    await expect(
      store.db.transaction().execute((trx) => deleteInvoiceDraft(trx, org.id, invoice.id, null)),
    ).rejects.toMatchObject({ kind: 'conflict' });
    // The database refuses it too, whoever asks.
    await expect(
      sql`update relations_invoice set total = 1 where org_id = ${org.id} and id = ${invoice.id}`.execute(
        store.db,
      ),
    ).rejects.toThrow(/immutable/);
    await expect(
      sql`update relations_invoice_line set quantity = 1 where org_id = ${org.id} and invoice_id = ${invoice.id}`.execute(
        store.db,
      ),
    ).rejects.toThrow(/relations/);

    const credit = await store.db
      .transaction()
      .execute((trx) => createCreditNote(trx, org.id, invoice.id, null));
    expect(credit).toMatchObject({
      kind: 'credit_note',
      status: 'draft',
      customerId: customer.id,
      creditedInvoiceId: invoice.id,
    });
    expect(credit.lines.map((l) => [l.label, l.quantity])).toEqual([
      ['A', '2.000'],
      ['B', '1.000'],
    ]);
    // Credit one A only.
    const partial = await store.db
      .transaction()
      .execute((trx) =>
        updateInvoiceDraft(
          trx,
          org.id,
          credit.id,
          draft(customer.id, { lines: [{ label: 'A', quantity: '1', unitPrice: '100', vatRate: '20' }] }),
          null,
        ),
      );
    const creditNote = await validate(store.db, org.id, partial.id);
    expect(creditNote).toMatchObject({
      number: 'AV-2026-00001',
      total: 12000,
      creditedInvoiceNumber: invoice.number,
    });
    expect(creditNote.legalMentions.join('\n')).toContain(`Avoir sur la facture n° ${invoice.number}`);
    const entry = await getEntry(store.db, org.id, creditNote.ledgerEntryId!);
    expect(entry.lines.find((l) => l.account === '411')).toMatchObject({ debit: 0, credit: 12000 });
    expect(entry.lines.find((l) => l.account === '706')).toMatchObject({ debit: 10000, credit: 0 });
    expect(entry.lines.find((l) => l.account === '44571')).toMatchObject({ debit: 2000, credit: 0 });

    // What is left to credit: 252,75 − 120 = 132,75; the full copy (252,75) is too much now.
    const tooMuch = await store.db
      .transaction()
      .execute((trx) => createCreditNote(trx, org.id, invoice.id, null));
    await expect(validate(store.db, org.id, tooMuch.id)).rejects.toThrow(/dépasse ce qui reste/);
    const balance = await trialBalance(store.db, org.id, {
      from: '2026-01-01',
      to: '2026-12-31',
      auxiliary: true,
    });
    expect(balance.totals.periodDebit).toBe(balance.totals.periodCredit);
    expect(
      balance.rows
        .filter((r) => r.account === '411')
        .reduce((a, r) => a + r.closingDebit - r.closingCredit, 0),
    ).toBe(invoice.total - 12000);
    const page = await listInvoices(store.db, org.id, {
      kind: 'credit_note',
      status: 'validated',
      limit: 10,
      offset: 0,
    });
    expect(page.items.map((i) => i.number)).toEqual(['AV-2026-00001']);
  });

  it('invoices without VAT under the franchise (CGI art. 293 B)', async () => {
    const org = await salesOrganisation(store.db, {
      vatNumber: null,
      vatRegime: 'franchise',
      legalForm: 'EI',
    });
    const customer = await salesCustomer(store.db, org.id);
    const invoice = await validatedInvoice(store.db, org.id, customer.id, {
      issueDate: '2026-07-01',
      lines: [{ label: 'Cours de guitare', quantity: '4', unit: 'HUR', unitPrice: '35', vatRate: '20' }],
    });
    expect(invoice).toMatchObject({ totalNet: 14000, totalVat: 0, total: 14000 });
    expect(invoice.lines[0]).toMatchObject({ vatCategory: 'E', vatRate: '0.00' });
    expect(invoice.legalMentions).toContain('TVA non applicable, art. 293 B du CGI');
    const entry = await getEntry(store.db, org.id, invoice.ledgerEntryId!);
    expect(entry.lines.map((l) => [l.account, l.debit, l.credit])).toEqual([
      ['411', 14000, 0],
      ['706', 0, 14000],
    ]);
  });

  it('stores the issued PDF once, and it is the one regenerated byte for byte', async () => {
    const org = await salesOrganisation(store.db);
    const customer = await salesCustomer(store.db, org.id);
    const invoice = await validatedInvoice(store.db, org.id, customer.id, { issueDate: '2026-05-05' });
    const id = await issueInvoiceDocument(store.db, documentsDir, org.id, invoice.id, null);
    expect(await issueInvoiceDocument(store.db, documentsDir, org.id, invoice.id, null)).toBe(id);
    const stored = await readDocument(store.db, documentsDir, org.id, id);
    expect(stored).toMatchObject({ mediaType: 'application/pdf', fileName: 'facture-FA-2026-00001.pdf' });
    const again = await facturXPdf(issuedInvoiceOf(await loadInvoice(store.db, org.id, invoice.id), null));
    expect(Buffer.from(again.pdf).equals(stored.bytes)).toBe(true);
    const draftOnly = await draftInvoice(store.db, org.id, customer.id);
    await expect(
      issueInvoiceDocument(store.db, documentsDir, org.id, draftOnly.id, null),
    ).rejects.toMatchObject({
      kind: 'conflict',
    });
  });
});
