import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../../src/kernel/db/index.ts';
import { getEntry, trialBalance } from '../../src/ledger/index.ts';
import {
  billInput,
  createBill,
  fileVatReturn,
  getVatReturn,
  listVatReturns,
  payVatReturn,
  validateBill,
  vatPaymentInput,
} from '../../src/production/index.ts';
import {
  cancelReceipt,
  createCreditNote,
  invoiceDraftInput,
  updateInvoiceDraft,
  validateInvoice,
} from '../../src/relations/index.ts';
import {
  receipt,
  salesCustomer,
  salesOrganisation,
  validatedInvoice,
} from '../../src/relations/test-helpers.ts';
import { buildParty } from '../support/factories.ts';
import { createTestStore, DIALECTS, type TestStore } from '../support/test-db.ts';

// A worked example of three monthly CA3 returns, by hand (rules: CGI art. 269 — goods on delivery, services
// on payment without the option for debits; notice 3310-NOT-SD — each line rounded to the euro).
//
// July 2026
//   A goods,    05/07: 1 000,00 HT at 20 %            → VAT 200,00, due in July
//   B services, 10/07:   500,00 HT at 20 % (600 TTC)  → paid 300,00 on 20/07: half due, base 250, VAT 50,00
//   C mixed,    12/07: goods 100,00 at 5,5 % (VAT 5,50) + service 200,00 at 10 % (VAT 20,00), 325,50 TTC,
//                      unpaid in July: only the goods, base 100, VAT 5,50
//   bills,      08/07: 607 300,00 at 20 % → 44566 60,00; 2183 800,00 at 20 % → 44562 160,00
//   A1 = 1 000 + 250 + 100 = 1 350; 08 = base 1 250, VAT 250; 09 = base 100, VAT 5,50 → 6 (half up)
//   16 = 256; 19 = 160; 20 = 60; 23 = 220; TD = 28 = 32 = 36
//   entry: 44571 D 255,50 · 44562 C 160,00 · 44566 C 60,00 · 44551 C 36,00 · 658 D 0,50 (rounding)
// August 2026
//   B rest paid 03/08 (300,00) → base 250, VAT 50; C paid 05/08 (325,50) → its service: base 200, VAT 20
//   bill 10/08: 2183 5 000,00 at 20 % → 44562 1 000,00
//   08 = 250 / 50; 9B = 200 / 20; 16 = 70; 19 = 1 000; 23 = 1 000; 25 = 27 = 930; 28 = 0
//   entry: 44571 D 70,00 · 44562 C 1 000,00 · 44567 D 930,00
// September 2026
//   D goods 01/09: 2 000,00 at 20 % → VAT 400; E services 02/09: 100,00 at 20 % (120 TTC), paid 03/09 and
//   the receipt cancelled 04/09 → nothing due
//   08 = 2 000 / 400; 16 = 400; 22 = 930; 23 = 930; 25 = 27 = 530; 28 = 0
//   entry: 44571 D 400,00 · 44567 C 930,00 − D 530,00 = C 400,00
// Afterwards 44571 keeps 20,00 credit: E's VAT, invoiced, not due until E is paid.

