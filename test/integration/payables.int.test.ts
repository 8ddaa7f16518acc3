import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../../src/kernel/db/index.ts';
import { entryInput, post } from '../../src/ledger/index.ts';
import {
  agedPayables,
  billInput,
  cancelBill,
  createBill,
  payBill,
  paymentInput,
  validateBill,
} from '../../src/production/index.ts';
import { salesOrganisation } from '../../src/relations/test-helpers.ts';
import { buildParty } from '../support/factories.ts';
import { createTestStore, DIALECTS, type TestStore } from '../support/test-db.ts';

// Aged payables on 2026-06-30 (decision 0033). Every bill is 100,00 € HT at 20 % = 120,00 € TTC.
//   Atelier Bois (supplier):  A1 due 2026-07-10 → not due 120,00
//                             A2 due 2026-06-15 → 15 days late, paid 50,00 on 06-20 → 1–30: 70,00
//                             A3 due 2026-05-20 → 41 days late → 31–60: 120,00          total 310,00
//   Conseil Net (provider):   B1 due 2026-04-20 → 71 days late → 61–90: 120,00
//                             B2 no due date, dated 2026-02-01 → 149 days → over 90: 120,00
//                             B3 cancelled on 2026-05-20 → not counted                total 240,00
//   Overall 550,00 €, which is the credit balance of 401 on 2026-06-30.
describe.each(DIALECTS)('aged payables on %s', (dialect) => {
  let store: TestStore;
  beforeAll(async () => {
    store = await createTestStore(dialect);
  });
  afterAll(async () => {
    await store?.drop();
  });

  const tx = <T>(fn: (trx: Db) => Promise<T>) => store.db.transaction().execute(fn);
  const bill = async (orgId: string, supplierId: string, ref: string, billDate: string, dueDate?: string) => {
    const draft = await tx((trx) =>
      createBill(
        trx,
        orgId,
        billInput.parse({
          supplierId,
          supplierRef: ref,
          billDate,
          dueDate,
          lines: [{ label: 'Achat', netAmount: 10000, vatRate: 2000 }],
        }),
        null,
      ),
    );
    return tx((trx) => validateBill(trx, orgId, draft.id, null));
  };

  it('ages the open bills per supplier and reconciles them with 401; a manual 401 entry shows the gap', async () => {
    const org = await salesOrganisation(store.db);
    const a = await buildParty(store.db, org.id, { name: 'Atelier Bois', roles: ['supplier'] });
    const b = await buildParty(store.db, org.id, { name: 'Conseil Net', roles: ['provider'] });
    const a1 = await bill(org.id, a.id, 'A1', '2026-06-10', '2026-07-10');
    const a2 = await bill(org.id, a.id, 'A2', '2026-05-01', '2026-06-15');
    await bill(org.id, a.id, 'A3', '2026-05-05', '2026-05-20');
    await bill(org.id, b.id, 'B1', '2026-04-01', '2026-04-20');
    await bill(org.id, b.id, 'B2', '2026-02-01');
    const b3 = await bill(org.id, b.id, 'B3', '2026-05-10', '2026-06-10');
    await tx((trx) =>
      payBill(
        trx,
        org.id,
        a2.id,
        paymentInput.parse({ date: '2026-06-20', method: 'transfer', amount: 5000 }),
        null,
      ),
    );
    await tx((trx) => cancelBill(trx, org.id, b3.id, '2026-05-20', null));

    const aged = await agedPayables(store.db, org.id, { asOf: '2026-06-30' });
    expect(aged.suppliers).toEqual([
      {
        supplierId: a.id,
        supplierName: 'Atelier Bois',
        notDue: 12000,
        days0to30: 7000,
        days31to60: 12000,
        days61to90: 0,
        over90: 0,
        total: 31000,
      },
      {
        supplierId: b.id,
        supplierName: 'Conseil Net',
        notDue: 0,
        days0to30: 0,
        days31to60: 0,
        days61to90: 12000,
        over90: 12000,
        total: 24000,
      },
    ]);
    expect(aged.totals).toEqual({
      notDue: 12000,
      days0to30: 7000,
      days31to60: 12000,
      days61to90: 12000,
      over90: 12000,
      total: 55000,
    });
    expect(aged.bills.map((x) => [x.supplierRef, x.leftToPay, x.daysLate])).toEqual([
      ['A3', 12000, 41],
      ['A2', 7000, 15],
      ['A1', 12000, 0],
      ['B2', 12000, 149],
      ['B1', 12000, 71],
    ]);
    expect(aged.bills.find((x) => x.billId === a1.id)?.number).toBe(a1.number);
    expect(aged.reconciliation).toEqual({
      openBills: 55000,
      account: '401',
      ledgerBalance: 55000,
      difference: 0,
    });

    // Before the cancellation and the payment, B3 was owed and A2 whole: still reconciled.
    const earlier = await agedPayables(store.db, org.id, { asOf: '2026-05-15' });
    expect(earlier.reconciliation).toMatchObject({ openBills: 60000, ledgerBalance: 60000, difference: 0 });

    // A payment to Conseil Net keyed into the ledger, not on a bill: 401 no longer matches the bills.
    await tx((trx) =>
      post(
        trx,
        org.id,
        entryInput.parse({
          journal: 'OD',
          date: '2026-06-25',
          label: 'Règlement saisi hors facture',
          lines: [
            { account: '401', partyId: b.id, debit: 3000 },
            { account: '512', credit: 3000 },
          ],
        }),
        null,
      ),
    );
    const after = await agedPayables(store.db, org.id, { asOf: '2026-06-30' });
    expect(after.reconciliation).toEqual({
      openBills: 55000,
      account: '401',
      ledgerBalance: 52000,
      difference: 3000,
    });
    const ofB = await agedPayables(store.db, org.id, { asOf: '2026-06-30', supplierId: b.id });
    expect(ofB.reconciliation).toMatchObject({ openBills: 24000, ledgerBalance: 21000, difference: 3000 });
    expect(ofB.suppliers.map((s) => s.supplierId)).toEqual([b.id]);

    // Another organisation sees none of it.
    const stranger = await salesOrganisation(store.db);
    expect((await agedPayables(store.db, stranger.id, { asOf: '2026-06-30' })).bills).toEqual([]);
  });

  it('takes bills from suppliers, service providers and subcontractors, not from a customer', async () => {
    const org = await salesOrganisation(store.db);
    for (const role of ['supplier', 'provider', 'subcontractor'] as const) {
      const p = await buildParty(store.db, org.id, { name: `Tiers ${role}`, roles: [role] });
      expect((await bill(org.id, p.id, `R-${role}`, '2026-03-02')).status).toBe('validated');
    }
    const customer = await buildParty(store.db, org.id, { name: 'Client seul', roles: ['customer'] });
    const before = await store.db
      .selectFrom('production_supplier_bill')
      .select('id')
      .where('org_id', '=', org.id)
      .execute();
    await expect(bill(org.id, customer.id, 'C-1', '2026-03-02')).rejects.toThrow(
      /« Client seul » n’est ni fournisseur, ni prestataire, ni sous-traitant/,
    );
    const after = await store.db
      .selectFrom('production_supplier_bill')
      .select('id')
      .where('org_id', '=', org.id)
      .execute();
    expect(after.length).toBe(before.length);
  });
});
