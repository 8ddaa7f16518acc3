import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestStore, DIALECTS, type TestStore } from '../../../test/support/test-db.ts';
import { verifyAuditChain } from '../../kernel/audit/audit.ts';
import { getEntry, trialBalance } from '../../ledger/index.ts';
import { createCreditNote, updateInvoiceDraft } from '../invoices/invoice.ts';
import { getInvoice } from '../invoices/invoice-read.ts';
import {
  draft,
  draftInvoice,
  receipt,
  salesCustomer,
  salesOrganisation,
  validate,
  validatedInvoice,
} from '../test-helpers.ts';
import { creditUseInput, depositSlipInput } from './contract.ts';
import { customerCredit, useCustomerCredit } from './customer-credit.ts';
import { createDepositSlip, depositSlipPdf } from './deposit-slip.ts';
import { invoicesWithPayments } from './outstanding.ts';
import { cancelReceipt } from './receipt.ts';
import { getReceipt } from './receipt-read.ts';
import { agedReceivables } from './receivables.ts';

/** 1 000,00 € HT + 20 % = 1 200,00 € TTC, or `ht` euros HT. */
const lines = (ht = '1000') => [{ label: 'Prestation', quantity: '1', unitPrice: ht, vatRate: '20' }];

describe.each(DIALECTS)('receipts on %s', (dialect) => {
  let store: TestStore;
  beforeAll(async () => {
    store = await createTestStore(dialect);
  });
  afterAll(async () => {
    await store?.drop();
  });

  const counts = async (orgId: string) => ({
    receipts: (
      await store.db.selectFrom('relations_receipt').select('id').where('org_id', '=', orgId).execute()
    ).length,
    entries: (await store.db.selectFrom('ledger_entry').select('id').where('org_id', '=', orgId).execute())
      .length,
    audit: Number(
      (
        await store.db
          .selectFrom('audit_head')
          .select('last_seq')
          .where('org_id', '=', orgId)
          .executeTakeFirst()
      )?.last_seq ?? 0,
    ),
  });

  const receivable = async (orgId: string, entryId: string) =>
    (await getEntry(store.db, orgId, entryId)).lines.filter((l) => l.account === '411');

  it('a partial payment letters partially, the balance completes the lettering and the invoice is paid', async () => {
    const org = await salesOrganisation(store.db);
    const customer = await salesCustomer(store.db, org.id);
    const invoice = await validatedInvoice(store.db, org.id, customer.id, {
      issueDate: '2026-03-02',
      dueDate: '2026-04-01',
      lines: lines(),
    });
    expect(invoice.total).toBe(120000);
    const first = await receipt(store.db, org.id, {
      customerId: customer.id,
      date: '2026-03-20',
      amount: 50000,
      reference: 'VIR 4521',
      allocations: [{ invoiceId: invoice.id, amount: 50000 }],
    });
    expect(first).toMatchObject({
      number: 'RC-2026-0001',
      allocated: 50000,
      unallocated: 0,
      status: 'validated',
    });
    const entry = await getEntry(store.db, org.id, first.ledgerEntryId);
    expect(entry.journal).toBe('BQ');
    expect(entry.lines.map((l) => [l.account, l.debit, l.credit])).toEqual([
      ['512', 50000, 0],
      ['411', 0, 50000],
    ]);
    const [invoiceLine] = await receivable(org.id, invoice.ledgerEntryId!);
    const [receiptLine] = await receivable(org.id, first.ledgerEntryId);
    expect(invoiceLine!.lettering).toMatch(/^[a-z]+$/);
    expect(receiptLine!.lettering).toBe(invoiceLine!.lettering);
    let read = await getInvoice(store.db, org.id, invoice.id);
    // Due on 1 April 2026: late by now, whatever day the test runs after that.
    expect(read.payment).toMatchObject({ paid: 50000, remaining: 70000, status: 'overdue' });

    const second = await receipt(store.db, org.id, {
      customerId: customer.id,
      date: '2026-04-10',
      method: 'cheque',
      amount: 70000,
      reference: '0001234',
      allocations: [{ invoiceId: invoice.id, amount: 70000 }],
    });
    expect(second.number).toBe('RC-2026-0002');
    const chequeEntry = await getEntry(store.db, org.id, second.ledgerEntryId);
    expect(chequeEntry.lines[0]).toMatchObject({ account: '5112', debit: 70000 });
    const all = [
      ...(await receivable(org.id, invoice.ledgerEntryId!)),
      ...(await receivable(org.id, first.ledgerEntryId)),
      ...(await receivable(org.id, second.ledgerEntryId)),
    ];
    expect(new Set(all.map((l) => l.lettering)).size).toBe(1);
    expect(all[0]!.lettering).toMatch(/^[A-Z]+$/);
    read = await getInvoice(store.db, org.id, invoice.id);
    expect(read.payment).toMatchObject({ paid: 120000, remaining: 0, daysLate: 0, status: 'paid' });
    expect(await verifyAuditChain(store.db, org.id)).toMatchObject({ ok: true });
  });

  it('one payment over several invoices letters each invoice; a credit note reduces what is due', async () => {
    const org = await salesOrganisation(store.db);
    const customer = await salesCustomer(store.db, org.id);
    const a = await validatedInvoice(store.db, org.id, customer.id, {
      issueDate: '2026-02-01',
      lines: lines(),
    });
    const b = await validatedInvoice(store.db, org.id, customer.id, {
      issueDate: '2026-02-05',
      lines: lines('500'),
    });
    // A credit note of 200 € HT (240 € TTC) on invoice A: 960 € left on it.
    const note = await store.db.transaction().execute((trx) => createCreditNote(trx, org.id, a.id, null));
    await store.db
      .transaction()
      .execute((trx) =>
        updateInvoiceDraft(
          trx,
          org.id,
          note.id,
          draft(customer.id, { issueDate: '2026-02-10', lines: lines('200') }),
          null,
        ),
      );
    await validate(store.db, org.id, note.id);
    const [before] = await invoicesWithPayments(store.db, org.id, { invoiceIds: [a.id] }, '2026-02-15');
    expect(before).toMatchObject({ credited: 24000, remaining: 96000, status: 'partially_paid' });

    const paid = await receipt(store.db, org.id, {
      customerId: customer.id,
      date: '2026-02-20',
      amount: 96000 + 60000,
      allocations: [
        { invoiceId: a.id, amount: 96000 },
        { invoiceId: b.id, amount: 60000 },
      ],
    });
    expect(paid.allocations.map((x) => x.amount).sort()).toEqual([60000, 96000]);
    const noteLine = (
      await receivable(org.id, (await getInvoice(store.db, org.id, note.id)).ledgerEntryId!)
    )[0]!;
    const aLine = (await receivable(org.id, a.ledgerEntryId!))[0]!;
    const bLine = (await receivable(org.id, b.ledgerEntryId!))[0]!;
    const receiptLines = await receivable(org.id, paid.ledgerEntryId);
    expect(aLine.lettering).toMatch(/^[A-Z]+$/);
    expect(noteLine.lettering).toBe(aLine.lettering);
    expect(bLine.lettering).toMatch(/^[A-Z]+$/);
    expect(bLine.lettering).not.toBe(aLine.lettering);
    expect(receiptLines.map((l) => l.lettering).sort()).toEqual([aLine.lettering, bLine.lettering].sort());
    for (const id of [a.id, b.id])
      expect((await getInvoice(store.db, org.id, id)).payment?.status).toBe('paid');
  });

  it('refuses bad input in French and writes nothing; an overpayment needs an explicit choice', async () => {
    const org = await salesOrganisation(store.db);
    const customer = await salesCustomer(store.db, org.id);
    const other = await salesCustomer(store.db, org.id);
    const invoice = await validatedInvoice(store.db, org.id, customer.id, {
      issueDate: '2026-03-01',
      dueDate: '2026-03-31',
      lines: lines(),
    });
    const before = await counts(org.id);
    const base = { customerId: customer.id, date: '2026-03-10' };
    await expect(
      receipt(store.db, org.id, {
        ...base,
        amount: 150000,
        allocations: [{ invoiceId: invoice.id, amount: 120000 }],
      }),
    ).rejects.toMatchObject({ kind: 'invalid', message: expect.stringContaining('excédent') });
    await expect(
      receipt(store.db, org.id, {
        ...base,
        amount: 150000,
        allocations: [{ invoiceId: invoice.id, amount: 150000 }],
      }),
    ).rejects.toMatchObject({ kind: 'invalid', message: expect.stringContaining('dépasse le reste dû') });
    await expect(
      receipt(store.db, org.id, {
        ...base,
        amount: 10000,
        allocations: [{ invoiceId: invoice.id, amount: 20000 }],
      }),
    ).rejects.toMatchObject({ message: expect.stringContaining('dépasse le montant encaissé') });
    await expect(
      receipt(store.db, org.id, {
        ...base,
        customerId: other.id,
        amount: 1000,
        allocations: [{ invoiceId: invoice.id, amount: 1000 }],
      }),
    ).rejects.toMatchObject({ message: 'Facture validée de ce client introuvable.' });
    await expect(receipt(store.db, org.id, { ...base, amount: -500 })).rejects.toThrow(
      'Montant encaissé : le montant doit être positif.',
    );
    // Closed or missing fiscal year: the ledger refuses, and so nothing is left behind.
    await expect(
      receipt(store.db, org.id, { ...base, date: '2027-02-01', amount: 1000, excess: 'keep_as_credit' }),
    ).rejects.toMatchObject({ kind: 'rule-broken' });
    expect(await counts(org.id)).toEqual(before);

    const over = await receipt(store.db, org.id, {
      ...base,
      amount: 150000,
      allocations: [{ invoiceId: invoice.id, amount: 120000 }],
      excess: 'keep_as_credit',
    });
    // Refused attempts gave their numbers back.
    expect(over).toMatchObject({ number: 'RC-2026-0001', unallocated: 30000 });
    const lines411 = await receivable(org.id, over.ledgerEntryId);
    expect(lines411.map((l) => [l.credit, l.lettering === null])).toEqual([
      [120000, false],
      [30000, true],
    ]);
    const aged = await agedReceivables(store.db, org.id, { asOf: '2026-04-15' });
    expect(aged.customers).toEqual([]);
    const withCredit = await agedReceivables(store.db, org.id, {
      customerId: customer.id,
      asOf: '2026-04-15',
    });
    expect(withCredit.totals.total).toBe(0);
  });

  it('cancels a receipt by reversal: the invoice is open again, the lettering undone', async () => {
    const org = await salesOrganisation(store.db);
    const customer = await salesCustomer(store.db, org.id);
    const invoice = await validatedInvoice(store.db, org.id, customer.id, {
      issueDate: '2026-03-01',
      lines: lines(),
    });
    const part = await receipt(store.db, org.id, {
      customerId: customer.id,
      date: '2026-03-05',
      amount: 20000,
      allocations: [{ invoiceId: invoice.id, amount: 20000 }],
    });
    const wrong = await receipt(store.db, org.id, {
      customerId: customer.id,
      date: '2026-03-06',
      amount: 30000,
      allocations: [{ invoiceId: invoice.id, amount: 30000 }],
    });
    await expect(
      store.db.transaction().execute((trx) => cancelReceipt(trx, org.id, wrong.id, '2026-03-01', null)),
    ).rejects.toMatchObject({ kind: 'invalid' });
    const cancelled = await store.db
      .transaction()
      .execute((trx) => cancelReceipt(trx, org.id, wrong.id, '2026-03-07', null));
    expect(cancelled).toMatchObject({ status: 'cancelled', cancelledOn: '2026-03-07' });
    const reversal = await getEntry(store.db, org.id, cancelled.cancellationEntryId!);
    expect(reversal.reversalOf).toBe(wrong.ledgerEntryId);
    const [wrongLine] = await receivable(org.id, wrong.ledgerEntryId);
    const [reversalLine] = reversal.lines.filter((l) => l.account === '411');
    expect(wrongLine!.lettering).toMatch(/^[A-Z]+$/);
    expect(reversalLine!.lettering).toBe(wrongLine!.lettering);
    const [invoiceLine] = await receivable(org.id, invoice.ledgerEntryId!);
    const [partLine] = await receivable(org.id, part.ledgerEntryId);
    expect(invoiceLine!.lettering).toMatch(/^[a-z]+$/);
    expect(partLine!.lettering).toBe(invoiceLine!.lettering);
    expect((await getInvoice(store.db, org.id, invoice.id)).payment).toMatchObject({
      paid: 20000,
      remaining: 100000,
    });
    await expect(
      store.db.transaction().execute((trx) => cancelReceipt(trx, org.id, wrong.id, '2026-03-08', null)),
    ).rejects.toMatchObject({ kind: 'conflict' });
  });

  it('deposits cheques on a numbered slip: 512 debit, 5112 credit, and a PDF', async () => {
    const org = await salesOrganisation(store.db);
    const customer = await salesCustomer(store.db, org.id, { name: 'SARL Dupuis' });
    const invoice = await validatedInvoice(store.db, org.id, customer.id, {
      issueDate: '2026-03-01',
      lines: lines(),
    });
    const cheque = (amount: number, reference: string) =>
      receipt(store.db, org.id, {
        customerId: customer.id,
        date: '2026-03-10',
        method: 'cheque',
        amount,
        reference,
        allocations: [{ invoiceId: invoice.id, amount }],
      });
    const c1 = await cheque(40000, '1111111');
    const c2 = await cheque(80000, '2222222');
    const transfer = await receipt(store.db, org.id, {
      customerId: customer.id,
      date: '2026-03-10',
      amount: 100,
      excess: 'keep_as_credit',
    });
    const slipOf = (receiptIds: string[], date = '2026-03-12') =>
      store.db
        .transaction()
        .execute((trx) => createDepositSlip(trx, org.id, depositSlipInput.parse({ date, receiptIds }), null));
    await expect(slipOf([c1.id, transfer.id])).rejects.toMatchObject({
      message: `${transfer.number} n’est pas un chèque.`,
    });
    await expect(slipOf([c1.id], '2026-03-09')).rejects.toMatchObject({ kind: 'invalid' });
    const slip = await slipOf([c1.id, c2.id]);
    expect(slip).toMatchObject({ number: 'BR-2026-0001', total: 120000, chequeCount: 2 });
    const entry = await getEntry(store.db, org.id, slip.ledgerEntryId);
    expect(entry.lines.map((l) => [l.account, l.debit, l.credit])).toEqual([
      ['512', 120000, 0],
      ['5112', 0, 40000],
      ['5112', 0, 80000],
    ]);
    await expect(slipOf([c2.id])).rejects.toMatchObject({
      message: `${c2.number} est déjà remis en banque.`,
    });
    await expect(
      store.db.transaction().execute((trx) => cancelReceipt(trx, org.id, c1.id, '2026-03-20', null)),
    ).rejects.toMatchObject({ kind: 'rule-broken' });

    const balance = await trialBalance(store.db, org.id, {
      from: '2026-01-01',
      to: '2026-12-31',
      auxiliary: false,
    });
    expect(balance.totals.periodDebit).toBe(balance.totals.periodCredit);
    const row = (account: string) => balance.rows.find((r) => r.account === account);
    expect(row('5112')).toMatchObject({ periodDebit: 120000, periodCredit: 120000 });
    expect(row('512')).toMatchObject({ periodDebit: 120100 });
    expect(row('411')).toMatchObject({ periodDebit: 120000, periodCredit: 120100 });

    const pdf = await depositSlipPdf(store.db, org.id, slip.id);
    expect(pdf.fileName).toBe('remise-BR-2026-0001.pdf');
    expect(Buffer.from(pdf.bytes).subarray(0, 5).toString()).toBe('%PDF-');
  });
});

