import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyAuditChain } from '../../src/kernel/audit/audit.ts';
import type { Db } from '../../src/kernel/db/index.ts';
import { getEntry, trialBalance } from '../../src/ledger/index.ts';
import { newEmployee, orderData, reportData } from '../../src/personnel/expenses/test-helpers.ts';
import {
  approveTravelOrder,
  cancelExpenseReport,
  cancelTravelOrder,
  completeTravelOrder,
  createExpenseReport,
  createTravelOrder,
  expensePaymentInput,
  expenseReportInput,
  getExpenseReport,
  listExpenseReports,
  payAdvance,
  reimburseExpenseReport,
  updateExpenseReport,
  validateExpenseReport,
} from '../../src/personnel/index.ts';
import { salesOrganisation } from '../../src/relations/test-helpers.ts';
import { createTestStore, DIALECTS, type TestStore } from '../support/test-db.ts';

// The worked example, by hand (decision 0037):
//   mileage Grenoble → Lyon, 420 km, 5 CV, first trip of the year: 420 × 0,636 = 267,12 € (barème
//   kilométrique, band d ≤ 5 000 km, as published: see mileage.test.ts);
//   a restaurant lunch, 30,00 € incl. 2,73 € of VAT at 10 % → 27,27 € excl. VAT; above the URSSAF limit
//   of 21,40 € (2026) by 8,60 €.
//   Total 297,12 €. OD entry: debit 6251 267,12, debit 6256 27,27, debit 44566 2,73, credit 467 297,12.
//   The travel order's advance of 150,00 € was paid (BQ: debit 467, credit 512); the reimbursement is
//   297,12 − 150,00 = 147,12 € (BQ: debit 467, credit 512); 467 ends at zero, its three lines lettered.
// A second report of 5 000 km with the same car: the year reaches 5 420 km, band 2:
//   (5 420 × 0,357) + 1 395 = 3 329,94 €, minus the 267,12 € already paid = 3 062,82 €.

