import { describe, expect, it } from 'vitest';
import { ca3Lines, euros, settlementPosting } from './ca3.ts';
import { nextPeriod, ofPeriod, periodOf, periodRange, previousPeriod } from './period.ts';

const zero = { deductibleAssets: 0, deductibleOther: 0, previousCredit: 0 };
const amounts = (lines: { code: string; amount: number }[]) =>
  Object.fromEntries(lines.filter((l) => l.amount !== 0).map((l) => [l.code, l.amount]));

describe('CA3 lines', () => {
  it('rounds each amount to the nearest euro, half away from zero (notice 3310-NOT-SD)', () => {
    expect([49, 50, 149, 150, -49, -50, -150].map(euros)).toEqual([0, 1, 1, 2, 0, -1, -2]);
  });

  it('sends the VAT of a rate whose credit notes exceed its invoices to line 21, not a negative line', () => {
    const ca3 = ca3Lines({
      rates: [
        { rate: 2000, base: 100000, vat: 20000 },
        { rate: 550, base: -10000, vat: -550 },
      ],
      exemptBase: 0,
      collected: 19450,
      ...zero,
    });
    expect(amounts(ca3.lines)).toEqual({
      A1: 1000,
      '08': 200,
      '16': 200,
      '21': 6,
      '23': 6,
      TD: 194,
      '28': 194,
      '32': 194,
    });
  });

  it('sends a deduction gone negative (a cancelled bill) to line 15, VAT to pay back', () => {
    const ca3 = ca3Lines({ rates: [], exemptBase: 0, collected: 0, ...zero, deductibleOther: -6000 });
    expect(amounts(ca3.lines)).toEqual({ '15': 60, '16': 60, TD: 60, '28': 60, '32': 60 });
  });

  it('refuses a rate the form has no line for, in French', () => {
    expect(() =>
      ca3Lines({ rates: [{ rate: 1300, base: 100, vat: 13 }], exemptBase: 0, collected: 13, ...zero }),
    ).toThrow('Taux de TVA 13 %');
  });

  it('balances the settlement entry with the rounding on 758 when the euros gain', () => {
    const cents = { collected: 20049, deductibleAssets: 0, deductibleOther: 0, previousCredit: 0 };
    const ca3 = ca3Lines({ rates: [{ rate: 2000, base: 100245, vat: 20049 }], exemptBase: 0, ...cents });
    const posting = settlementPosting(ca3, cents, { id: 'x', label: 'mars 2026', date: '2026-03-31' })!;
    expect(posting.lines.map((l) => [l.account, l.debit, l.credit])).toEqual([
      ['44571', 20049, 0],
      ['44551', 0, 20000],
      ['758', 0, 49],
    ]);
    expect(
      settlementPosting(
        ca3Lines({ rates: [], exemptBase: 0, collected: 0, ...zero }),
        { collected: 0, ...zero },
        { id: 'x', label: '', date: '2026-03-31' },
      ),
    ).toBeNull();
  });
});

describe('VAT periods', () => {
  it('names months and quarters, and walks across years', () => {
    expect(periodRange('2026-02')).toEqual({ from: '2026-02-01', to: '2026-02-28', label: 'février 2026' });
    expect(periodRange('2026-T1')).toEqual({
      from: '2026-01-01',
      to: '2026-03-31',
      label: '1er trimestre 2026',
    });
    expect(periodRange('2026-T4').label).toBe('4e trimestre 2026');
    expect(nextPeriod('2026-12')).toBe('2027-01');
    expect(nextPeriod('2026-T4')).toBe('2027-T1');
    expect(previousPeriod('2026-01')).toBe('2025-12');
    expect(periodOf('2026-08-15', 'quarterly')).toBe('2026-T3');
    expect(
      ['2026-03', '2026-04', '2026-08', '2026-10', '2026-T1'].map((p) => ofPeriod(periodRange(p).label)),
    ).toEqual(['de mars 2026', 'd’avril 2026', 'd’août 2026', 'd’octobre 2026', 'du 1er trimestre 2026']);
  });
});
