import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestStore, DIALECTS, type TestStore } from '../../../test/support/test-db.ts';
import { entryInput, post, trialBalance } from '../../ledger/index.ts';
import { createCreditNote, updateInvoiceDraft } from '../invoices/invoice.ts';
import {
  draft,
  receipt,
  salesCustomer,
  salesOrganisation,
  validate,
  validatedInvoice,
} from '../test-helpers.ts';
import { creditUseInput } from './contract.ts';
import { useCustomerCredit } from './customer-credit.ts';
import { cancelReceipt } from './receipt.ts';
import { agedReceivables } from './receivables.ts';

// The receivables page reconciles with the ledger: open invoices − available customer credits (the part of
// a receipt kept as credit, a credit note beyond what was left to pay) = net amount due = balance of 411,
// read here from the ledger's own report, the trial balance (per account, and per customer account).

/** `ht` euros HT + 20 % VAT. */
const lines = (ht: string) => [{ label: 'Prestation', quantity: '1', unitPrice: ht, vatRate: '20' }];

describe.each(DIALECTS)('receivables against the ledger on %s', (dialect) => {
  let store: TestStore;
  beforeAll(async () => {
    store = await createTestStore(dialect);
  });
  afterAll(async () => {
    await store?.drop();
  });

  /** The 411 balance at `to` in the trial balance: all customers, or one customer's auxiliary account. */
  async function ledger411(orgId: string, to: string, customerName?: string) {
    const report = await trialBalance(store.db, orgId, { to, auxiliary: customerName !== undefined });
    return report.rows
      .filter((r) => r.account.startsWith('411'))
      .filter((r) => customerName === undefined || r.auxiliaryLabel === customerName)
      .reduce((sum, r) => sum + r.closingDebit - r.closingCredit, 0);
  }

  /**
   * Customer A: an unpaid invoice of 1 200,00 €; an invoice of 600,00 € paid 650,00 € (50,00 € kept as
   * credit) then credited by 120,00 € (a credit note on a paid invoice: 120,00 € more credit).
   * Customer B: an unpaid invoice of 300,00 €.
   */
  async function scenario() {
    const org = await salesOrganisation(store.db);
    const a = await salesCustomer(store.db, org.id, { name: 'Garage des Tilleuls' });
    const b = await salesCustomer(store.db, org.id, { name: 'Atelier Bleu' });
    const open = await validatedInvoice(store.db, org.id, a.id, {
      issueDate: '2026-03-02',
      lines: lines('1000'),
    });
    const paid = await validatedInvoice(store.db, org.id, a.id, {
      issueDate: '2026-03-03',
      lines: lines('500'),
    });
    await validatedInvoice(store.db, org.id, b.id, { issueDate: '2026-03-05', lines: lines('250') });
    const overpayment = await receipt(store.db, org.id, {
      customerId: a.id,
      date: '2026-03-20',
      amount: 65000,
      allocations: [{ invoiceId: paid.id, amount: 60000 }],
      excess: 'keep_as_credit',
    });
    const note = await store.db.transaction().execute((trx) => createCreditNote(trx, org.id, paid.id, null));
    await store.db
      .transaction()
      .execute((trx) =>
        updateInvoiceDraft(
          trx,
          org.id,
          note.id,
          draft(a.id, { issueDate: '2026-03-25', lines: lines('100') }),
          null,
        ),
      );
    const creditNote = await validate(store.db, org.id, note.id);
    return { org, a, b, open, paid, overpayment, creditNote };
  }

  it('shows the available credits under the open invoices, and the net due equals the 411 balance', async () => {
    const { org, a, paid, overpayment, creditNote } = await scenario();
    const aged = await agedReceivables(store.db, org.id, { asOf: '2026-03-31' });
    expect(aged.totals.total).toBe(120000 + 30000);
    expect(aged.credits).toEqual([
      expect.objectContaining({
        source: 'receipt',
        documentId: overpayment.id,
        number: overpayment.number,
        date: '2026-03-20',
        customerId: a.id,
        customerName: 'Garage des Tilleuls',
        invoiceId: null,
        amount: 5000,
      }),
      expect.objectContaining({
        source: 'credit_note',
        documentId: creditNote.id,
        number: creditNote.number,
        date: '2026-03-25',
        customerId: a.id,
        invoiceId: paid.id,
        invoiceNumber: paid.number,
        amount: 12000,
      }),
    ]);
    expect(aged.customers.find((c) => c.customerId === a.id)?.credit).toBe(17000);
    const balance = await ledger411(org.id, '2026-03-31');
    expect(balance).toBe(133000);
    expect(aged.reconciliation).toEqual({
      openInvoices: 150000,
      credits: 17000,
      netDue: 133000,
      account: '411',
      ledgerBalance: balance,
      difference: 0,
    });

    // One customer: its open invoices, its credits, its own account under 411 (the customer ledger).
    const ofA = await agedReceivables(store.db, org.id, { asOf: '2026-03-31', customerId: a.id });
    expect(ofA.reconciliation).toMatchObject({ openInvoices: 120000, credits: 17000, netDue: 103000 });
    expect(ofA.reconciliation.ledgerBalance).toBe(
      await ledger411(org.id, '2026-03-31', 'Garage des Tilleuls'),
    );
    expect(ofA.reconciliation.difference).toBe(0);
  });

  it('fails to reconcile without the credits, and stays reconciled on any date as credits are used or cancelled', async () => {
    const { org, a, overpayment } = await scenario();
    const before = await agedReceivables(store.db, org.id, { asOf: '2026-03-31' });
    // The open invoices alone do not give the ledger's 411: the credits make the difference.
    const balance = await ledger411(org.id, '2026-03-31');
    expect(before.totals.total).not.toBe(balance);
    expect(before.totals.total - before.credits.reduce((s, c) => s + c.amount, 0)).toBe(balance);
    expect(before.reconciliation.netDue).toBe(balance);

    // April: a new invoice of 240,00 €, 50,00 € of the credit used on it. May: the overpaying receipt is
    // cancelled (its invoice opens again, its credit goes).
    const later = await validatedInvoice(store.db, org.id, a.id, {
      issueDate: '2026-04-10',
      lines: lines('200'),
    });
    await store.db
      .transaction()
      .execute((trx) =>
        useCustomerCredit(
          trx,
          org.id,
          later.id,
          creditUseInput.parse({ amount: 5000, receiptId: overpayment.id }),
          null,
        ),
      );
    await store.db
      .transaction()
      .execute((trx) => cancelReceipt(trx, org.id, overpayment.id, '2026-05-05', null));

    const expected = {
      // On 31 March the later invoice did not exist, the credit was there, the receipt in force.
      '2026-03-31': { openInvoices: 150000, credits: 17000 },
      // On 30 April the credit was used on the April invoice, the receipt still in force.
      '2026-04-30': { openInvoices: 150000 + 24000 - 5000, credits: 12000 },
      // From 5 May the receipt is cancelled: the paid invoice owes 600,00 − 120,00 €, and the credit
      // note no longer exceeds what is due; the April invoice is owed in full again.
      '2026-05-31': { openInvoices: 120000 + 48000 + 30000 + 24000, credits: 0 },
    };
    for (const [asOf, figures] of Object.entries(expected)) {
      const aged = await agedReceivables(store.db, org.id, { asOf });
      const ledger = await ledger411(org.id, asOf);
      expect(aged.reconciliation, asOf).toEqual({
        ...figures,
        netDue: figures.openInvoices - figures.credits,
        account: '411',
        ledgerBalance: ledger,
        difference: 0,
      });
      expect(
        aged.credits.reduce((s, c) => s + c.amount, 0),
        asOf,
      ).toBe(figures.credits);
      expect(aged.totals.total, asOf).toBe(figures.openInvoices);
    }
  });

  it('shows the gap when 411 carries an entry made outside invoices and receipts', async () => {
    const { org, b } = await scenario();
    // A hand-made entry: 45,00 € of a customer's debt written off to 654 (irrecoverable receivables).
    await store.db.transaction().execute((trx) =>
      post(
        trx,
        org.id,
        entryInput.parse({
          journal: 'OD',
          date: '2026-03-28',
          label: 'Créance irrécouvrable',
          lines: [
            { account: '654', debit: 4500 },
            { account: '411', partyId: b.id, credit: 4500 },
          ],
        }),
        null,
      ),
    );
    const aged = await agedReceivables(store.db, org.id, { asOf: '2026-03-31' });
    expect(aged.reconciliation.ledgerBalance).toBe(await ledger411(org.id, '2026-03-31'));
    expect(aged.reconciliation.difference).toBe(4500);
    const ofB = await agedReceivables(store.db, org.id, { asOf: '2026-03-31', customerId: b.id });
    expect(ofB.reconciliation).toMatchObject({ netDue: 30000, ledgerBalance: 25500, difference: 4500 });
  });
});