describe.each(DIALECTS)('travel orders and expense reports on %s', (dialect) => {
  let store: TestStore;
  beforeAll(async () => {
    store = await createTestStore(dialect);
  });
  afterAll(async () => {
    await store?.drop();
  });

  const tx = <T>(fn: (trx: Db) => Promise<T>) => store.db.transaction().execute(fn);
  const pay = (date: string) => expensePaymentInput.parse({ date, method: 'transfer' });
  const balanceOf = async (orgId: string, account: string) => {
    const b = await trialBalance(store.db, orgId, { from: '2026-01-01', to: '2026-12-31', auxiliary: false });
    expect(b.totals.periodDebit).toBe(b.totals.periodCredit);
    const row = b.rows.find((r) => r.account === account);
    return row ? row.closingDebit - row.closingCredit : 0;
  };
  const counts = async (orgId: string) => ({
    reports: (
      await store.db
        .selectFrom('personnel_expense_report')
        .select('status')
        .where('org_id', '=', orgId)
        .execute()
    )
      .map((r) => r.status)
      .sort(),
    entries: (await store.db.selectFrom('ledger_entry').select('id').where('org_id', '=', orgId).execute())
      .length,
    audit: (await store.db.selectFrom('audit_event').select('seq').where('org_id', '=', orgId).execute())
      .length,
  });

  it('validates the worked example into an OD entry, reimburses it less the advance and letters 467', async () => {
    const org = await salesOrganisation(store.db);
    const employee = await newEmployee(store.db, org.id);
    const order = await tx((trx) => createTravelOrder(trx, org.id, orderData(employee.id), null));
    expect(order).toMatchObject({ status: 'draft', number: null, fiscalPower: 5, advance: 15000 });
    // The advance is paid on an approved order only.
    await expect(tx((trx) => payAdvance(trx, org.id, order.id, pay('2026-03-05'), null))).rejects.toThrow(
      /Approuvez d’abord/,
    );
    const approved = await tx((trx) => approveTravelOrder(trx, org.id, order.id, null));
    expect(approved).toMatchObject({ status: 'approved', number: 'OM-2026-0001' });
    await expect(tx((trx) => approveTravelOrder(trx, org.id, order.id, null))).rejects.toThrow(
      /seul un brouillon s’approuve/,
    );
    const advanced = await tx((trx) => payAdvance(trx, org.id, order.id, pay('2026-03-05'), null));
    const advanceEntry = await getEntry(store.db, org.id, advanced.advanceEntryId!);
    expect(advanceEntry.journal).toBe('BQ');
    expect(advanceEntry.lines.map((l) => [l.account, l.debit, l.credit])).toEqual([
      ['467', 15000, 0],
      ['512', 0, 15000],
    ]);
    // Once the advance is out, the order no longer cancels.
    await expect(tx((trx) => cancelTravelOrder(trx, org.id, order.id, null))).rejects.toThrow(/avance/);

    const draft = await tx((trx) =>
      createExpenseReport(trx, org.id, reportData(employee.id, { travelOrderId: order.id }), null),
    );
    expect(draft).toMatchObject({
      status: 'draft',
      number: null,
      total: 29712,
      totalVat: 273,
      mileageTotal: 26712,
      excessTotal: 860,
      advance: 15000,
      amountDue: 14712,
    });
    expect(draft.lines[0]).toMatchObject({
      amount: 26712,
      kmBefore: 0,
      formula: 'd × 0,636',
      account: '6251',
    });
    expect(draft.lines[1]).toMatchObject({ exemptLimit: 2140, excess: 860, account: '6256' });

    const report = await tx((trx) => validateExpenseReport(trx, org.id, draft.id, null));
    expect(report).toMatchObject({ status: 'validated', number: 'NDF-2026-0001', total: 29712 });
    const entry = await getEntry(store.db, org.id, report.ledgerEntryId!);
    expect(entry.journal).toBe('OD');
    expect(entry.voucherRef).toBe('NDF-2026-0001');
    expect(entry.lines.map((l) => [l.account, l.debit, l.credit])).toEqual([
      ['6251', 26712, 0],
      ['6256', 2727, 0],
      ['44566', 273, 0],
      ['467', 0, 29712],
    ]);
    expect(await balanceOf(org.id, '467')).toBe(15000 - 29712);
    // A validated report never changes.
    await expect(
      tx((trx) => updateExpenseReport(trx, org.id, draft.id, reportData(employee.id), null)),
    ).rejects.toThrow(/elle ne change plus/);
    await expect(tx((trx) => validateExpenseReport(trx, org.id, draft.id, null))).rejects.toThrow(
      /ne change plus/,
    );

    const paid = await tx((trx) => reimburseExpenseReport(trx, org.id, draft.id, pay('2026-03-20'), null));
    expect(paid).toMatchObject({
      status: 'reimbursed',
      advance: 15000,
      amountDue: 14712,
      reimbursedOn: '2026-03-20',
    });
    const bank = await getEntry(store.db, org.id, paid.reimbursementEntryId!);
    expect(bank.journal).toBe('BQ');
    expect(bank.lines.map((l) => [l.account, l.debit, l.credit])).toEqual([
      ['467', 14712, 0],
      ['512', 0, 14712],
    ]);
    expect(await balanceOf(org.id, '467')).toBe(0);
    expect(await balanceOf(org.id, '512')).toBe(-29712);
    // The three 467 lines — advance, report, reimbursement — carry one lettering code.
    const codes = [advanced.advanceEntryId!, report.ledgerEntryId!, paid.reimbursementEntryId!].map(
      async (id) => (await getEntry(store.db, org.id, id)).lines.find((l) => l.account === '467')!.lettering,
    );
    const letterings = await Promise.all(codes);
    expect(letterings[0]).not.toBeNull();
    expect(new Set(letterings).size).toBe(1);
    // Reimbursed: no second payment, no cancellation.
    const before = await counts(org.id);
    await expect(
      tx((trx) => reimburseExpenseReport(trx, org.id, draft.id, pay('2026-03-21'), null)),
    ).rejects.toThrow(/déjà remboursée/);
    await expect(tx((trx) => cancelExpenseReport(trx, org.id, draft.id, '2026-03-22', null))).rejects.toThrow(
      /ne s’annule plus/,
    );
    expect(await counts(org.id)).toEqual(before);
    // The order is done; a second report on it would deduct the advance twice.
    expect((await tx((trx) => completeTravelOrder(trx, org.id, order.id, null))).status).toBe('done');
    const done = await counts(org.id);
    await expect(
      tx((trx) =>
        createExpenseReport(trx, org.id, reportData(employee.id, { travelOrderId: order.id }), null),
      ),
    ).rejects.toThrow(/déjà sa note de frais/);
    expect(await counts(org.id)).toEqual(done);
    // An order whose report was reimbursed without its advance: the advance is refused, nothing written.
    const late = await tx(async (trx) => {
      const o = await createTravelOrder(trx, org.id, orderData(employee.id, { advance: 5000 }), null);
      await approveTravelOrder(trx, org.id, o.id, null);
      const r = await createExpenseReport(
        trx,
        org.id,
        reportData(employee.id, { travelOrderId: o.id, lines: [reportData(employee.id).lines[1]!] }),
        null,
      );
      await validateExpenseReport(trx, org.id, r.id, null);
      await reimburseExpenseReport(trx, org.id, r.id, pay('2026-03-25'), null);
      return o;
    });
    const settled = await counts(org.id);
    await expect(tx((trx) => payAdvance(trx, org.id, late.id, pay('2026-03-26'), null))).rejects.toThrow(
      /déjà remboursée : l’avance ne serait plus déduite/,
    );
    expect(await counts(org.id)).toEqual(settled);
    expect(await verifyAuditChain(store.db, org.id)).toMatchObject({ ok: true });
  });

  it('allows the next report the year-to-date difference, numbers without gaps, and cancels by reversal', async () => {
    const org = await salesOrganisation(store.db);
    const employee = await newEmployee(store.db, org.id);
    const first = await tx(async (trx) => {
      const r = await createExpenseReport(trx, org.id, reportData(employee.id), null);
      return validateExpenseReport(trx, org.id, r.id, null);
    });
    const long = (date: string, km: number) =>
      expenseReportInput.parse({
        employeeId: employee.id,
        title: 'Tournée',
        reportDate: date,
        lines: [{ kind: 'mileage', date, fromPlace: 'Grenoble', toPlace: 'Marseille', km, fiscalPower: 5 }],
      });
    // A report dated outside any fiscal year is refused and takes no number.
    const outside = await tx((trx) => createExpenseReport(trx, org.id, long('2027-01-15', 100), null));
    const before = await counts(org.id);
    await expect(tx((trx) => validateExpenseReport(trx, org.id, outside.id, null))).rejects.toThrow(
      /Aucun exercice comptable/,
    );
    expect(await counts(org.id)).toEqual(before);

    const second = await tx(async (trx) => {
      const r = await createExpenseReport(trx, org.id, long('2026-04-30', 5000), null);
      return validateExpenseReport(trx, org.id, r.id, null);
    });
    expect(second).toMatchObject({ number: 'NDF-2026-0002', total: 306282, mileageTotal: 306282 });
    expect(second.lines[0]).toMatchObject({ kmBefore: 420, formula: '(d × 0,357) + 1 395' });
    // The year adds up: 267,12 + 3 062,82 = 3 329,94 € = barème(5 420 km).
    expect(first.mileageTotal + second.mileageTotal).toBe(332994);

    const third = await tx(async (trx) => {
      const r = await createExpenseReport(trx, org.id, long('2026-05-31', 100), null);
      return validateExpenseReport(trx, org.id, r.id, null);
    });
    // 5 520 km: 5 520 × 0,357 + 1 395 = 3 365,64 €; minus 3 329,94 = 35,70 €.
    expect(third).toMatchObject({ number: 'NDF-2026-0003', total: 3570 });

    // The second report's kilometres come before the third's: it cannot be cancelled first.
    const stable = await counts(org.id);
    await expect(
      tx((trx) => cancelExpenseReport(trx, org.id, second.id, '2026-06-01', null)),
    ).rejects.toThrow(/NDF-2026-0003 compte ses kilomètres après/);
    expect(await counts(org.id)).toEqual(stable);

    const cancelled = await tx((trx) => cancelExpenseReport(trx, org.id, third.id, '2026-06-01', null));
    expect(cancelled).toMatchObject({
      status: 'cancelled',
      cancelledOn: '2026-06-01',
      number: 'NDF-2026-0003',
    });
    const reversal = await getEntry(store.db, org.id, cancelled.cancellationEntryId!);
    expect(reversal.lines.map((l) => [l.account, l.debit, l.credit])).toEqual([
      ['6251', 0, 3570],
      ['467', 3570, 0],
    ]);
    expect(await balanceOf(org.id, '467')).toBe(-(29712 + 306282));
    // The cancelled kilometres no longer count: a new report of 100 km gets the same 35,70 €.
    const again = await tx(async (trx) => {
      const r = await createExpenseReport(trx, org.id, long('2026-05-31', 100), null);
      return validateExpenseReport(trx, org.id, r.id, null);
    });
    expect(again).toMatchObject({ number: 'NDF-2026-0004', total: 3570 });
    expect((await listExpenseReports(store.db, org.id, { status: 'cancelled' })).items).toHaveLength(1);
  });

  it('has the employee pay back an advance larger than the report (BQ debit 512, credit 467)', async () => {
    const org = await salesOrganisation(store.db);
    const employee = await newEmployee(store.db, org.id);
    // Advance 500,00 €, report 297,12 €: the employee pays back 202,88 €.
    const order = await tx(async (trx) => {
      const o = await createTravelOrder(
        trx,
        org.id,
        orderData(employee.id, { estimatedCost: 50000, advance: 50000 }),
        null,
      );
      await approveTravelOrder(trx, org.id, o.id, null);
      return payAdvance(trx, org.id, o.id, pay('2026-03-05'), null);
    });
    const report = await tx(async (trx) => {
      const r = await createExpenseReport(
        trx,
        org.id,
        reportData(employee.id, { travelOrderId: order.id }),
        null,
      );
      await validateExpenseReport(trx, org.id, r.id, null);
      return reimburseExpenseReport(trx, org.id, r.id, pay('2026-03-20'), null);
    });
    expect(report).toMatchObject({ total: 29712, advance: 50000, amountDue: -20288, status: 'reimbursed' });
    const bank = await getEntry(store.db, org.id, report.reimbursementEntryId!);
    expect(bank.lines.map((l) => [l.account, l.debit, l.credit])).toEqual([
      ['467', 0, 20288],
      ['512', 20288, 0],
    ]);
    expect(await balanceOf(org.id, '467')).toBe(0);
    expect(await balanceOf(org.id, '512')).toBe(-29712);
    expect(bank.lines[0]!.lettering).not.toBeNull();
  });

  it('refuses another organisation’s ids and an employee’s report on someone else’s order', async () => {
    const org = await salesOrganisation(store.db);
    const other = await salesOrganisation(store.db);
    const employee = await newEmployee(store.db, org.id);
    const colleague = await newEmployee(store.db, org.id, { lastName: 'Petit' });
    const report = await tx((trx) => createExpenseReport(trx, org.id, reportData(employee.id), null));
    await expect(getExpenseReport(store.db, other.id, report.id)).rejects.toThrow(/introuvable/);
    await expect(
      tx((trx) => createExpenseReport(trx, other.id, reportData(employee.id), null)),
    ).rejects.toThrow(/Salarié introuvable/);
    const order = await tx(async (trx) => {
      const o = await createTravelOrder(trx, org.id, orderData(colleague.id), null);
      return approveTravelOrder(trx, org.id, o.id, null);
    });
    const before = await counts(org.id);
    await expect(
      tx((trx) =>
        createExpenseReport(trx, org.id, reportData(employee.id, { travelOrderId: order.id }), null),
      ),
    ).rejects.toThrow(/autre salarié/);
    expect(await counts(org.id)).toEqual(before);
    // VAT on staff lodging is not recoverable: refused in French, nothing written.
    await expect(
      tx((trx) =>
        createExpenseReport(
          trx,
          org.id,
          reportData(employee.id, {
            lines: [{ kind: 'lodging', date: '2026-03-09', label: 'Hôtel', amount: 9000, vat: 818 }],
          }),
          null,
        ),
      ),
    ).rejects.toThrow(/hébergement du personnel n’est pas récupérable/);
    expect(await counts(org.id)).toEqual(before);
  });
});
