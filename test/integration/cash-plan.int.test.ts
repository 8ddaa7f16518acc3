import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { renderReport } from '../../src/ledger/index.ts';
import { ledgerOrganisation, ledgerParty, postEntry } from '../../src/ledger/test-helpers.ts';
import {
  cashPlan,
  cashPlanQuery,
  createForecast,
  deleteForecast,
  forecastInput,
} from '../../src/production/index.ts';
import { cashPlanTable } from '../../src/production/treasury/cash-plan/table.ts';
import { pdfText } from '../support/pdf-text.ts';
import { createTestStore, DIALECTS, type TestStore } from '../support/test-db.ts';

// A small company's books on 10 March 2026, and its cash plan for March to June, worked out by hand:
//   cash:   512 = 10 000 − 200 (to the till) + 500 (Durand's part payment) = 10 300; 53 = 200 → 10 500
//   in:     Durand 1 200 due 28/02 less 500 paid = 700, late → March; Leroy 1 200 due 07/04 → April;
//           a regional grant of 3 000 (forecast) → May
//   out:    Papeterie 600 due 01/05 → May (its second bill, due 15/07, is after June); VAT of the period
//           400 collected − 140 deductible = 260 → April; February's net pay 1 560 and social charges 440
//           (due the 15th) → March; rent 800 every month (forecast)
//   months: March 700 − 2 800 = −2 100 → 8 400; April 1 200 − 1 060 = +140 → 8 540;
//           May 3 000 − 1 400 = +1 600 → 10 140; June −800 → 9 340
const euros = (n: number) => Math.round(n * 100);

