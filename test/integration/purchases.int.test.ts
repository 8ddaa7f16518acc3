import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyAuditChain } from '../../src/kernel/audit/audit.ts';
import type { Db } from '../../src/kernel/db/index.ts';
import { getEntry, trialBalance } from '../../src/ledger/index.ts';
import {
  agedPayables,
  billInput,
  cancelBill,
  cancelPayment,
  createBill,
  getBill,
  listBills,
  payBill,
  paymentInput,
  validateBill,
} from '../../src/production/index.ts';
import { salesOrganisation } from '../../src/relations/test-helpers.ts';
import { buildParty } from '../support/factories.ts';
import { createTestStore, DIALECTS, type TestStore } from '../support/test-db.ts';

// The worked example, by hand:
//   line 1: 100,00 € HT at 20 %  → VAT 100,00 × 20 % = 20,00 €
//   line 2:  50,00 € HT at 5,5 % → VAT  50,00 × 5,5 % = 2,75 €
//   total HT 150,00 €, VAT 22,75 €, TTC 172,75 €.
// The AC entry: debit 607 100,00, debit 6064 50,00, debit 44566 20,00 and 2,75, credit 401 172,75.
const worked = (supplierId: string, supplierRef = 'F-2026-118') =>
  billInput.parse({
    supplierId,
    supplierRef,
    billDate: '2026-03-02',
    dueDate: '2026-04-01',
    lines: [
      { label: 'Marchandises', netAmount: 10000, vatRate: 2000 },
      { label: 'Fournitures', account: '6064', netAmount: 5000, vatRate: 550 },
    ],
  });

