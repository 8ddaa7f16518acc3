import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyAuditChain } from '../../src/kernel/audit/audit.ts';
import { addMonths, todayIn } from '../../src/kernel/dates/index.ts';
import type { Db } from '../../src/kernel/db/index.ts';
import { ensureLedger, getEntry, trialBalance } from '../../src/ledger/index.ts';
import {
  approveLeaveRequest,
  cancelPayRun,
  createEmployee,
  createLeaveRequest,
  createPayRun,
  employeeInput,
  getPayRun,
  leaveRequestInput,
  listPayRuns,
  payItemsInput,
  payPayRun,
  payRunInput,
  recordDeparture,
  updatePayItems,
  validatePayRun,
} from '../../src/personnel/index.ts';
import { salesOrganisation } from '../../src/relations/test-helpers.ts';
import { buildOrganisation } from '../support/factories.ts';
import { createTestStore, DIALECTS, type TestStore } from '../support/test-db.ts';

// The worked example of src/personnel/payroll/payslip-calc.test.ts (a full-time non-cadre at the SMIC,
// 1 823,03 €, company of fewer than 11, AT/MP 0,70 %), booked by hand:
//   employee contributions: URSSAF 125,79 + 7,29 + 121,80 + 42,99 + 8,96 = 306,83; Agirc-Arrco 57,43 + 15,68
//   = 73,11; net to pay 1 443,09.
//   employer, by account: 6451 URSSAF 236,99 + 12,76 + 155,87 + 38,47 + 95,71 + 5,47 + 1,82 + 0,29 = 547,38
//   less the RGDU's URSSAF part 543,27 = 4,11; 6453 86,05 + 23,52 − 109,56 = 0,01; 6454 72,92 + 4,56 − 72,92
//   = 4,56; 6333 10,03 + 12,40 = 22,43 — 31,11 in all.
//   431 = 306,83 + 4,11 + 4,56 + 22,43 = 337,93; 437 = 73,11 + 0,01 = 73,12.
//   Debit 1 823,03 + 31,11 = 1 854,14 = credit 337,93 + 73,12 + 1 443,09.
const SMIC_ENTRY = [
  { account: '6411', debit: 182303, credit: 0 },
  { account: '6333', debit: 2243, credit: 0 },
  { account: '6451', debit: 411, credit: 0 },
  { account: '6453', debit: 1, credit: 0 },
  { account: '6454', debit: 456, credit: 0 },
  { account: '431', debit: 0, credit: 33793 },
  { account: '437', debit: 0, credit: 7312 },
  { account: '421', debit: 0, credit: 144309 },
];

const employee = (overrides: Record<string, unknown> = {}) =>
  employeeInput.parse({
    lastName: 'Durand',
    firstName: 'Léa',
    sex: 'F',
    birthDate: '1995-02-03',
    nationality: 'Française',
    jobTitle: 'Assistante de gestion',
    category: 'employee',
    contractType: 'cdi',
    weeklyHours: 3500,
    monthlyGross: 182303,
    hireDate: '2026-01-05',
    ...overrides,
  });
const march = payRunInput.parse({ month: '2026-03', headcountBand: 'lt11', atMpRate: 70 });