describe.each(DIALECTS)('customer credit used on a later invoice on %s', (dialect) => {
  let store: TestStore;
  beforeAll(async () => {
    store = await createTestStore(dialect);
  });
  afterAll(async () => {
    await store?.drop();
  });

  const counts = async (orgId: string) => ({
    entries: (await store.db.selectFrom('ledger_entry').select('id').where('org_id', '=', orgId).execute())
      .length,
    audit: Number(
      (
        await store.db
          .selectFrom('audit_head')
          .select('last_seq')
          .where('org_id', '=', orgId)
          .executeTakeFirst()
      )?.last_seq ?? 0,
    ),
  });
  const receivable = async (orgId: string, entryId: string) =>
    (await getEntry(store.db, orgId, entryId)).lines.filter((l) => l.account === '411');
  const use = (orgId: string, invoiceId: string, body: Record<string, unknown>) =>
    store.db
      .transaction()
      .execute((trx) => useCustomerCredit(trx, orgId, invoiceId, creditUseInput.parse(body), null));

  it('letters the overpayment with the later invoice, partly then fully, and refuses in French', async () => {
    const org = await salesOrganisation(store.db);
    const customer = await salesCustomer(store.db, org.id);
    const other = await salesCustomer(store.db, org.id, { name: 'Autre Client SARL' });
    const first = await validatedInvoice(store.db, org.id, customer.id, {
      issueDate: '2026-03-02',
      lines: lines(),
    });
    // 1 500,00 € received for a 1 200,00 € invoice: 300,00 € kept as credit.
    const over = await receipt(store.db, org.id, {
      customerId: customer.id,
      date: '2026-03-20',
      amount: 150000,
      allocations: [{ invoiceId: first.id, amount: 120000 }],
      excess: 'keep_as_credit',
    });
    const otherCredit = await receipt(store.db, org.id, {
      customerId: other.id,
      date: '2026-03-21',
      amount: 5000,
      excess: 'keep_as_credit',
    });
    expect(await customerCredit(store.db, org.id, customer.id)).toMatchObject({
      available: 30000,
      credits: [{ receiptId: over.id, receiptNumber: over.number, remaining: 30000 }],
    });
    // A later invoice of 120,00 € TTC… then a second one of 240,00 €.
    const later = await validatedInvoice(store.db, org.id, customer.id, {
      issueDate: '2026-04-02',
      lines: lines('100'),
    });
    const third = await validatedInvoice(store.db, org.id, customer.id, {
      issueDate: '2026-04-03',
      lines: lines('200'),
    });
    const unvalidated = await draftInvoice(store.db, org.id, customer.id, { lines: lines('10') });
    const before = await counts(org.id);

    await expect(use(org.id, unvalidated.id, { amount: 100 })).rejects.toMatchObject({
      message: 'La facture doit être validée avant d’y imputer un crédit client.',
    });
    await expect(use(org.id, later.id, { amount: 12001 })).rejects.toMatchObject({
      kind: 'invalid',
      message: expect.stringContaining('dépasse le reste dû sur la facture'),
    });
    await expect(use(org.id, later.id, { amount: 1000, receiptId: otherCredit.id })).rejects.toMatchObject({
      kind: 'invalid',
      message: expect.stringContaining('appartient à un autre client'),
    });
    await expect(use(org.id, later.id, { amount: -5 })).rejects.toThrow(
      'Montant à imputer : le montant doit être positif.',
    );
    await expect(
      use('00000000-0000-7000-8000-000000000000', later.id, { amount: 100 }),
    ).rejects.toMatchObject({ kind: 'not-found' });
    expect(await counts(org.id)).toEqual(before);

    // The whole later invoice from the credit: paid, lettered completely with the credit line.
    const full = await use(org.id, later.id, { amount: 12000 });
    expect(full).toMatchObject({
      invoiceNumber: later.number,
      amount: 12000,
      uses: [{ receiptId: over.id, amount: 12000 }],
      payment: { status: 'paid', remaining: 0, paid: 12000 },
      creditLeft: 18000,
    });
    const afterFull = await counts(org.id);
    expect(afterFull.entries).toBe(before.entries); // no new money entry
    expect(afterFull.audit).toBe(before.audit + 1);
    await expect(use(org.id, third.id, { amount: 24000 })).rejects.toMatchObject({
      kind: 'invalid',
      message: expect.stringMatching(
        /^Le montant à imputer \(240,00\s€\) dépasse le crédit disponible du client \(180,00\s€\)\.$/,
      ),
    });
    expect(await counts(org.id)).toEqual(afterFull);
    // Part of the third invoice from what is left.
    const part = await use(org.id, third.id, { amount: 18000, receiptId: over.id });
    expect(part.payment).toMatchObject({ remaining: 6000, paid: 18000 });
    expect(part.creditLeft).toBe(0);
    expect(await customerCredit(store.db, org.id, customer.id)).toMatchObject({ available: 0, credits: [] });
    await expect(use(org.id, third.id, { amount: 100 })).rejects.toMatchObject({
      message: 'Ce client n’a pas de crédit disponible.',
    });
    const receiptAfter = await getReceipt(store.db, org.id, over.id);
    expect(receiptAfter).toMatchObject({ allocated: 150000, unallocated: 0 });
    expect((await getInvoice(store.db, org.id, later.id)).payment).toMatchObject({ status: 'paid' });

    // The ledger: the credit line sits in one lettering with the two later invoices, partial (60,00 € due).
    const creditLine = (await receivable(org.id, over.ledgerEntryId)).at(-1)!;
    const laterLine = (await receivable(org.id, later.ledgerEntryId!))[0]!;
    const thirdLine = (await receivable(org.id, third.ledgerEntryId!))[0]!;
    expect(creditLine.lettering).not.toBeNull();
    expect(laterLine.lettering).toBe(creditLine.lettering);
    expect(thirdLine.lettering).toBe(creditLine.lettering);
    expect(creditLine.lettering).toBe(creditLine.lettering!.toLowerCase());
    // The last 60,00 € by transfer: the lettering is complete.
    await receipt(store.db, org.id, {
      customerId: customer.id,
      date: '2026-04-20',
      amount: 6000,
      allocations: [{ invoiceId: third.id, amount: 6000 }],
    });
    const completed = (await receivable(org.id, over.ledgerEntryId)).at(-1)!;
    expect(completed.lettering).toBe(completed.lettering!.toUpperCase());

    // Cancelling the overpayment opens the invoices paid from its credit again.
    await store.db.transaction().execute((trx) => cancelReceipt(trx, org.id, over.id, '2026-04-25', null));
    expect((await getInvoice(store.db, org.id, later.id)).payment).toMatchObject({
      status: 'overdue',
      remaining: 12000,
    });
    await verifyAuditChain(store.db, org.id);
  });

  it('two uses of one credit at once: one succeeds, the other is refused, the credit never goes negative', async () => {
    const org = await salesOrganisation(store.db);
    const customer = await salesCustomer(store.db, org.id);
    const advance = await receipt(store.db, org.id, {
      customerId: customer.id,
      date: '2026-03-01',
      amount: 8000,
      excess: 'keep_as_credit',
    });
    const a = await validatedInvoice(store.db, org.id, customer.id, {
      issueDate: '2026-03-02',
      lines: lines('50'),
    });
    const b = await validatedInvoice(store.db, org.id, customer.id, {
      issueDate: '2026-03-03',
      lines: lines('50'),
    });
    const results = await Promise.allSettled([
      use(org.id, a.id, { amount: 6000 }),
      use(org.id, b.id, { amount: 6000 }),
    ]);
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    const refused = results.find((r) => r.status === 'rejected') as PromiseRejectedResult;
    expect(refused.reason.message).toMatch(/dépasse le crédit disponible du client \(20,00/);
    expect(await getReceipt(store.db, org.id, advance.id)).toMatchObject({
      allocated: 6000,
      unallocated: 2000,
    });
  });
});
