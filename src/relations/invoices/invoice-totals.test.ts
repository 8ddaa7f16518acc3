import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { invoiceTotals, lineAmounts, type TotalsLine, type VatCategory } from './invoice-totals.ts';

const s = (quantity: number, unitPrice: number, vatRate: number, discount = 0): TotalsLine => ({
  quantity: quantity * 1000,
  unitPrice: unitPrice * 10_000,
  discount,
  vatCategory: vatRate > 0 ? 'S' : 'E',
  vatRate,
});

describe('invoice totals (EN 16931)', () => {
  // The FeRD "EN16931 Einfach" sample invoice (ZUGFeRD 2 / Factur-X reference example, reproduced in the
  // ZUGFeRD-csharp and horstoeko/zugferd test suites): 20 × 9,90 at 19 % and 50 × 5,50 at 7 %.
  it('reproduces the FeRD reference invoice', () => {
    const totals = invoiceTotals({ documentDiscount: 0, lines: [s(20, 9.9, 1900), s(50, 5.5, 700)] });
    expect(totals.lines.map((l) => l.net)).toEqual([19800, 27500]);
    expect(totals.vatBreakdown).toEqual([
      { category: 'S', rate: 1900, lineTotal: 19800, allowance: 0, taxableAmount: 19800, vatAmount: 3762 },
      { category: 'S', rate: 700, lineTotal: 27500, allowance: 0, taxableAmount: 27500, vatAmount: 1925 },
    ]);
    expect(totals).toMatchObject({
      lineTotal: 47300,
      taxBasisTotal: 47300,
      vatTotal: 5687,
      grandTotal: 52987,
      duePayable: 52987,
    });
  });

  // The textbook sale of French accounting courses: 1 000 € HT, TVA 20 %, 1 200 € TTC.
  it('reproduces the textbook sale', () => {
    const totals = invoiceTotals({ documentDiscount: 0, lines: [s(1, 1000, 2000)] });
    expect([totals.taxBasisTotal, totals.vatTotal, totals.grandTotal]).toEqual([100000, 20000, 120000]);
  });

  it('rounds each line half up to the cent, discount included', () => {
    // 3 × 0,0450 = 0,135 → 0,14; 2,5 × 19,99 = 49,975 → 49,98 less 10 % (4,998 → 5,00) = 44,98.
    expect(lineAmounts({ quantity: 3000, unitPrice: 450, discount: 0 })).toEqual({
      gross: 14,
      discountAmount: 0,
      net: 14,
    });
    expect(lineAmounts({ quantity: 2500, unitPrice: 199_900, discount: 1000 })).toEqual({
      gross: 4998,
      discountAmount: 500,
      net: 4498,
    });
    // Half away from zero on a credit note line too.
    expect(lineAmounts({ quantity: -3000, unitPrice: 450, discount: 0 }).net).toBe(-14);
  });

  it('computes VAT on the sum of the lines of a rate, not line by line (BR-CO-17)', () => {
    // Three lines of 0,05 € at 5,5 %: line by line 3 × 0,00 = 0; on the sum 0,15 × 5,5 % = 0,00825 → 0,01.
    const totals = invoiceTotals({
      documentDiscount: 0,
      lines: [s(1, 0.05, 550), s(1, 0.05, 550), s(1, 0.05, 550)],
    });
    expect(totals.vatBreakdown).toHaveLength(1);
    expect(totals.vatTotal).toBe(1);
  });

  it('spreads the document discount per rate (BG-20) and taxes what is left', () => {
    const totals = invoiceTotals({ documentDiscount: 500, lines: [s(2, 100, 2000), s(1, 33.33, 550)] });
    const [standard, reduced] = totals.vatBreakdown;
    expect(standard).toMatchObject({
      lineTotal: 20000,
      allowance: 1000,
      taxableAmount: 19000,
      vatAmount: 3800,
    });
    // 33,33 × 5 % = 1,6665 → 1,67; 31,66 × 5,5 % = 1,7413 → 1,74.
    expect(reduced).toMatchObject({ lineTotal: 3333, allowance: 167, taxableAmount: 3166, vatAmount: 174 });
    expect(totals).toMatchObject({
      lineTotal: 23333,
      allowanceTotal: 1167,
      taxBasisTotal: 22166,
      vatTotal: 3974,
      grandTotal: 26140,
    });
  });

  it('keeps exempt and out-of-scope amounts apart, without VAT', () => {
    const totals = invoiceTotals({
      documentDiscount: 0,
      lines: [
        { ...s(1, 10, 0), vatCategory: 'E' },
        { ...s(1, 10, 0), vatCategory: 'O' },
      ],
    });
    expect(totals.vatBreakdown.map((b) => [b.category, b.taxableAmount, b.vatAmount])).toEqual([
      ['E', 1000, 0],
      ['O', 1000, 0],
    ]);
    expect(totals.grandTotal).toBe(2000);
  });

  it('refuses amounts beyond what cents can hold exactly', () => {
    expect(() =>
      invoiceTotals({
        documentDiscount: 0,
        lines: [s(1_000_000, 1_000_000_000, 2000), s(1_000_000, 1_000_000_000, 2000)],
      }),
    ).toThrow(RangeError);
  });

  const rates = [2000, 1000, 850, 550, 210, 175, 105, 0];
  const line = fc
    .record({
      quantity: fc.integer({ min: -100_000_000, max: 100_000_000 }),
      unitPrice: fc.integer({ min: 0, max: 1_000_000_000 }),
      discount: fc.integer({ min: 0, max: 10_000 }),
      vatRate: fc.constantFrom(...rates),
    })
    .map((l): TotalsLine => ({ ...l, vatCategory: (l.vatRate > 0 ? 'S' : 'E') as VatCategory }));
  const invoice = fc.record({
    lines: fc.array(line, { minLength: 1, maxLength: 30 }),
    documentDiscount: fc.integer({ min: 0, max: 10_000 }),
  });
  const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);

  it('totals are the sums of their parts', () => {
    fc.assert(
      fc.property(invoice, (input) => {
        const t = invoiceTotals(input);
        expect(t.lineTotal).toBe(sum(t.lines.map((l) => l.net)));
        expect(t.allowanceTotal).toBe(sum(t.vatBreakdown.map((b) => b.allowance)));
        expect(t.taxBasisTotal).toBe(t.lineTotal - t.allowanceTotal + t.chargeTotal);
        expect(t.taxBasisTotal).toBe(sum(t.vatBreakdown.map((b) => b.taxableAmount)));
        expect(t.vatTotal).toBe(sum(t.vatBreakdown.map((b) => b.vatAmount)));
        expect(t.grandTotal).toBe(t.taxBasisTotal + t.vatTotal);
        expect(t.duePayable).toBe(t.grandTotal - t.prepaidAmount + t.roundingAmount);
        for (const l of t.lines) expect(l.net).toBe(l.gross - l.discountAmount);
      }),
    );
  });

  it('VAT per rate is the rate applied to that rate’s base, within half a cent', () => {
    fc.assert(
      fc.property(invoice, (input) => {
        const t = invoiceTotals(input);
        expect(new Set(t.vatBreakdown.map((b) => `${b.category}:${b.rate}`)).size).toBe(
          t.vatBreakdown.length,
        );
        for (const b of t.vatBreakdown) {
          const members = input.lines
            .map((l, i) => ({ l, net: t.lines[i]!.net }))
            .filter(({ l }) => l.vatRate === b.rate);
          expect(b.lineTotal).toBe(sum(members.map((m) => m.net)));
          // |vat × 10 000 − base × rate| ≤ 5 000: half a cent.
          const error = BigInt(b.vatAmount) * 10_000n - BigInt(b.taxableAmount) * BigInt(b.rate);
          expect((error < 0n ? -error : error) * 2n <= 10_000n).toBe(true);
          if (b.rate === 0) expect(b.vatAmount).toBe(0);
        }
      }),
    );
  });

  it('every line amount is within half a cent of quantity × price × (1 − discount)', () => {
    fc.assert(
      fc.property(line, (l) => {
        const { gross, net } = lineAmounts(l);
        const exact = BigInt(l.quantity) * BigInt(l.unitPrice); // cents × 10^5
        const grossError = BigInt(gross) * 100_000n - exact;
        expect((grossError < 0n ? -grossError : grossError) * 2n <= 100_000n).toBe(true);
        expect(Math.abs(net)).toBeLessThanOrEqual(Math.abs(gross));
      }),
    );
  });
});