describe.each(DIALECTS)('payroll on %s', (dialect) => {
  let store: TestStore;
  beforeAll(async () => {
    store = await createTestStore(dialect);
  });
  afterAll(async () => {
    await store?.drop();
  });

  const tx = <T>(fn: (trx: Db) => Promise<T>) => store.db.transaction().execute(fn);
  const hire = (orgId: string, overrides: Record<string, unknown> = {}) =>
    tx((trx) => createEmployee(trx, orgId, employee(overrides), null));
  const counts = async (orgId: string) => ({
    runs: (await store.db.selectFrom('personnel_pay_run').select('id').where('org_id', '=', orgId).execute())
      .length,
    slips: (await store.db.selectFrom('personnel_payslip').select('id').where('org_id', '=', orgId).execute())
      .length,
    entries: (await store.db.selectFrom('ledger_entry').select('id').where('org_id', '=', orgId).execute())
      .length,
  });
  const balance = async (orgId: string, account: string) => {
    const b = await trialBalance(store.db, orgId, { from: '2026-01-01', to: '2026-12-31', auxiliary: false });
    expect(b.totals.periodDebit).toBe(b.totals.periodCredit);
    const row = b.rows.find((r) => r.account === account);
    return row ? row.periodDebit - row.periodCredit : 0;
  };

  it('books the SMIC worked example as one balanced PA entry, then pays it and letters 421', async () => {
    const org = await salesOrganisation(store.db);
    await hire(org.id);
    const draft = await tx((trx) => createPayRun(trx, org.id, march, null));
    expect(draft).toMatchObject({ status: 'draft', month: '2026-03', ledgerEntryId: null });
    expect(draft.payslips).toHaveLength(1);
    expect(draft.payslips[0]).toMatchObject({
      number: null,
      gross: 182303,
      totalEmployee: 37994,
      netToPay: 144309,
      totalEmployer: 3111,
      rgduCoefficient: 3981,
    });

    const run = await tx((trx) => validatePayRun(trx, org.id, draft.id, null));
    expect(run.status).toBe('validated');
    expect(run.payslips[0]!.number).toBe('BP-2026-0001');
    const entry = await getEntry(store.db, org.id, run.ledgerEntryId!);
    expect(entry).toMatchObject({ journal: 'PA', date: '2026-03-31', label: 'Salaires mars 2026' });
    expect(entry.lines.map((l) => ({ account: l.account, debit: l.debit, credit: l.credit }))).toEqual(
      SMIC_ENTRY,
    );
    expect(await balance(org.id, '421')).toBe(-144309);

    // Validated: the pay items no longer change.
    await expect(
      tx((trx) =>
        updatePayItems(trx, org.id, run.id, run.payslips[0]!.id, payItemsInput.parse({ bonus: 100 }), null),
      ),
    ).rejects.toMatchObject({ kind: 'conflict' });

    const paid = await tx((trx) => payPayRun(trx, org.id, run.id, { date: '2026-03-31' }, null));
    expect(paid).toMatchObject({ paid: true, paidOn: '2026-03-31' });
    const payment = await getEntry(store.db, org.id, paid.paymentEntryId!);
    expect(payment.journal).toBe('BQ');
    expect(payment.lines.map((l) => [l.account, l.debit, l.credit])).toEqual([
      ['421', 144309, 0],
      ['512', 0, 144309],
    ]);
    expect(await balance(org.id, '421')).toBe(0);
    const lettered = [...entry.lines, ...payment.lines].filter((l) => l.account === '421');
    const again = await Promise.all([entry.id, payment.id].map((id) => getEntry(store.db, org.id, id)));
    const codes = again.flatMap((e) => e.lines.filter((l) => l.account === '421').map((l) => l.lettering));
    expect(lettered).toHaveLength(2);
    expect(codes[0]).not.toBeNull();
    expect(new Set(codes).size).toBe(1);

    // Paid: no second payment, no cancellation.
    const before = await counts(org.id);
    await expect(
      tx((trx) => payPayRun(trx, org.id, run.id, { date: '2026-04-01' }, null)),
    ).rejects.toMatchObject({
      kind: 'conflict',
    });
    await expect(
      tx((trx) => cancelPayRun(trx, org.id, run.id, { date: '2026-04-01' }, null)),
    ).rejects.toThrow(/ont été payés/);
    expect(await counts(org.id)).toEqual(before);
    expect((await verifyAuditChain(store.db, org.id)).ok).toBe(true);
  });

  it('pays the present employees only, numbers them gap-free in register order, with their items', async () => {
    const org = await salesOrganisation(store.db);
    const a = await hire(org.id, { lastName: 'Abel' });
    const b = await hire(org.id, {
      lastName: 'Bernard',
      category: 'executive',
      monthlyGross: 500000,
      taxRate: 750,
    });
    // Not paid in March: an intern, someone hired in April, someone who left in February.
    await hire(org.id, {
      lastName: 'Stagiaire',
      contractType: 'internship',
      contractEnd: '2026-06-30',
      tutorName: 'Paul Martin',
    });
    await hire(org.id, { lastName: 'Avril', hireDate: '2026-04-01' });
    const gone = await hire(org.id, { lastName: 'Parti' });
    await tx((trx) =>
      recordDeparture(trx, org.id, gone.id, { leftOn: '2026-02-27', reason: 'resignation' }, null),
    );

    const draft = await tx((trx) => createPayRun(trx, org.id, march, null));
    expect(draft.payslips.map((p) => p.lastName)).toEqual(['Abel', 'Bernard']);
    const slipB = draft.payslips[1]!;
    const updated = await tx((trx) =>
      updatePayItems(
        trx,
        org.id,
        draft.id,
        slipB.id,
        payItemsInput.parse({ overtime25Hours: 400, bonus: 20000 }),
        null,
      ),
    );
    const b2 = updated.payslips.find((p) => p.employeeId === b.id)!;
    // 5 000 ÷ 151,67 × 1,25 × 4 h = 164,8316 → 164,83 ; + 200,00 of bonus.
    expect(b2).toMatchObject({ overtime25Pay: 16483, gross: 500000 + 16483 + 20000 });
    expect(b2.lines.map((l) => l.code)).toEqual(expect.arrayContaining(['pension_t2', 'cet', 'apec']));
    expect(b2.withholdingTax).toBe(Math.round((b2.taxable * 750) / 10000));

    const run = await tx((trx) => validatePayRun(trx, org.id, draft.id, null));
    expect(run.payslips.map((p) => [p.employeeId, p.number])).toEqual([
      [a.id, 'BP-2026-0001'],
      [b.id, 'BP-2026-0002'],
    ]);
    const entry = await getEntry(store.db, org.id, run.ledgerEntryId!);
    const debit = entry.lines.reduce((s, l) => s + l.debit, 0);
    expect(debit).toBe(entry.lines.reduce((s, l) => s + l.credit, 0));
    expect(debit).toBe(run.totals.employerCost);
    expect(entry.lines.find((l) => l.account === '4421')!.credit).toBe(run.totals.withholdingTax);
    expect(entry.lines.filter((l) => l.account === '421').map((l) => l.credit)).toEqual(
      run.payslips.map((p) => p.netToPay),
    );
    expect((await listPayRuns(store.db, org.id)).items[0]).toMatchObject({
      payslipCount: 2,
      status: 'validated',
    });
  });

  it('starts each payslip from the approved unpaid absences of the month (leave module)', async () => {
    const org = await salesOrganisation(store.db);
    const e = await hire(org.id, { lastName: 'Absente', monthlyGross: 210000 });
    // Approved: unpaid leave Tuesday 10 and Wednesday 11 March, sick leave Friday 20 March; a refused
    // request does not count. 3 days of a 35-hour week (7 h a day) = 21 h.
    const absence = async (type: string, from: string, to: string, approve: boolean) =>
      tx(async (trx) => {
        const request = await createLeaveRequest(
          trx,
          org.id,
          leaveRequestInput.parse({ employeeId: e.id, type, from, to }),
          null,
        );
        if (approve) await approveLeaveRequest(trx, org.id, request.id, { note: null }, null);
      });
    await absence('unpaid_leave', '2026-03-10', '2026-03-11', true);
    await absence('sick_leave', '2026-03-20', '2026-03-20', true);
    await absence('unpaid_leave', '2026-03-25', '2026-03-25', false);
    const draft = await tx((trx) => createPayRun(trx, org.id, march, null));
    const slip = draft.payslips[0]!;
    // 2 100,00 € × 21 h ÷ 151,67 h = 290,7628 → 290,76 € deducted.
    expect(slip).toMatchObject({ absenceDeduction: 29076, gross: 210000 - 29076 });
    expect(slip.items.absenceHours).toBe(2100);
  });

  it('refuses a second run for a month, a month not started, a month without employees: nothing written', async () => {
    const org = await salesOrganisation(store.db);
    // No employee yet.
    await expect(tx((trx) => createPayRun(trx, org.id, march, null))).rejects.toThrow(
      /Aucun salarié n’est présent en mars 2026/,
    );
    expect(await counts(org.id)).toMatchObject({ runs: 0, slips: 0 });

    await hire(org.id);
    const next = addMonths(todayIn('Europe/Paris'), 1).slice(0, 7);
    await expect(
      tx((trx) => createPayRun(trx, org.id, { ...march, month: next }, null)),
    ).rejects.toMatchObject({ kind: 'rule-broken' });

    await tx((trx) => createPayRun(trx, org.id, march, null));
    const before = await counts(org.id);
    await expect(tx((trx) => createPayRun(trx, org.id, march, null))).rejects.toMatchObject({
      kind: 'conflict',
      message: expect.stringMatching(/La paie de mars 2026 existe déjà/),
    });
    // Absence beyond the month's hours is refused.
    const run = (await listPayRuns(store.db, org.id)).items[0]!;
    const full = await getPayRun(store.db, org.id, run.id);
    await expect(
      tx((trx) =>
        updatePayItems(
          trx,
          org.id,
          run.id,
          full.payslips[0]!.id,
          payItemsInput.parse({ absenceHours: 20000 }),
          null,
        ),
      ),
    ).rejects.toMatchObject({ kind: 'invalid' });
    expect(await counts(org.id)).toEqual(before);
    expect((await getPayRun(store.db, org.id, run.id)).payslips[0]!.items.absenceHours).toBe(0);

    // Below the SMIC revalued on 1 June 2026 (12,31 € × 151,6667 h = 1 867,02 €): June is refused.
    const june = await tx((trx) => createPayRun(trx, org.id, { ...march, month: '2026-06' }, null));
    await expect(tx((trx) => validatePayRun(trx, org.id, june.id, null))).rejects.toThrow(
      /inférieur au SMIC de juin 2026 pour son horaire \(1\s867,02\s€\)/,
    );
    expect((await getPayRun(store.db, org.id, june.id)).status).toBe('draft');
  });

  it('cancels an unpaid run by reversal; the month is paid again under the next numbers', async () => {
    const org = await salesOrganisation(store.db);
    await hire(org.id);
    const first = await tx(async (trx) =>
      validatePayRun(trx, org.id, (await createPayRun(trx, org.id, march, null)).id, null),
    );
    await expect(
      tx((trx) => cancelPayRun(trx, org.id, first.id, { date: '2026-03-30' }, null)),
    ).rejects.toMatchObject({ kind: 'invalid' });
    const cancelled = await tx((trx) => cancelPayRun(trx, org.id, first.id, { date: '2026-04-02' }, null));
    expect(cancelled).toMatchObject({ status: 'cancelled', cancelledOn: '2026-04-02' });
    const reversal = await getEntry(store.db, org.id, cancelled.cancellationEntryId!);
    expect(reversal.date).toBe('2026-04-02');
    expect(await balance(org.id, '6411')).toBe(0);
    expect(await balance(org.id, '421')).toBe(0);

    const second = await tx(async (trx) =>
      validatePayRun(
        trx,
        org.id,
        (await createPayRun(trx, org.id, { ...march, headcountBand: 'ge50' }, null)).id,
        null,
      ),
    );
    // The cancelled payslip keeps BP-2026-0001: numbers are never reused.
    expect(second.payslips[0]!.number).toBe('BP-2026-0002');
    expect(second.payslips[0]!.rgduCoefficient).toBe(4021);
    expect(await balance(org.id, '6411')).toBe(182303);
    expect((await getPayRun(store.db, org.id, first.id)).payslips[0]!.number).toBe('BP-2026-0001');
  });

  it('rolls a refused validation back whole: no number taken, no entry, still a draft', async () => {
    // Fiscal years from 1 April: the year opened for today starts on 2026-04-01, March is outside.
    const org = await buildOrganisation(store.db, null, { fiscalYearStart: '04-01' });
    await tx((trx) => ensureLedger(trx, org.id));
    await hire(org.id);
    const draft = await tx((trx) => createPayRun(trx, org.id, march, null));
    await expect(tx((trx) => validatePayRun(trx, org.id, draft.id, null))).rejects.toMatchObject({
      kind: 'rule-broken',
      message: expect.stringMatching(/exercice/i),
    });
    const after = await getPayRun(store.db, org.id, draft.id);
    expect(after).toMatchObject({ status: 'draft', ledgerEntryId: null });
    expect(after.payslips[0]!.number).toBeNull();
    expect((await counts(org.id)).entries).toBe(0);
    // April is in the open year: its payslip gets number 1, the refused attempt used none.
    const april = await tx(async (trx) =>
      validatePayRun(
        trx,
        org.id,
        (await createPayRun(trx, org.id, { ...march, month: '2026-04' }, null)).id,
        null,
      ),
    );
    expect(april.payslips[0]!.number).toBe('BP-2026-0001');
  });
});