describe.each(DIALECTS)('supplier bills on %s', (dialect) => {
  let store: TestStore;
  beforeAll(async () => {
    store = await createTestStore(dialect);
  });
  afterAll(async () => {
    await store?.drop();
  });

  const tx = <T>(fn: (trx: Db) => Promise<T>) => store.db.transaction().execute(fn);
  const supplier = async (orgId: string) =>
    buildParty(store.db, orgId, { name: 'Grossiste Rhône', roles: ['supplier'] });
  const balanceOf = async (orgId: string, account: string) => {
    const b = await trialBalance(store.db, orgId, { from: '2026-01-01', to: '2026-12-31', auxiliary: false });
    expect(b.totals.periodDebit).toBe(b.totals.periodCredit);
    return b.rows.find((r) => r.account === account);
  };
  const counts = async (orgId: string) => ({
    bills: (
      await store.db.selectFrom('production_supplier_bill').select('id').where('org_id', '=', orgId).execute()
    ).length,
    entries: (await store.db.selectFrom('ledger_entry').select('id').where('org_id', '=', orgId).execute())
      .length,
  });

  it('validates the worked example into a balanced AC entry, then pays it in two parts', async () => {
    const org = await salesOrganisation(store.db);
    const s = await supplier(org.id);
    const draft = await tx((trx) => createBill(trx, org.id, worked(s.id), null));
    expect(draft).toMatchObject({
      status: 'draft',
      number: null,
      totalNet: 15000,
      totalVat: 2275,
      total: 17275,
      vatBreakdown: [
        { rate: 2000, base: 10000, vat: 2000 },
        { rate: 550, base: 5000, vat: 275 },
      ],
    });
    expect(draft.lines[0]!.account).toBe('607');

    const bill = await tx((trx) => validateBill(trx, org.id, draft.id, null));
    expect(bill).toMatchObject({
      status: 'validated',
      number: 'ACH-2026-0001',
      paymentStatus: 'to_pay',
      leftToPay: 17275,
    });
    const entry = await getEntry(store.db, org.id, bill.ledgerEntryId!);
    expect(entry.journal).toBe('AC');
    expect(entry.voucherRef).toBe('ACH-2026-0001');
    expect(entry.label).toContain('F-2026-118');
    expect(entry.lines.map((l) => [l.account, l.debit, l.credit])).toEqual([
      ['607', 10000, 0],
      ['6064', 5000, 0],
      ['44566', 2000, 0],
      ['44566', 275, 0],
      ['401', 0, 17275],
    ]);
    expect(entry.lines[4]!.partyId).toBe(s.id);
    expect(await balanceOf(org.id, '401')).toMatchObject({ closingCredit: 17275, closingDebit: 0 });

    const part = await tx((trx) =>
      payBill(
        trx,
        org.id,
        bill.id,
        paymentInput.parse({ date: '2026-03-20', method: 'transfer', amount: 7275 }),
        null,
      ),
    );
    expect(part).toMatchObject({ paymentStatus: 'partially_paid', paid: 7275, leftToPay: 10000 });
    const payEntry = await getEntry(store.db, org.id, part.payments[0]!.ledgerEntryId);
    expect(payEntry.journal).toBe('BQ');
    expect(payEntry.lines.map((l) => [l.account, l.debit, l.credit])).toEqual([
      ['401', 7275, 0],
      ['512', 0, 7275],
    ]);
    // More than what is left to pay: refused, nothing written.
    const before = await counts(org.id);
    await expect(
      tx((trx) =>
        payBill(
          trx,
          org.id,
          bill.id,
          paymentInput.parse({ date: '2026-03-21', method: 'cheque', amount: 10001 }),
          null,
        ),
      ),
    ).rejects.toThrow(/dépasse le reste à payer/);
    expect(await counts(org.id)).toEqual(before);

    const paid = await tx((trx) =>
      payBill(
        trx,
        org.id,
        bill.id,
        paymentInput.parse({ date: '2026-03-25', method: 'cheque', amount: 10000 }),
        null,
      ),
    );
    expect(paid).toMatchObject({ paymentStatus: 'paid', paid: 17275, leftToPay: 0 });
    expect(await balanceOf(org.id, '401')).toMatchObject({ closingCredit: 0, closingDebit: 0 });
    // The three 401 lines are lettered together, complete (upper case).
    const codes = new Set<string | null>();
    for (const id of [bill.ledgerEntryId!, ...paid.payments.map((p) => p.ledgerEntryId)])
      for (const l of (await getEntry(store.db, org.id, id)).lines)
        if (l.account === '401') codes.add(l.lettering);
    expect(codes.size).toBe(1);
    const [code] = [...codes];
    expect(code).toBeTruthy();
    expect(code).toBe(code!.toUpperCase());

    // A paid bill is not cancelled.
    await expect(tx((trx) => cancelBill(trx, org.id, bill.id, '2026-04-01', null))).rejects.toThrow(
      /déjà été payée/,
    );
    expect((await listBills(store.db, org.id, { status: 'paid' })).items.map((b) => b.id)).toEqual([bill.id]);
    expect((await listBills(store.db, org.id, { status: 'to_pay' })).items).toEqual([]);
    expect((await verifyAuditChain(store.db, org.id)).ok).toBe(true);
  });

  it('refuses a supplier number entered twice, a non-supplier, a bad account or rate, writing nothing', async () => {
    const org = await salesOrganisation(store.db);
    const s = await supplier(org.id);
    await tx((trx) => createBill(trx, org.id, worked(s.id), null));
    const before = await counts(org.id);
    await expect(tx((trx) => createBill(trx, org.id, worked(s.id), null))).rejects.toThrow(
      /F-2026-118 de ce fournisseur est déjà enregistrée/,
    );
    // The same number from another supplier is another bill.
    const other = await supplier(org.id);
    const customer = await buildParty(store.db, org.id, { name: 'Client seul', roles: ['customer'] });
    await expect(tx((trx) => createBill(trx, org.id, worked(customer.id), null))).rejects.toThrow(
      /n’est ni fournisseur, ni prestataire, ni sous-traitant/,
    );
    const bad = worked(other.id);
    await expect(
      tx((trx) => createBill(trx, org.id, { ...bad, lines: [{ ...bad.lines[0]!, account: '706' }] }, null)),
    ).rejects.toThrow(/n’est pas un compte de charges/);
    await expect(
      tx((trx) => createBill(trx, org.id, { ...bad, lines: [{ ...bad.lines[0]!, vatRate: 1900 }] }, null)),
    ).rejects.toThrow(/Taux de TVA inconnu/);
    expect(await counts(org.id)).toEqual(before);
    await tx((trx) => createBill(trx, org.id, worked(other.id), null));
  });

  // By hand: a computer bought as a fixed asset (2183) 1 000,00 € and ink (6064) 100,01 € at 20 %, and a
  // 5,5 % line. VAT at 20 % on 1 100,01 = 220,002 → 220,00 €; the fixed asset's share 1 000,00 × 20 % =
  // 200,00 € goes to 44562 (CA3 line 19), the rest 20,00 € to 44566 (line 20); at 5,5 %, 10,00 € → 0,55 €
  // on 44566. TTC 1 100,01 + 10,00 + 220,00 + 0,55 = 1 330,56 €.
  it('puts the VAT of fixed assets on 44562 and the rest on 44566, adding up to the bill', async () => {
    const org = await salesOrganisation(store.db);
    const s = await supplier(org.id);
    const draft = await tx((trx) =>
      createBill(
        trx,
        org.id,
        billInput.parse({
          supplierId: s.id,
          supplierRef: 'INV-77',
          billDate: '2026-05-04',
          lines: [
            { label: 'Ordinateur portable', account: '2183', netAmount: 100000, vatRate: 2000 },
            { label: 'Encre', account: '6064', netAmount: 10001, vatRate: 2000 },
            { label: 'Revues', account: '6064', netAmount: 1000, vatRate: 550 },
          ],
        }),
        null,
      ),
    );
    const bill = await tx((trx) => validateBill(trx, org.id, draft.id, null));
    expect(bill).toMatchObject({ totalVat: 22055, total: 133056 });
    const entry = await getEntry(store.db, org.id, bill.ledgerEntryId!);
    expect(entry.lines.map((l) => [l.account, l.debit, l.credit])).toEqual([
      ['2183', 100000, 0],
      ['6064', 11001, 0],
      ['44562', 20000, 0],
      ['44566', 2000, 0],
      ['44566', 55, 0],
      ['401', 0, 133056],
    ]);
  });

  it('cancels an unpaid bill by a reversal; other organisations see 404', async () => {
    const org = await salesOrganisation(store.db);
    const s = await supplier(org.id);
    const draft = await tx((trx) => createBill(trx, org.id, worked(s.id), null));
    const bill = await tx((trx) => validateBill(trx, org.id, draft.id, null));
    const cancelled = await tx((trx) => cancelBill(trx, org.id, bill.id, '2026-03-10', null));
    expect(cancelled).toMatchObject({ status: 'cancelled', paymentStatus: null, leftToPay: 0 });
    const reversal = await getEntry(store.db, org.id, cancelled.cancellationEntryId!);
    expect(reversal.lines.find((l) => l.account === '401')).toMatchObject({ debit: 17275, credit: 0 });
    expect(await balanceOf(org.id, '401')).toMatchObject({ closingCredit: 0, closingDebit: 0 });
    // The next bill takes the next number: the cancelled one keeps its own.
    const next = await tx((trx) => createBill(trx, org.id, worked(s.id, 'F-2026-119'), null));
    expect((await tx((trx) => validateBill(trx, org.id, next.id, null))).number).toBe('ACH-2026-0002');
    // The cancelled bill frees the supplier's number: the corrected bill is entered again under it, once.
    const corrected = await tx((trx) => createBill(trx, org.id, worked(s.id), null));
    expect(corrected.supplierRef).toBe('F-2026-118');
    await expect(tx((trx) => createBill(trx, org.id, worked(s.id), null))).rejects.toThrow(
      /déjà enregistrée/,
    );

    const stranger = await salesOrganisation(store.db);
    await expect(getBill(store.db, stranger.id, bill.id)).rejects.toThrow(/introuvable/);
    await expect(tx((trx) => validateBill(trx, stranger.id, next.id, null))).rejects.toThrow(/introuvable/);
    await expect(tx((trx) => createBill(trx, stranger.id, worked(s.id, 'X'), null))).rejects.toThrow(
      /introuvable/,
    );
  });

  it('cancels a payment made by mistake: reversed, unlettered, the bill owed again; writes nothing when refused', async () => {
    const org = await salesOrganisation(store.db);
    const s = await supplier(org.id);
    const draft = await tx((trx) => createBill(trx, org.id, worked(s.id), null));
    const bill = await tx((trx) => validateBill(trx, org.id, draft.id, null));
    const pay = (date: string, amount: number) =>
      tx((trx) =>
        payBill(trx, org.id, bill.id, paymentInput.parse({ date, method: 'transfer', amount }), null),
      );
    // Paid in full by mistake with the whole amount, on 10 March: bill and payment lettered on 401.
    const paid = await pay('2026-03-10', 17275);
    expect(paid.paymentStatus).toBe('paid');
    const wrong = paid.payments[0]!;
    const bankLine = async (entryId: string) =>
      (await getEntry(store.db, org.id, entryId)).lines.find((l) => l.account === '401')!;
    expect((await bankLine(wrong.ledgerEntryId)).lettering).toMatch(/^[A-Z]+$/);

    // Refusals write nothing: a date before the payment, an unknown payment, another organisation.
    const before = await counts(org.id);
    await expect(
      tx((trx) => cancelPayment(trx, org.id, bill.id, wrong.id, '2026-03-09', null)),
    ).rejects.toThrow('L’annulation ne peut pas précéder le paiement (10/03/2026).');
    await expect(
      tx((trx) => cancelPayment(trx, org.id, bill.id, bill.id, '2026-03-12', null)),
    ).rejects.toThrow('Paiement introuvable.');
    const stranger = await salesOrganisation(store.db);
    await expect(
      tx((trx) => cancelPayment(trx, stranger.id, bill.id, wrong.id, '2026-03-12', null)),
    ).rejects.toThrow(/introuvable/);
    expect(await counts(org.id)).toEqual(before);

    const reopened = await tx((trx) => cancelPayment(trx, org.id, bill.id, wrong.id, '2026-03-12', null));
    expect(reopened).toMatchObject({ paymentStatus: 'to_pay', paid: 0, leftToPay: 17275 });
    expect(reopened.payments[0]).toMatchObject({ id: wrong.id, cancelledOn: '2026-03-12' });
    // The reversal: BQ, debit 512 / credit 401 of 172,75 on 12 March; the payment and its reversal are
    // lettered together, the bill's 401 credit is open again.
    const reversal = await getEntry(store.db, org.id, reopened.payments[0]!.cancellationEntryId!);
    expect(reversal).toMatchObject({ date: '2026-03-12', reversalOf: wrong.ledgerEntryId });
    expect(reversal.lines.map((l) => [l.account, l.debit, l.credit])).toEqual([
      ['401', 0, 17275],
      ['512', 17275, 0],
    ]);
    const paymentLine = await bankLine(wrong.ledgerEntryId);
    expect(paymentLine.lettering).not.toBeNull();
    expect((await bankLine(reversal.id)).lettering).toBe(paymentLine.lettering);
    expect((await bankLine(bill.ledgerEntryId!)).lettering).toBeNull();
    expect(await balanceOf(org.id, '401')).toMatchObject({ closingCredit: 17275, closingDebit: 0 });
    // Aged payables as they stood: nothing owed between the payment and its cancellation, owed again after,
    // and reconciled with 401 both days.
    const on11 = await agedPayables(store.db, org.id, { asOf: '2026-03-11' });
    expect([on11.totals.total, on11.reconciliation.difference]).toEqual([0, 0]);
    const on12 = await agedPayables(store.db, org.id, { asOf: '2026-03-12' });
    expect([on12.totals.total, on12.reconciliation.difference]).toEqual([17275, 0]);
    await expect(
      tx((trx) => cancelPayment(trx, org.id, bill.id, wrong.id, '2026-03-13', null)),
    ).rejects.toThrow('Ce paiement a déjà été annulé le 12/03/2026.');

    // Paid again, rightly: the bill is lettered with the new payment only.
    const settled = await pay('2026-03-15', 17275);
    expect(settled).toMatchObject({ paymentStatus: 'paid', paid: 17275 });
    const fresh = settled.payments.find((p) => p.cancelledOn === null)!;
    expect((await bankLine(bill.ledgerEntryId!)).lettering).toBe(
      (await bankLine(fresh.ledgerEntryId)).lettering,
    );
    expect(await balanceOf(org.id, '401')).toMatchObject({ closingCredit: 0, closingDebit: 0 });
    expect((await verifyAuditChain(store.db, org.id)).ok).toBe(true);
  });
});