describe.each(DIALECTS)('VAT returns (CA3) on %s', (dialect) => {
  let store: TestStore;
  let orgId: string;
  let customerId: string;
  const credited: Record<string, string> = {};
  beforeAll(async () => {
    store = await createTestStore(dialect);
    orgId = (await salesOrganisation(store.db)).id;
    const customer = await salesCustomer(store.db, orgId);
    customerId = customer.id;
    const supplier = await buildParty(store.db, orgId, { name: 'Grossiste Rhône', roles: ['supplier'] });
    const invoice = (issueDate: string, lines: Record<string, unknown>[]) =>
      validatedInvoice(store.db, orgId, customer.id, { issueDate, lines });
    const bill = async (billDate: string, supplierRef: string, lines: Record<string, unknown>[]) => {
      const draft = await tx((trx) =>
        createBill(
          trx,
          orgId,
          billInput.parse({ supplierId: supplier.id, supplierRef, billDate, lines }),
          null,
        ),
      );
      await tx((trx) => validateBill(trx, orgId, draft.id, null));
    };
    const goods = (unitPrice: string, vatRate: string) => ({
      label: 'Marchandise',
      kind: 'goods',
      quantity: '1',
      unitPrice,
      vatRate,
    });
    const service = (unitPrice: string, vatRate: string) => ({
      label: 'Prestation',
      kind: 'service',
      quantity: '1',
      unitPrice,
      vatRate,
    });

    credited.a = (await invoice('2026-07-05', [goods('1000', '20')])).id;
    await bill('2026-07-08', 'F-1', [
      { label: 'Marchandises', netAmount: 30000, vatRate: 2000 },
      { label: 'Ordinateur', account: '2183', netAmount: 80000, vatRate: 2000 },
    ]);
    const b = await invoice('2026-07-10', [service('500', '20')]);
    const c = await invoice('2026-07-12', [goods('100', '5.5'), service('200', '10')]);
    expect(c.total).toBe(32550);
    await receipt(store.db, orgId, {
      customerId: customer.id,
      date: '2026-07-20',
      amount: 30000,
      allocations: [{ invoiceId: b.id, amount: 30000 }],
    });
    await receipt(store.db, orgId, {
      customerId: customer.id,
      date: '2026-08-03',
      amount: 30000,
      allocations: [{ invoiceId: b.id, amount: 30000 }],
    });
    await receipt(store.db, orgId, {
      customerId: customer.id,
      date: '2026-08-05',
      amount: 32550,
      allocations: [{ invoiceId: c.id, amount: 32550 }],
    });
    await bill('2026-08-10', 'F-2', [
      { label: 'Machine', account: '2183', netAmount: 500000, vatRate: 2000 },
    ]);
    await invoice('2026-09-01', [goods('2000', '20')]);
    const e = await invoice('2026-09-02', [service('100', '20')]);
    credited.e = e.id;
    const paid = await receipt(store.db, orgId, {
      customerId: customer.id,
      date: '2026-09-03',
      amount: 12000,
      allocations: [{ invoiceId: e.id, amount: 12000 }],
    });
    await tx((trx) => cancelReceipt(trx, orgId, paid.id, '2026-09-04', null));
  });
  afterAll(async () => {
    await store?.drop();
  });

  const tx = <T>(fn: (trx: Db) => Promise<T>) => store.db.transaction().execute(fn);
  const lines = (r: { lines: { code: string; base: number | null; amount: number }[] }) =>
    Object.fromEntries(
      r.lines
        .filter((l) => l.amount !== 0 || (l.base ?? 0) !== 0)
        .map((l) => [l.code, l.base === null ? l.amount : [l.base, l.amount]]),
    );
  const entryLines = async (id: string) =>
    (await getEntry(store.db, orgId, id)).lines.map((l) => [l.account, l.debit, l.credit]);
  const count = async () =>
    (await store.db.selectFrom('production_vat_return').select('id').where('org_id', '=', orgId).execute())
      .length;

  it('computes July before filing, then files it: figures kept, settlement entry with the rounding', async () => {
    const preview = await getVatReturn(store.db, orgId, '2026-07');
    expect(preview).toMatchObject({
      status: 'preview',
      label: 'juillet 2026',
      from: '2026-07-01',
      to: '2026-07-31',
      notFileable: null,
    });
    expect(lines(preview)).toEqual({
      A1: 1350,
      '08': [1250, 250],
      '09': [100, 6],
      '16': 256,
      '19': 160,
      '20': 60,
      '23': 220,
      TD: 36,
      '28': 36,
      '32': 36,
    });
    expect(preview.cents).toEqual({
      collected: 25550,
      deductibleAssets: 16000,
      deductibleOther: 6000,
      previousCredit: 0,
    });

    const filed = await tx((trx) => fileVatReturn(trx, orgId, '2026-07', null));
    expect(filed).toMatchObject({ status: 'filed', vatDue: 36, creditCarried: 0 });
    expect(lines(filed)).toEqual(lines(preview));
    const entry = await getEntry(store.db, orgId, filed.entry!.id);
    expect(entry).toMatchObject({
      journal: 'OD',
      date: '2026-07-31',
      label: 'Déclaration de TVA juillet 2026',
    });
    expect(await entryLines(filed.entry!.id)).toEqual([
      ['44571', 25550, 0],
      ['44562', 0, 16000],
      ['44566', 0, 6000],
      ['44551', 0, 3600],
      ['658', 50, 0],
    ]);
  });

  it('refuses a second filing, a period out of order, a period not over, and writes nothing', async () => {
    const before = await count();
    await expect(tx((trx) => fileVatReturn(trx, orgId, '2026-07', null))).rejects.toThrow(
      'La déclaration de juillet 2026 est déjà déposée.',
    );
    await expect(tx((trx) => fileVatReturn(trx, orgId, '2026-09', null))).rejects.toThrow(
      'Déposez d’abord la déclaration d’août 2026',
    );
    await expect(tx((trx) => fileVatReturn(trx, orgId, '2099-01', null))).rejects.toThrow(
      'n’est pas terminée',
    );
    await expect(tx((trx) => fileVatReturn(trx, orgId, '2026-T3', null))).rejects.toThrow('Régime mensuel');
    expect(await count()).toBe(before);
    // A filed return does not move when documents of its month change afterwards: it is read as filed.
    expect((await getVatReturn(store.db, orgId, '2026-07')).vatDue).toBe(36);
  });

  it('files August with a credit of VAT, and September uses it (line 22)', async () => {
    const august = await tx((trx) => fileVatReturn(trx, orgId, '2026-08', null));
    expect(lines(august)).toEqual({
      A1: 450,
      '08': [250, 50],
      '9B': [200, 20],
      '16': 70,
      '19': 1000,
      '23': 1000,
      '25': 930,
      '27': 930,
    });
    expect(await entryLines(august.entry!.id)).toEqual([
      ['44571', 7000, 0],
      ['44562', 0, 100000],
      ['44567', 93000, 0],
    ]);
    const september = await tx((trx) => fileVatReturn(trx, orgId, '2026-09', null));
    expect(lines(september)).toEqual({
      A1: 2000,
      '08': [2000, 400],
      '16': 400,
      '22': 930,
      '23': 930,
      '25': 530,
      '27': 530,
    });
    expect(await entryLines(september.entry!.id)).toEqual([
      ['44571', 40000, 0],
      ['44567', 0, 40000],
    ]);

    const balance = await trialBalance(store.db, orgId, {
      from: '2026-01-01',
      to: '2026-12-31',
      auxiliary: false,
    });
    expect(balance.totals.closingDebit).toBe(balance.totals.closingCredit);
    const closing = (account: string) => {
      const row = balance.rows.find((r) => r.account === account);
      return row ? row.closingDebit - row.closingCredit : 0;
    };
    expect(closing('44571')).toBe(-2000); // E's VAT: invoiced, not due while E is unpaid
    expect(closing('44562')).toBe(0);
    expect(closing('44566')).toBe(0);
    expect(closing('44567')).toBe(53000);
    expect(closing('44551')).toBe(-3600);

    const list = await listVatReturns(store.db, orgId);
    expect(list).toMatchObject({ frequency: 'monthly', nextPeriod: '2026-10' });
    expect(list.filed.map((r) => [r.period, r.vatDue, r.creditCarried])).toEqual([
      ['2026-09', 0, 530],
      ['2026-08', 0, 930],
      ['2026-07', 36, 0],
    ]);
  });

  it('pays July’s VAT: bank entry, 44551 lettered and settled; refuses what cannot be paid', async () => {
    const pay = (period: string, date: string) =>
      tx((trx) =>
        payVatReturn(trx, orgId, period, vatPaymentInput.parse({ date, reference: 'TVA-07' }), null),
      );
    await expect(pay('2026-07', '2026-07-31')).rejects.toThrow('se paie après la fin de la période');
    await expect(pay('2026-08', '2026-09-20')).rejects.toThrow('aucune TVA à payer');
    await expect(pay('2026-10', '2026-11-20')).rejects.toThrow('n’est pas déposée');
    const paid = await pay('2026-07', '2026-08-19');
    expect(paid.payment).toMatchObject({ date: '2026-08-19', entry: { number: expect.any(Number) } });
    const entry = await getEntry(store.db, orgId, paid.payment!.entry.id);
    expect(entry).toMatchObject({
      journal: 'BQ',
      voucherRef: 'TVA-07',
      label: 'Paiement de la TVA juillet 2026',
    });
    expect(entry.lines.map((l) => [l.account, l.debit, l.credit])).toEqual([
      ['44551', 3600, 0],
      ['512', 0, 3600],
    ]);
    const settlement = await getEntry(store.db, orgId, paid.entry!.id);
    const code = settlement.lines.find((l) => l.account === '44551')!.lettering;
    expect(code).toMatch(/^[A-Z]+$/);
    expect(entry.lines[0]!.lettering).toBe(code);
    await expect(pay('2026-07', '2026-08-20')).rejects.toThrow('déjà payée (le 19/08/2026)');
    const balance = await trialBalance(store.db, orgId, {
      from: '2026-01-01',
      to: '2026-12-31',
      auxiliary: false,
    });
    const row = balance.rows.find((r) => r.account === '44551')!;
    expect(row.closingDebit - row.closingCredit).toBe(0);
  });

  it('takes a credit note on goods off the VAT due (line 21 when it exceeds), lists one on unpaid services', async () => {
    // October: E (services, never paid) credited in full, and A's goods credited in full (200,00 of VAT).
    const creditNote = async (invoiceId: string, issueDate: string, lines: Record<string, unknown>[]) =>
      tx(async (trx) => {
        const draft = await createCreditNote(trx, orgId, invoiceId, null);
        await updateInvoiceDraft(
          trx,
          orgId,
          draft.id,
          invoiceDraftInput.parse({ customerId, issueDate, lines }),
          null,
        );
        return validateInvoice(trx, orgId, draft.id, null);
      });
    const onServices = await creditNote(credited.e!, '2026-10-05', [
      { label: 'Prestation', kind: 'service', quantity: '1', unitPrice: '100', vatRate: '20' },
    ]);
    await creditNote(credited.a!, '2026-10-06', [
      { label: 'Marchandise', kind: 'goods', quantity: '1', unitPrice: '1000', vatRate: '20' },
    ]);
    const october = await getVatReturn(store.db, orgId, '2026-10');
    expect(october.creditNotesToReview).toEqual([
      { number: onServices.number, issueDate: '2026-10-05', vat: 2000 },
    ]);
    // Nothing else in October: the goods' credit note gives back 200 € (line 21), a credit of 200 €.
    expect(lines(october)).toEqual({ '21': 200, '22': 530, '23': 730, '25': 730, '27': 730 });
    expect(october.cents.collected).toBe(-20000);
  });

  it('refuses an organisation that files no CA3 with a French message', async () => {
    const simplified = await salesOrganisation(store.db, { vatRegime: 'simplified' });
    await expect(getVatReturn(store.db, simplified.id, '2026-07')).rejects.toThrow('ne dépose pas de CA3');
    expect(await listVatReturns(store.db, simplified.id)).toEqual({
      frequency: null,
      nextPeriod: null,
      filed: [],
    });
  });
});
