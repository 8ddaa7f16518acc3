import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestStore, DIALECTS, type TestStore } from '../../../test/support/test-db.ts';
import { getEntry, letter, post } from '../../ledger/index.ts';
import { createCreditNote, updateInvoiceDraft } from '../invoices/invoice.ts';
import { complaint, phoneRequest } from '../records-test-helpers.ts';
import { refuseQuote, sendQuote } from '../sales/quotes.ts';
import { acceptedOrder, draftQuote } from '../sales/sales-test-helpers.ts';
import {
  catalogueItem,
  draft,
  draftInvoice,
  receipt,
  salesCustomer,
  salesOrganisation,
  validate,
  validatedInvoice,
} from '../test-helpers.ts';
import { anomalyReport, normalisedName } from './anomalies.ts';
import { customerFile } from './customer-file.ts';
import { dashboard, lineNets } from './dashboard.ts';

describe('dashboard arithmetic', () => {
  it('spreads a document discount over the lines without losing a cent', () => {
    expect(lineNets(47700, [13000, 40000])).toEqual([11700, 36000]);
    expect(lineNets(100, [50, 50, 1])).toEqual([49, 50, 1]);
    expect(lineNets(99, [50, 50]).reduce((a, b) => a + b, 0)).toBe(99);
  });
  it('compares party names without case, accents, punctuation or legal form', () => {
    expect(normalisedName('SARL Dupont & Fils')).toBe(normalisedName('dupont et fils'));
    expect(normalisedName('Élise Durand')).toBe(normalisedName('ELISE  DURAND'));
  });
});

