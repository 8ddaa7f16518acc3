import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { entryProblems, entryTotals, lineProblem, swapSides } from './entry-rules.ts';

describe('entry rules', () => {
  // Worked example of French textbooks: a sale of 1 000,00 € HT with 20 % VAT, on account.
  const sale = [
    { account: '411', debit: 120000, credit: 0 },
    { account: '706', debit: 0, credit: 100000 },
    { account: '44571', debit: 0, credit: 20000 },
  ];

  it('accepts the textbook sale 411 1 200 / 706 1 000 / 44571 200', () => {
    expect(entryProblems(sale)).toEqual([]);
    expect(entryTotals(sale)).toEqual({ debit: 120000, credit: 120000 });
  });

  it('refuses an unbalanced entry with the gap in French', () => {
    const [problem] = entryProblems(sale.slice(0, 2));
    expect(problem?.message).toMatch(/n’est pas équilibrée/);
    expect(problem?.message).toMatch(/200,00/);
  });

  it('refuses lines with both sides, no side, negative or fractional cents', () => {
    expect(lineProblem({ debit: 1, credit: 1 })).toMatch(/pas les deux/);
    expect(lineProblem({ debit: 0, credit: 0 })).toMatch(/sans montant/);
    expect(lineProblem({ debit: -5, credit: 0 })).toMatch(/négatif/);
    expect(lineProblem({ debit: 1.5, credit: 0 })).toMatch(/entier/);
    expect(entryProblems([{ debit: 100, credit: 0 }])).toEqual([
      { field: 'lines', message: 'Une écriture compte au moins deux lignes.' },
    ]);
  });

  it('swapping sides twice gives the lines back, and keeps any balanced entry balanced', () => {
    const amount = fc.integer({ min: 1, max: 1_000_000_000 });
    fc.assert(
      fc.property(fc.array(amount, { minLength: 1, maxLength: 8 }), (debits) => {
        const total = debits.reduce((a, b) => a + b, 0);
        const lines = [...debits.map((d) => ({ debit: d, credit: 0 })), { debit: 0, credit: total }];
        expect(entryProblems(lines)).toEqual([]);
        expect(entryProblems(swapSides(lines))).toEqual([]);
        expect(swapSides(swapSides(lines))).toEqual(lines);
      }),
    );
  });
});
