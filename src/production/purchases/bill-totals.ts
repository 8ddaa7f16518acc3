import { invoiceTotals } from '../../relations/index.ts';

// The totals of a supplier bill through the sales invoices' EN 16931 arithmetic (one computation for
// the whole application): each line is one unit at its amount excl. VAT, VAT is rounded once per rate
// on the sum of that rate's lines, never line by line.

export type BillTotalsLine = { netAmount: number; vatRate: number };
export type BillTotals = {
  totalNet: number;
  totalVat: number;
  total: number;
  /** Highest rate first. */
  vatBreakdown: { rate: number; base: number; vat: number }[];
};

export function billTotals(lines: readonly BillTotalsLine[]): BillTotals {
  const totals = invoiceTotals({
    // quantity × 10^3, unit price € × 10^4 = cents × 100.
    lines: lines.map((l) => ({
      quantity: 1000,
      unitPrice: l.netAmount * 100,
      discount: 0,
      vatCategory: l.vatRate === 0 ? ('E' as const) : ('S' as const),
      vatRate: l.vatRate,
    })),
    documentDiscount: 0,
  });
  return {
    totalNet: totals.taxBasisTotal,
    totalVat: totals.vatTotal,
    total: totals.grandTotal,
    vatBreakdown: totals.vatBreakdown.map((g) => ({ rate: g.rate, base: g.taxableAmount, vat: g.vatAmount })),
  };
}