describe.each(DIALECTS)('customer file, anomalies and dashboard on %s', (dialect) => {
  let store: TestStore;
  beforeAll(async () => {
    store = await createTestStore(dialect);
  });
  afterAll(async () => {
    await store?.drop();
  });

  it('computes the dashboard of a hand-worked quarter, and reports overdue invoices by lettering', async () => {
    const db = store.db;
    const org = await salesOrganisation(db);
    const a = await salesCustomer(db, org.id, { name: 'Atelier Alpha', siren: '552100554' });
    const b = await salesCustomer(db, org.id, { name: 'Boutique Bêta', siren: '732829320' });
    const x = await catalogueItem(db, org.id, { code: 'CONS', label: 'Conseil', unitPrice: '65' });
    const y = await catalogueItem(db, org.id, {
      code: 'FORM',
      label: 'Formation',
      unit: 'DAY',
      unitPrice: '400',
    });
    // January: 2 × 65 + 400 = 530,00 less 10 % = 477,00 (the discount splits 13,00 / 40,00).
    const inv1 = await validatedInvoice(db, org.id, a.id, {
      issueDate: '2026-01-15',
      documentDiscountPercent: '10',
      lines: [
        { itemId: x.id, quantity: '2' },
        { itemId: y.id, quantity: '1' },
      ],
    });
    // February: 650,00 to B, 45,50 of travel to A (a free line).
    const inv2 = await validatedInvoice(db, org.id, b.id, {
      issueDate: '2026-02-10',
      lines: [{ itemId: x.id, quantity: '10' }],
    });
    const inv3 = await validatedInvoice(db, org.id, a.id, {
      issueDate: '2026-02-20',
      lines: [{ label: 'Déplacement', quantity: '1', unitPrice: '45,50', vatRate: '20' }],
    });
    // March: a credit note of 4 hours to B (260,00), and a draft that must not count.
    const credit = await db.transaction().execute((trx) => createCreditNote(trx, org.id, inv2.id, null));
    await db
      .transaction()
      .execute((trx) =>
        updateInvoiceDraft(
          trx,
          org.id,
          credit.id,
          draft(b.id, { issueDate: '2026-03-05', lines: [{ itemId: x.id, quantity: '4' }] }),
          null,
        ),
      );
    await validate(db, org.id, credit.id);
    await draftInvoice(db, org.id, b.id, { issueDate: '2026-03-10' });
    // A pays the travel invoice on 25 March: bank entry, lettered with the invoice's 411 line that day.
    const invoiceEntry = await getEntry(db, org.id, inv3.ledgerEntryId!);
    await db.transaction().execute(async (trx) => {
      const payment = await post(
        trx,
        org.id,
        {
          journal: 'BQ',
          date: '2026-03-25',
          label: 'Virement Alpha',
          voucherRef: 'VIR-1',
          voucherDate: '2026-03-25',
          lines: [
            { account: '512', partyId: null, label: 'Virement', debit: 5460, credit: 0, dueDate: null },
            { account: '411', partyId: a.id, label: 'Virement', debit: 0, credit: 5460, dueDate: null },
          ],
        },
        null,
      );
      const lineIds = [
        invoiceEntry.lines.find((l) => l.account.startsWith('411'))!.id,
        payment.lines.find((l) => l.account.startsWith('411'))!.id,
      ];
      await letter(trx, org.id, { lineIds, partial: false }, null, { letteredOn: '2026-03-25' });
    });

    const board = await dashboard(db, org.id, { from: '2026-01-01', to: '2026-03-31', top: 10 });
    expect(board.turnover).toBe(91250);
    expect(board.turnoverByMonth).toEqual([
      { month: '2026-01', amount: 47700 },
      { month: '2026-02', amount: 69550 },
      { month: '2026-03', amount: -26000 },
    ]);
    expect(board.turnoverByProduct.map((p) => [p.label, p.amount])).toEqual([
      ['CONS – Conseil', 50700],
      ['FORM – Formation', 36000],
      ['Déplacement', 4550],
    ]);
    expect(board.topCustomers.map((c) => [c.name, c.amount])).toEqual([
      ['Atelier Alpha', 52250],
      ['Boutique Bêta', 39000],
    ]);
    // Incl. VAT at 31 March: 572,40 due 14 Feb (45 days late); 780,00 due 12 Mar and the 312,00 credit
    // note of 5 Mar within 30 days; the travel invoice is settled.
    expect(board.receivablesByAge).toMatchObject({
      asOf: '2026-03-31',
      notDue: 0,
      days1to30: 46800,
      days31to60: 57240,
      days61to90: 0,
      over90: 0,
      total: 104040,
    });
    expect(board.quoteConversion).toMatchObject({ rate: null, quotes: 0 });
    // Three quotes sent in the quarter, one accepted, one refused, one still waiting; a draft not counted.
    await acceptedOrder(db, org.id, a.id);
    const refused = await draftQuote(db, org.id, a.id);
    const waiting = await draftQuote(db, org.id, a.id);
    await db.transaction().execute(async (trx) => {
      await sendQuote(trx, org.id, refused.id, null);
      await refuseQuote(trx, org.id, refused.id, null);
      await sendQuote(trx, org.id, waiting.id, null);
    });
    await draftQuote(db, org.id, a.id);
    const withQuotes = await dashboard(db, org.id, { from: '2026-01-01', to: '2026-03-31', top: 10 });
    expect(withQuotes.quoteConversion).toEqual({ rate: 1 / 3, quotes: 3, accepted: 1, note: null });

    const report = await anomalyReport(db, org.id);
    const overdue = report.items.filter((i) => i.kind === 'overdue_invoice').map((i) => i.invoiceId);
    expect(overdue.sort()).toEqual([inv1.id, inv2.id].sort());

    // A cheque on part of the first invoice: the file shows it with the quotes, orders and invoices.
    await receipt(db, org.id, {
      customerId: a.id,
      date: '2026-04-01',
      method: 'cheque',
      reference: '0000123',
      amount: 1000,
      allocations: [{ invoiceId: inv1.id, amount: 1000 }],
    });
    const file = await customerFile(db, org.id, a.id);
    const section = (key: string) => file.sections.find((s) => s.key === key)!;
    expect(section('invoices').items.map((i) => i.amount)).toEqual([5460, 57240]);
    expect(
      section('sales')
        .items.map((i) => i.label)
        .sort(),
    ).toEqual(['Commande', 'Devis', 'Devis', 'Devis', 'Devis']);
    expect(section('payments').items).toEqual([
      expect.objectContaining({ label: 'Chèque 0000123', status: 'Enregistré', amount: 1000 }),
    ]);
  });

  it('finds duplicates, missing SIRENs and invalid contacts', async () => {
    const db = store.db;
    const org = await salesOrganisation(db);
    const address = (postalCode: string) => [
      { kind: 'billing', line1: '1 rue Neuve', postalCode, city: 'Lyon' },
    ];
    const one = await salesCustomer(db, org.id, { name: 'Alpha', siren: '552100554', email: 'a@alpha.fr' });
    const two = await salesCustomer(db, org.id, {
      name: 'Alpha bis',
      siren: '552100554',
      email: 'A@alpha.fr',
    });
    const dupont1 = await salesCustomer(db, org.id, {
      name: 'SARL Dupont & Fils',
      siren: null,
      addresses: address('69001'),
    });
    const dupont2 = await salesCustomer(db, org.id, {
      name: 'Dupont et fils',
      siren: null,
      legalForm: 'Association',
      addresses: address('69001'),
    });
    const person = await salesCustomer(db, org.id, {
      kind: 'person',
      name: 'Léa Roux',
      siren: null,
      legalForm: null,
    });
    // Imported before validation existed: the report is where such data shows.
    await db
      .updateTable('party')
      .set({ email: 'pas-une-adresse', phone: '12' })
      .where('id', '=', person.id)
      .execute();
    const report = await anomalyReport(db, org.id);
    const of = (kind: string) => report.items.filter((i) => i.kind === kind);
    expect(of('duplicate_siren').map((i) => i.partyIds.sort())).toEqual([[one.id, two.id].sort()]);
    expect(of('duplicate_email').map((i) => i.partyIds.sort())).toEqual([[one.id, two.id].sort()]);
    expect(of('duplicate_name_postcode').map((i) => i.partyIds.sort())).toEqual([
      [dupont1.id, dupont2.id].sort(),
    ]);
    expect(of('missing_siren').map((i) => i.partyIds)).toEqual([[dupont1.id]]);
    expect(of('invalid_email').map((i) => i.partyIds)).toEqual([[person.id]]);
    expect(of('invalid_phone').map((i) => i.partyIds)).toEqual([[person.id]]);
    expect(report.counts.duplicate_siren).toBe(1);
    expect(of('missing_siren')[0]!.message).toBe('« SARL Dupont & Fils » est une organisation sans SIREN.');
  });

  it('gathers a party’s requests and complaints in the file, and nobody else’s', async () => {
    const db = store.db;
    const org = await salesOrganisation(db);
    const a = await salesCustomer(db, org.id, { name: 'Alpha' });
    const b = await salesCustomer(db, org.id, { name: 'Beta' });
    await phoneRequest(db, org.id, { partyId: a.id, subject: 'Question A' });
    await phoneRequest(db, org.id, { partyId: b.id, subject: 'Question B' });
    await complaint(db, org.id, a.id, { receivedOn: '2026-04-02' });
    const file = await customerFile(db, org.id, a.id);
    expect(file.party.name).toBe('Alpha');
    expect(file.sections.map((s) => [s.key, s.count])).toEqual([
      ['sales', 0],
      ['invoices', 0],
      ['payments', 0],
      ['reminders', 0],
      ['requests', 1],
      ['complaints', 1],
    ]);
    expect(file.sections[4]!.items[0]).toMatchObject({ label: 'Question A', status: 'Nouvelle' });
    expect(file.sections[5]!.items[0]).toMatchObject({ reference: 'RE-2026-00001', status: 'Ouverte' });
  });
});