describe.each(DIALECTS)('cash plan on %s', (dialect) => {
  let store: TestStore;
  let orgId: string;
  beforeAll(async () => {
    store = await createTestStore(dialect);
    ({ orgId } = await ledgerOrganisation(store.db));
    const durand = await ledgerParty(store.db, orgId, 'Durand SARL');
    const leroy = await ledgerParty(store.db, orgId, 'Leroy et fils');
    const papeterie = await ledgerParty(store.db, orgId, 'Papeterie Centrale', ['supplier']);
    const entry = (journal: string, date: string, label: string, lines: Record<string, unknown>[]) =>
      postEntry(store.db, orgId, { journal, date, label, lines });
    const sale = (date: string, due: string, partyId: string) =>
      entry('VE', date, 'Facture', [
        { account: '411', partyId, debit: euros(1200), dueDate: due },
        { account: '706', credit: euros(1000) },
        { account: '44571', credit: euros(200) },
      ]);
    const bill = (date: string, due: string, net: number) =>
      entry('AC', date, 'Facture fournisseur', [
        { account: '6064', debit: euros(net) },
        { account: '44566', debit: euros(net / 5) },
        { account: '401', partyId: papeterie.id, credit: euros(net * 1.2), dueDate: due },
      ]);
    await entry('BQ', '2026-01-02', 'Apport', [
      { account: '512', debit: euros(10000) },
      { account: '101', credit: euros(10000) },
    ]);
    await entry('CA', '2026-01-03', 'Fonds de caisse', [
      { account: '530', debit: euros(200) },
      { account: '512', credit: euros(200) },
    ]);
    await sale('2026-02-01', '2026-02-28', durand.id);
    await entry('BQ', '2026-03-05', 'Acompte Durand', [
      { account: '512', debit: euros(500) },
      { account: '411', partyId: durand.id, credit: euros(500) },
    ]);
    await sale('2026-03-08', '2026-04-07', leroy.id);
    await bill('2026-03-02', '2026-05-01', 500);
    await bill('2026-03-09', '2026-07-15', 200);
    await entry('OD', '2026-02-28', 'Paie de février', [
      { account: '641', debit: euros(2000) },
      { account: '421', credit: euros(1560) },
      { account: '431', credit: euros(440) },
    ]);
    await store.db.transaction().execute(async (trx) => {
      const forecast = (input: Record<string, unknown>) =>
        createForecast(trx, orgId, forecastInput.parse(input), null);
      await forecast({
        label: 'Loyer',
        direction: 'out',
        amount: euros(800),
        firstMonth: '2026-03',
        occurrences: 12,
      });
      await forecast({
        label: 'Subvention région',
        direction: 'in',
        amount: euros(3000),
        firstMonth: '2026-05',
      });
      await forecast({
        label: 'Ancienne échéance',
        direction: 'out',
        amount: euros(100),
        firstMonth: '2026-01',
        occurrences: 2,
      });
    });
  });
  afterAll(async () => {
    await store?.drop();
  });

  const plan = (asOf: string) =>
    cashPlan(store.db, orgId, cashPlanQuery.parse({ asOf, months: 4 }), '2026-11-28');
  const row = (dto: Awaited<ReturnType<typeof plan>>, key: string) => dto.rows.find((r) => r.key === key);

  it('starts from the cash of the books and spreads what is owed by due month', async () => {
    const dto = await plan('2026-03-10');
    expect(dto.months).toEqual(['2026-03', '2026-04', '2026-05', '2026-06']);
    expect(dto.cashAccounts).toEqual([
      { account: '512', label: 'Banques', balance: euros(10300) },
      { account: '53', label: 'Caisse', balance: euros(200) },
    ]);
    expect(dto.opening).toBe(euros(10500));
    expect(row(dto, 'customers')).toMatchObject({
      amounts: [700, 1200, 0, 0].map(euros),
      overdue: euros(700),
    });
    expect(row(dto, 'suppliers')?.amounts).toEqual([0, 0, 600, 0].map(euros));
    expect(row(dto, 'vat-period')?.amounts).toEqual([0, 260, 0, 0].map(euros));
    expect(row(dto, 'net-pay')?.amounts).toEqual([1560, 0, 0, 0].map(euros));
    expect(row(dto, 'social')?.amounts).toEqual([440, 0, 0, 0].map(euros));
    expect(dto.rows.filter((r) => r.source === 'forecast').map((r) => [r.label, r.amounts])).toEqual([
      ['Subvention région', [0, 0, 3000, 0].map(euros)],
      ['Loyer', [800, 800, 800, 800].map(euros)],
    ]);
    expect(dto.totals).toEqual({
      receipts: [700, 1200, 3000, 0].map(euros),
      disbursements: [2800, 1060, 1400, 800].map(euros),
      net: [-2100, 140, 1600, -800].map(euros),
      start: [10500, 8400, 8540, 10140].map(euros),
      end: [8400, 8540, 10140, 9340].map(euros),
    });
    expect(dto.firstShortfall).toBeNull();
    // Receipts come first, then disbursements.
    expect(dto.rows.map((r) => r.direction)).toEqual(['in', 'in', 'out', 'out', 'out', 'out', 'out']);
  });

  it('pays social charges next month after the 15th, and names the first month short of cash', async () => {
    expect(row(await plan('2026-03-20'), 'social')?.amounts).toEqual([0, 440, 0, 0].map(euros));
    const van = await store.db.transaction().execute((trx) =>
      createForecast(
        trx,
        orgId,
        forecastInput.parse({
          label: 'Achat d’un utilitaire',
          direction: 'out',
          amount: euros(9000),
          firstMonth: '2026-04',
        }),
        null,
      ),
    );
    const short = await plan('2026-03-10');
    expect(short.totals.end).toEqual([8400, -460, 1140, 340].map(euros));
    expect(short.firstShortfall).toBe('2026-04');
    await store.db.transaction().execute((trx) => deleteForecast(trx, orgId, van.id, null));
    expect((await plan('2026-03-10')).firstShortfall).toBeNull();
  });

  it('prints the plan as a PDF with its months and balances', async () => {
    const file = await renderReport(cashPlanTable(await plan('2026-03-10')), 'pdf', 'Atelier');
    const text = await pdfText(file.body as Buffer);
    expect(file.fileName).toBe('plan-de-tresorerie-2026-03-10.pdf');
    expect(text).toContain('Plan de trésorerie');
    expect(text).toContain('Trésorerie en fin de mois');
    expect(text).toMatch(/mars 2026[\s\S]*juin 2026/);
    expect(text).toContain('10 140,00');
  });
});
