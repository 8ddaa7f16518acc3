import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestStore, DIALECTS, type TestStore } from '../../../test/support/test-db.ts';
import { getParty } from '../../kernel/parties/party.ts';
import { getEntry } from '../../ledger/index.ts';
import { deleteInvoiceDraft } from '../invoices/invoice.ts';
import { getInvoice } from '../invoices/invoice-read.ts';
import { catalogueItem, salesCustomer, salesOrganisation } from '../test-helpers.ts';
import { getSalesDocument } from './document-read.ts';
import { updateSalesDraft } from './documents.ts';
import { invoiceOrder } from './order-invoicing.ts';
import { acceptQuote, sendQuote } from './quotes.ts';
import {
  acceptedOrder,
  deliver,
  downPayment,
  draftQuote,
  invoiceFromOrder,
  quote,
  validateDraft,
} from './sales-test-helpers.ts';

describe.each(DIALECTS)('sales pipeline on %s', (dialect) => {
  let store: TestStore;
  beforeAll(async () => {
    store = await createTestStore(dialect);
  });
  afterAll(async () => {
    await store?.drop();
  });

  const setup = async () => {
    const org = await salesOrganisation(store.db);
    const customer = await salesCustomer(store.db, org.id);
    const goods = await catalogueItem(store.db, org.id, {
      kind: 'goods',
      unit: 'C62',
      label: 'Chaise',
      unitPrice: '80',
      vatRate: '20',
      revenueAccount: '707',
    });
    return { org, customer, goods };
  };

  it('quote → order → partial deliveries → partial invoices keeps lines and tracks what remains', async () => {
    const { org, customer, goods } = await setup();
    const q = await draftQuote(store.db, org.id, customer.id, {
      documentDiscountPercent: '0',
      lines: [
        { itemId: goods.id, quantity: '10', discountPercent: '10' },
        { label: 'Installation', quantity: '2', unitPrice: '45', vatRate: '10', unit: 'HUR' },
      ],
    });
    expect(q).toMatchObject({ status: 'draft', number: null, kind: 'quote' });
    const sent = await store.db.transaction().execute((trx) => sendQuote(trx, org.id, q.id, null));
    expect(sent.number).toBe('DE-2026-00001');
    // A sent quote is frozen: editing it is refused and the database refuses a direct change too.
    await expect(
      store.db
        .transaction()
        .execute((trx) => updateSalesDraft(trx, org.id, 'quote', q.id, quote(customer.id), null)),
    ).rejects.toMatchObject({ kind: 'conflict' });
    await expect(
      store.db
        .updateTable('relations_sales_document')
        .set({ total: 1 })
        .where('org_id', '=', org.id)
        .where('id', '=', q.id)
        .execute(),
    ).rejects.toThrow(/immutable/);

    const order = await acceptedOrder(store.db, org.id, customer.id, {
      lines: [
        { itemId: goods.id, quantity: '10', discountPercent: '10' },
        { label: 'Installation', quantity: '2', unitPrice: '45', vatRate: '10', unit: 'HUR' },
      ],
    });
    expect(order).toMatchObject({ kind: 'order', status: 'confirmed', number: 'BC-2026-00001' });
    expect(order.lines.map((l) => [l.label, l.quantity, l.discountPercent, l.vatRate])).toEqual([
      ['Chaise', '10.000', '10.00', '20.00'],
      ['Installation', '2.000', '0.00', '10.00'],
    ]);
    expect(order.lines[0]!.sourceLineId).not.toBeNull();
    const [chairs] = order.lines;

    const first = await deliver(store.db, org.id, order.id, {
      lines: [{ orderLineId: chairs!.id, quantity: '4' }],
    });
    expect(first).toMatchObject({ kind: 'delivery_note', number: 'BL-2026-00001', sourceId: order.id });
    expect(first.lines).toHaveLength(1);
    expect(first.lines[0]).toMatchObject({ quantity: '4.000', sourceLineId: chairs!.id, netAmount: 28800 });
    await expect(
      deliver(store.db, org.id, order.id, { lines: [{ orderLineId: chairs!.id, quantity: '7' }] }),
    ).rejects.toThrow(/quantités livrées sont invalides/);

    // First invoice: the 4 chairs delivered and the 2 hours of service ordered.
    const inv1 = await invoiceFromOrder(store.db, org.id, order.id);
    expect(inv1.lines.map((l) => [l.label, l.quantity])).toEqual([
      ['Chaise', '4.000'],
      ['Installation', '2.000'],
    ]);
    expect(inv1.notes).toContain('BC-2026-00001');
    expect(inv1.notes).toContain('BL-2026-00001');
    await expect(invoiceFromOrder(store.db, org.id, order.id)).rejects.toThrow(/Rien à facturer/);

    let progress = await getSalesDocument(store.db, org.id, order.id);
    expect(progress.lines.map((l) => [l.delivered, l.toDeliver, l.invoiced, l.toInvoice])).toEqual([
      ['4.000', '6.000', '4.000', '0.000'],
      ['0.000', '0.000', '2.000', '0.000'],
    ]);
    // Deleting the invoice draft makes its quantities billable again.
    await store.db.transaction().execute((trx) => deleteInvoiceDraft(trx, org.id, inv1.id, null));
    progress = await getSalesDocument(store.db, org.id, order.id);
    expect(progress.lines[0]!.toInvoice).toBe('4.000');
    const inv1b = await invoiceFromOrder(store.db, org.id, order.id);
    await validateDraft(store.db, org.id, inv1b.id);

    const second = await deliver(store.db, org.id, order.id); // everything left
    expect(second.lines[0]!.quantity).toBe('6.000');
    const inv2 = await invoiceFromOrder(store.db, org.id, order.id);
    expect(inv2.lines.map((l) => [l.label, l.quantity])).toEqual([['Chaise', '6.000']]);
    progress = await getSalesDocument(store.db, org.id, order.id);
    expect(progress.lines.map((l) => l.toInvoice)).toEqual(['0.000', '0.000']);
    expect(progress.linked.map((l) => l.kind)).toEqual([
      'delivery_note',
      'delivery_note',
      'invoice',
      'invoice',
    ]);
    await expect(deliver(store.db, org.id, order.id)).rejects.toThrow(/Rien à livrer/);
  });

  it('a prospect who accepts a quote becomes a customer, and stays a prospect in the history', async () => {
    const { org } = await setup();
    const prospect = await salesCustomer(store.db, org.id, { name: 'Prospect SARL', roles: ['prospect'] });
    expect(prospect.roles).toEqual(['prospect']);
    await acceptedOrder(store.db, org.id, prospect.id);
    expect((await getParty(store.db, org.id, prospect.id)).roles.sort()).toEqual(['customer', 'prospect']);
  });

  it('a quote accepted on an earlier day gives an order and an invoice of that day, never a future one', async () => {
    const { org, customer } = await setup();
    const q = await draftQuote(store.db, org.id, customer.id, {
      issueDate: '2026-02-02',
      validityDate: '2026-03-04',
    });
    await store.db.transaction().execute((trx) => sendQuote(trx, org.id, q.id, null));
    await expect(
      store.db
        .transaction()
        .execute((trx) => acceptQuote(trx, org.id, q.id, null, { acceptedOn: '2999-01-01' })),
    ).rejects.toThrow('Un devis ne peut pas être accepté à une date future.');
    const { order } = await store.db
      .transaction()
      .execute((trx) => acceptQuote(trx, org.id, q.id, null, { acceptedOn: '2026-02-10' }));
    expect(order.issueDate).toBe('2026-02-10');
    const invoice = await store.db
      .transaction()
      .execute((trx) => invoiceOrder(trx, org.id, order.id, null, { issueDate: '2026-02-12' }));
    expect(invoice.issueDate).toBe('2026-02-12');
  });

  it('a down payment invoice (4191) is deducted from the final invoice, and the ledger clears 4191', async () => {
    const { org, customer, goods } = await setup();
    const order = await acceptedOrder(store.db, org.id, customer.id, {
      lines: [
        { itemId: goods.id, quantity: '5' },
        { label: 'Livres', kind: 'goods', quantity: '10', unitPrice: '20', vatRate: '5.5' },
      ],
    });
    // 400 € at 20 % and 200 € at 5,5 %: 30 % gives 120 € + 60 € excl. VAT.
    const down = await downPayment(store.db, org.id, order.id, { percent: '30' });
    expect(down.lines.map((l) => [l.unitPrice, l.vatRate, l.revenueAccount])).toEqual([
      ['120.0000', '20.00', '4191'],
      ['60.0000', '5.50', '4191'],
    ]);
    expect(down.downPayment).toBe(true);
    await expect(invoiceFromOrder(store.db, org.id, order.id)).rejects.toThrow(/Rien à facturer/);
    await deliver(store.db, org.id, order.id);
    await expect(invoiceFromOrder(store.db, org.id, order.id)).rejects.toThrow(/encore un brouillon/);
    const issuedDown = await validateDraft(store.db, org.id, down.id);
    expect(issuedDown.total).toBe(12000 + 2400 + 6000 + 330);
    const entry = await getEntry(store.db, org.id, issuedDown.ledgerEntryId!);
    expect(entry.lines.find((l) => l.account === '4191')).toMatchObject({ credit: 18000 });

    const final = await invoiceFromOrder(store.db, org.id, order.id);
    expect(final.lines.slice(2).map((l) => [l.quantity, l.unitPrice, l.revenueAccount])).toEqual([
      ['-1.000', '120.0000', '4191'],
      ['-1.000', '60.0000', '4191'],
    ]);
    // 600 € − 180 € excl. VAT; VAT 20 % on 280 €, 5,5 % on 140 €.
    expect(final.totals).toMatchObject({ taxBasisTotal: 42000, vatTotal: 5600 + 770 });
    expect(final.downPayment).toBe(false);
    const issuedFinal = await validateDraft(store.db, org.id, final.id);
    const finalEntry = await getEntry(store.db, org.id, issuedFinal.ledgerEntryId!);
    expect(finalEntry.lines.find((l) => l.account === '4191')).toMatchObject({ debit: 18000 });
    expect(issuedFinal.total + issuedDown.total).toBe(48000 + 2000 * 10 + 1100);
    // Deducted once: a later invoice finds nothing more to deduct nor to bill.
    await expect(invoiceFromOrder(store.db, org.id, order.id)).rejects.toThrow(/Rien à facturer/);
    const stored = await getInvoice(store.db, org.id, down.id);
    expect(stored.status).toBe('validated');
  });

  it('two invoices of the same order at the same moment never bill a quantity twice', async () => {
    const { org, customer } = await setup();
    const order = await acceptedOrder(store.db, org.id, customer.id, {
      lines: [{ label: 'Audit', quantity: '3', unitPrice: '100', vatRate: '20' }],
    });
    const results = await Promise.allSettled([
      invoiceFromOrder(store.db, org.id, order.id),
      invoiceFromOrder(store.db, org.id, order.id),
    ]);
    expect(results.map((r) => r.status).sort()).toEqual(['fulfilled', 'rejected']);
    const progress = await getSalesDocument(store.db, org.id, order.id);
    expect(progress.lines[0]).toMatchObject({ invoiced: '3.000', toInvoice: '0.000' });
  });

  it('bad input changes nothing: no line, negative quantity, unknown party, over-delivery', async () => {
    const { org, customer } = await setup();
    expect(() => quote(customer.id, { lines: [] })).toThrow(/Un devis compte au moins une ligne/);
    await expect(
      draftQuote(store.db, org.id, customer.id, {
        lines: [{ label: 'X', quantity: '-2', unitPrice: '10', vatRate: '20' }],
      }),
    ).rejects.toMatchObject({ kind: 'invalid', message: 'Certaines lignes du devis sont invalides.' });
    await expect(draftQuote(store.db, org.id, 'nope')).rejects.toThrow(/Client ou prospect inconnu/);
    const count = await store.db
      .selectFrom('relations_sales_document')
      .select((eb) => eb.fn.countAll().as('n'))
      .where('org_id', '=', org.id)
      .executeTakeFirstOrThrow();
    expect(Number(count.n)).toBe(0);
  });
});
