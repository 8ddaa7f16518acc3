import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  BALANCE_SHEET_MAP,
  type Balance,
  balanceSheetOf,
  incomeStatementOf,
  mappingOf,
} from './pcg-statements.ts';

/** Sums postings (account, debit − credit) into balances, as the trial balance does. */
function balancesOf(postings: [string, number][]): Balance[] {
  const sums = new Map<string, number>();
  for (const [account, amount] of postings) sums.set(account, (sums.get(account) ?? 0) + amount);
  return [...sums].map(([account, balance]) => ({ account, balance }));
}

// The worked example, in cents. By hand:
//   capital 5 000 paid in the bank;          512 D 5 000   / 101 C 5 000
//   sale 10 000 HT + VAT 2 000, then paid;    411 D 12 000  / 706 C 10 000, 44571 C 2 000; 512 D / 411 C 12 000
//   purchase of goods 4 000 HT + VAT 800;     607 D 4 000, 44566 D 800 / 401 C 4 800 (unpaid)
//   salaries 3 000, paid;                     641 D 3 000 / 421 C 3 000; 421 D / 512 C 3 000
// Result = 10 000 − 4 000 − 3 000 = 3 000.
// Assets: bank 5 000 + 12 000 − 3 000 = 14 000; VAT to recover 800 (autres créances) → 14 800.
// Liabilities: capital 5 000 + result 3 000 = 8 000; suppliers 4 800; VAT collected 2 000 (autres dettes)
// → 14 800, equal to the assets.
const WORKED_EXAMPLE: [string, number][] = [
  ['512', 500000],
  ['101', -500000],
  ['411', 1200000],
  ['706', -1000000],
  ['44571', -200000],
  ['512', 1200000],
  ['411', -1200000],
  ['607', 400000],
  ['44566', 80000],
  ['401', -480000],
  ['641', 300000],
  ['421', -300000],
  ['421', 300000],
  ['512', -300000],
];

const line = (s: ReturnType<typeof balanceSheetOf>['assets'], key: string) =>
  s.sections.flatMap((x) => x.lines).find((l) => l.key === key)?.amount;

describe('PCG statements (pure mapping)', () => {
  it('maps by the longest prefix', () => {
    expect(mappingOf('4091', BALANCE_SHEET_MAP)?.line).toBe('advancesPaid');
    expect(mappingOf('401', BALANCE_SHEET_MAP)?.credit).toBe('suppliers');
    expect(mappingOf('2813', BALANCE_SHEET_MAP)?.line).toBe('tangible');
    expect(mappingOf('801', BALANCE_SHEET_MAP)).toBeUndefined();
  });

  it('income statement of the worked example: result 3 000', () => {
    const is = incomeStatementOf(balancesOf(WORKED_EXAMPLE));
    const lines = [...is.expenses.sections, ...is.income.sections].flatMap((s) => s.lines);
    const amount = (key: string) => lines.find((l) => l.key === key)?.amount;
    expect(amount('production')).toBe(1000000);
    expect(amount('goodsPurchases')).toBe(400000);
    expect(amount('wages')).toBe(300000);
    expect(is.income.total).toBe(1000000);
    expect(is.expenses.total).toBe(700000);
    expect(is.operatingResult).toBe(300000);
    expect(is.financialResult).toBe(0);
    expect(is.result).toBe(300000);
  });

  it('balance sheet of the worked example: balanced, the result in the equity', () => {
    const bs = balanceSheetOf(balancesOf(WORKED_EXAMPLE));
    expect(line(bs.assets, 'cash')).toBe(1400000);
    expect(line(bs.assets, 'otherReceivables')).toBe(80000);
    expect(line(bs.liabilities, 'capital')).toBe(500000);
    expect(line(bs.liabilities, 'result')).toBe(300000);
    expect(line(bs.liabilities, 'suppliers')).toBe(480000);
    expect(line(bs.liabilities, 'otherDebts')).toBe(200000);
    expect(bs.liabilities.sections.find((s) => s.key === 'equity')?.total).toBe(800000);
    expect(bs.assets.total).toBe(1480000);
    expect(bs.liabilities.total).toBe(1480000);
    expect(bs.periodResult).toBe(300000);
  });

  it('an overdrawn bank goes to the debts, a customer in credit to the other debts', () => {
    const bs = balanceSheetOf([
      { account: '512', balance: -1000 },
      { account: '411', balance: -500 },
      { account: '607', balance: 1500 },
    ]);
    expect(line(bs.liabilities, 'borrowings')).toBe(1000);
    expect(line(bs.liabilities, 'otherDebts')).toBe(500);
    expect(line(bs.liabilities, 'result')).toBe(-1500);
    expect(bs.assets.total).toBe(0);
    expect(bs.liabilities.total).toBe(0);
  });

  // Any account of classes 1 to 7 (digits after the class), any balanced entries: assets = liabilities.
  const account = fc
    .tuple(fc.integer({ min: 1, max: 7 }), fc.stringMatching(/^[0-9]{1,5}$/))
    .map(([cls, rest]) => `${cls}${rest}`);
  const entry = fc
    .array(fc.tuple(account, fc.integer({ min: -10_000_000, max: 10_000_000 })), {
      minLength: 1,
      maxLength: 6,
    })
    .chain((lines) =>
      account.map((other): [string, number][] => [...lines, [other, -lines.reduce((s, [, a]) => s + a, 0)]]),
    );

  it('property: the balance sheet balances for any balanced postings', () => {
    fc.assert(
      fc.property(fc.array(entry, { minLength: 1, maxLength: 20 }), (entries) => {
        const balances = balancesOf(entries.flat());
        const bs = balanceSheetOf(balances);
        const is = incomeStatementOf(balances);
        expect(bs.assets.total).toBe(bs.liabilities.total);
        // The equity's result is the income statement's, when nothing is closed into 12x.
        expect(bs.periodResult).toBe(is.result);
      }),
      { numRuns: 500 },
    );
  });
});
