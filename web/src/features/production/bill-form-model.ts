import { invoiceTotals } from '../../../../src/relations/invoices/invoice-totals.ts';

// The live totals of the bill form, through the same EN 16931 arithmetic as the server
// (src/production/purchases/bill-totals.ts maps lines the same way): VAT rounded once per rate.

export function liveTotals(lines: readonly { netAmount: number; vatRate: number }[]) {
  const totals = invoiceTotals({
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
    vatBreakdown: totals.vatBreakdown.map((g) => ({ rate: g.rate, vat: g.vatAmount })),
  };
}
