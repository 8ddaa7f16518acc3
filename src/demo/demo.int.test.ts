import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestStore, DIALECTS, type TestStore } from '../../test/support/test-db.ts';
import { verifyAuditChain } from '../kernel/audit/audit.ts';
import { addDays, compareDates, todayIn } from '../kernel/dates/index.ts';
import { personnelRegister } from '../personnel/index.ts';
import {
  cashPlan,
  cashPlanQuery,
  getVatReturn,
  listVatReturns,
  reorderProposal,
  stockStatus,
} from '../production/index.ts';
import { agedReceivables, customerCredit } from '../relations/index.ts';
import { ensureDemo } from './seed.ts';

// The demo organisation of `npm start` (decision 0025): a year of activity made through the domain, whose
// numbers follow dates, whose ledger balances, and which a second start leaves as it is.
describe.each(DIALECTS)('the demo organisation on %s', (dialect) => {
  let store: TestStore;
  let orgId: string;
  beforeAll(async () => {
    store = await createTestStore(dialect);
    orgId = (await ensureDemo(store)).orgId;
  }, 120_000);
  afterAll(async () => {
    await store?.drop();
  });

  const count = async (table: string, where?: [string, string]) => {
    let query = store.db
      .selectFrom(table as 'relations_invoice')
      .select((eb) => eb.cast<number>(eb.fn.countAll(), 'bigint').as('n'))
      .where('org_id', '=', orgId);
    if (where) query = query.where(where[0] as 'status', '=', where[1] as 'validated');
    return Number((await query.executeTakeFirstOrThrow()).n);
  };

  it('files the VAT return of every month before the recent documents, each carrying the last one’s credit', async () => {
    const lastInvoiceDay = addDays(todayIn('Europe/Paris'), -50);
    const year = lastInvoiceDay.slice(0, 4);
    const months = Number(lastInvoiceDay.slice(5, 7)) - 1;
    if (year !== todayIn('Europe/Paris').slice(0, 4) || months < 1) return;
    const { filed, nextPeriod } = await listVatReturns(store.db, orgId);
    expect(filed.map((r) => r.period).reverse()).toEqual(
      Array.from({ length: months }, (_, i) => `${year}-${String(i + 1).padStart(2, '0')}`),
    );
    expect(nextPeriod).toBe(`${year}-${String(months + 1).padStart(2, '0')}`);
    let previousCredit = 0;
    for (const { period } of [...filed].reverse()) {
      const r = await getVatReturn(store.db, orgId, period);
      const line = (code: string) => r.lines.find((l) => l.code === code)!.amount;
      expect(line('22')).toBe(previousCredit);
      expect(line('20')).toBeGreaterThan(0); // the month's office supplies
      if (period.endsWith('-03')) expect(line('19')).toBe(190); // the computer: 950,00 × 20 %
      expect(line('16') - line('23')).toBe(line('28') - line('27'));
      // Paid on the 19th of the next month when there was VAT to pay (the last may not be due yet).
      if (line('28') > 0 && r.to < addDays(todayIn('Europe/Paris'), -19)) expect(r.payment).not.toBeNull();
      previousCredit = line('27');
    }
  });

  it('has a year of consistent activity: numbered in date order, balanced, nothing after today', async () => {
    const today = todayIn('Europe/Paris');
    const invoices = await store.db
      .selectFrom('relations_invoice')
      .select(['number', 'issue_date'])
      .where('org_id', '=', orgId)
      .where('status', '=', 'validated')
      .where('kind', '=', 'invoice')
      .orderBy('number')
      .execute();
    const dates = invoices.map((i) => i.issue_date!);
    expect([...dates].sort()).toEqual(dates);
    expect(dates.every((d) => compareDates(d, today) <= 0)).toBe(true);
    // Two invoices a month before the recent ones (fewer early in the year), plus the three recent ones.
    const month = Number(addDays(today, -50).slice(5, 7));
    const sameYear = addDays(today, -50).slice(0, 4) === today.slice(0, 4);
    if (sameYear) expect(invoices.length).toBeGreaterThanOrEqual(3 + 2 * (month - 1));
    const totals = await store.db
      .selectFrom('ledger_line')
      .select((eb) => [
        eb.cast<number>(eb.fn.sum<number>('debit'), 'bigint').as('debit'),
        eb.cast<number>(eb.fn.sum<number>('credit'), 'bigint').as('credit'),
      ])
      .where('org_id', '=', orgId)
      .executeTakeFirstOrThrow();
    expect(Number(totals.debit)).toBe(Number(totals.credit));
    expect(await verifyAuditChain(store.db, orgId)).toMatchObject({ ok: true });

    if (sameYear && month >= 3) {
      expect(await count('relations_sales_document', ['status', 'refused'])).toBeGreaterThan(0);
      expect(await count('relations_sales_document', ['kind', 'delivery_note'])).toBeGreaterThan(0);
      expect(await count('relations_receipt')).toBeGreaterThan(invoices.length / 2);
      expect(await count('relations_reminder')).toBeGreaterThan(0);
      expect(await count('relations_complaint')).toBeGreaterThan(0);
      // The overpayment kept as credit, 50 € of it used on a later invoice when the year reaches July.
      const garage = await store.db
        .selectFrom('party')
        .select('id')
        .where('org_id', '=', orgId)
        .where('name', '=', 'Garage des Lilas')
        .executeTakeFirstOrThrow();
      const credit = await customerCredit(store.db, orgId, garage.id);
      expect(credit.available).toBe(month > 7 ? 3_000 : 8_000);
      const aged = await agedReceivables(store.db, orgId, {});
      // Invoices left unpaid are overdue.
      expect(aged.customers.some((c) => c.total > c.notDue)).toBe(true);
    }
    expect(await count('relations_event')).toBeGreaterThanOrEqual(sameYear && month >= 4 ? 1 : 0);
    expect(await count('relations_campaign')).toBe(1);
    // What the browser tests rely on: Boulangerie Martin never reminded, Karim the only prospect.
    const martin = await store.db
      .selectFrom('party')
      .select('id')
      .where('org_id', '=', orgId)
      .where('name', '=', 'Boulangerie Martin')
      .executeTakeFirstOrThrow();
    expect(
      await store.db
        .selectFrom('relations_reminder')
        .select('id')
        .where('org_id', '=', orgId)
        .where('customer_id', '=', martin.id)
        .execute(),
    ).toEqual([]);
    const prospects = await store.db
      .selectFrom('party_role')
      .select('party_id')
      .where('org_id', '=', orgId)
      .where('role', '=', 'prospect')
      .execute();
    expect(prospects).toHaveLength(1);
  });

  it('keeps a register of its staff: four people in hiring order, the CDD gone at its end', async () => {
    const today = todayIn('Europe/Paris');
    const register = await personnelRegister(store.db, orgId);
    expect(register.trainees).toEqual([]);
    expect(register.employees.map((l) => [l.registerNumber, l.lastName, l.mentions])).toEqual([
      [1, 'Marchand', []],
      [2, 'Haddad', ['Salarié à temps partiel']],
      [3, 'Amrani', ['Contrat à durée déterminée']],
      [4, 'Girard', ['Apprenti']],
    ]);
    const hired = register.employees.map((l) => l.hireDate);
    expect([...hired].sort()).toEqual(hired);
    expect(hired.every((d) => compareDates(d, today) <= 0)).toBe(true);
    const amrani = register.employees[2]!;
    expect(amrani.leftOn).toBe(amrani.contractEnd);
    expect(amrani.workPermit).toMatch(/^Carte de séjour pluriannuelle « salarié » n° \d{10}$/);
    const present = await personnelRegister(store.db, orgId, { presentOn: today });
    expect(present.employees.map((l) => l.lastName)).toEqual(['Marchand', 'Haddad', 'Girard']);
  });

  it('follows its stock: the guide sold, two office supplies, the paper to reorder, no ledger entry', async () => {
    const status = await stockStatus(store.db, orgId);
    expect(status.items.map((i) => [i.code, i.quantity, i.cump, i.value])).toEqual([
      ['LIV-GEST', '80', 1150, 92000],
      // (25 × 4,20 + 10 × 4,50 − 8 × 4,20) / 27 = 116,40 / 27 = 4,311 → 4,31; 8 left: 116,40 − 19 × 4,31 = 34,51.
      ['PAP-A4-INT', '8', 431, 3451],
      ['TONER-N', '4', 6490, 25960],
    ]);
    expect((await reorderProposal(store.db, orgId)).lines.map((l) => [l.item.code, l.quantity])).toEqual([
      ['PAP-A4-INT', '25'],
    ]);
    expect(await count('production_stock_variation')).toBe(0);
  });

  it('plans its cash: rent, loan instalments and a grant, spread from this month', async () => {
    const plan = await cashPlan(store.db, orgId, cashPlanQuery.parse({ months: 3 }), todayIn('Europe/Paris'));
    const forecasts = plan.rows.filter((r) => r.source === 'forecast').map((r) => [r.label, r.amounts]);
    expect(forecasts).toEqual([
      ['Subvention Région – aide à l’investissement', [0, 0, 500000]],
      ['Loyer de l’atelier', [95000, 95000, 95000]],
      ['Échéance d’emprunt (utilitaire)', [42000, 42000, 42000]],
    ]);
    expect(plan.totals.end.at(-1)).toBe(plan.opening + plan.totals.net.reduce((sum, n) => sum + n, 0));
  });

  it('is made once: a second start adds nothing', async () => {
    const before = await count('relations_invoice');
    const receipts = await count('relations_receipt');
    const employees = await count('personnel_employee');
    const forecasts = await count('production_cash_forecast');
    await ensureDemo(store);
    expect(await count('relations_invoice')).toBe(before);
    expect(await count('relations_receipt')).toBe(receipts);
    expect(await count('personnel_employee')).toBe(employees);
    expect(await count('production_cash_forecast')).toBe(forecasts);
  });
});
