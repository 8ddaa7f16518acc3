import { divideRounded } from '../../kernel/money/index.ts';

// EN 16931 arithmetic of an invoice, pure: scaled integers in, cents out, every rounding half up to the
// cent at the place the norm puts it. No I/O, no dates, no database: the same function serves drafts,
// validation, the Factur-X XML and the PDF, so they can never disagree.

/** S standard rate, E exempt (with a reason), O outside the scope of VAT (organisation not liable). */
export type VatCategory = 'S' | 'E' | 'O';

export type TotalsLine = {
  /** Quantity × 10^3 (may be negative on a credit note). */
  quantity: number;
  /** Unit price excl. VAT, € × 10^4. */
  unitPrice: number;
  /** Line discount, percent × 10^2 (0 to 10 000). */
  discount: number;
  vatCategory: VatCategory;
  /** Percent × 10^2 (2000 = 20 %). */
  vatRate: number;
};

export type LineAmounts = {
  /** quantity × unit price, rounded (cents). */
  gross: number;
  /** BT-136: gross × discount %, rounded (cents). */
  discountAmount: number;
  /** BT-131: gross − discount (cents). */
  net: number;
};

export type VatBreakdown = {
  category: VatCategory;
  rate: number;
  /** Sum of the line nets of this category and rate (cents). */
  lineTotal: number;
  /** BG-20 document-level allowance for this rate (cents), from the document discount. */
  allowance: number;
  /** BT-116 = lineTotal − allowance. */
  taxableAmount: number;
  /** BT-117 = taxableAmount × rate, rounded half up (BR-CO-17). */
  vatAmount: number;
};

export type InvoiceTotals = {
  lines: LineAmounts[];
  /** Grouped by category and rate, highest rate first. */
  vatBreakdown: VatBreakdown[];
  /** BT-106 sum of line nets. */
  lineTotal: number;
  /** BT-107 sum of document-level allowances. */
  allowanceTotal: number;
  /** BT-108 sum of document-level charges (none yet). */
  chargeTotal: number;
  /** BT-109 total excl. VAT. */
  taxBasisTotal: number;
  /** BT-110 total VAT. */
  vatTotal: number;
  /** BT-112 total incl. VAT. */
  grandTotal: number;
  /** BT-113 paid in advance. */
  prepaidAmount: number;
  /** BT-114 rounding. */
  roundingAmount: number;
  /** BT-115 amount due. */
  duePayable: number;
};

function cents(value: bigint): number {
  if (value > BigInt(Number.MAX_SAFE_INTEGER) || value < -BigInt(Number.MAX_SAFE_INTEGER))
    throw new RangeError('Montant hors limites : la facture dépasse les montants représentables.');
  return Number(value);
}

/** BT-131: quantity × price − discount, each product rounded half up to the cent. */
export function lineAmounts(line: Pick<TotalsLine, 'quantity' | 'unitPrice' | 'discount'>): LineAmounts {
  // quantity × 10^3 × price × 10^4 = euros × 10^7 = cents × 10^5.
  const gross = divideRounded(BigInt(line.quantity) * BigInt(line.unitPrice), 100_000n, 'halfUp');
  const discountAmount = divideRounded(gross * BigInt(line.discount), 10_000n, 'halfUp');
  return { gross: cents(gross), discountAmount: cents(discountAmount), net: cents(gross - discountAmount) };
}

export const vatGroupKey = (category: VatCategory, rate: number) => `${category}:${rate}`;

/**
 * Totals of an invoice (BT-106 to BT-115) and its VAT breakdown (BG-23). VAT is computed once per
 * category and rate on the sum of the line nets less that rate's share of the document discount
 * (BR-CO-17), never line by line.
 */
export function invoiceTotals(input: {
  lines: readonly TotalsLine[];
  documentDiscount: number;
}): InvoiceTotals {
  const lines = input.lines.map(lineAmounts);
  const groups = new Map<string, { category: VatCategory; rate: number; lineTotal: bigint }>();
  input.lines.forEach((line, i) => {
    const key = vatGroupKey(line.vatCategory, line.vatRate);
    const group = groups.get(key) ?? { category: line.vatCategory, rate: line.vatRate, lineTotal: 0n };
    group.lineTotal += BigInt(lines[i]!.net);
    groups.set(key, group);
  });
  const vatBreakdown = [...groups.values()]
    .sort((a, b) => b.rate - a.rate || a.category.localeCompare(b.category))
    .map((g): VatBreakdown => {
      const allowance = divideRounded(g.lineTotal * BigInt(input.documentDiscount), 10_000n, 'halfUp');
      const taxable = g.lineTotal - allowance;
      const vat = divideRounded(taxable * BigInt(g.rate), 10_000n, 'halfUp');
      return {
        category: g.category,
        rate: g.rate,
        lineTotal: cents(g.lineTotal),
        allowance: cents(allowance),
        taxableAmount: cents(taxable),
        vatAmount: cents(vat),
      };
    });
  const sum = (values: number[]) => cents(values.reduce((a, b) => a + BigInt(b), 0n));
  const lineTotal = sum(lines.map((l) => l.net));
  const allowanceTotal = sum(vatBreakdown.map((b) => b.allowance));
  const taxBasisTotal = sum([lineTotal, -allowanceTotal]);
  const vatTotal = sum(vatBreakdown.map((b) => b.vatAmount));
  const grandTotal = sum([taxBasisTotal, vatTotal]);
  return {
    lines,
    vatBreakdown,
    lineTotal,
    allowanceTotal,
    chargeTotal: 0,
    taxBasisTotal,
    vatTotal,
    grandTotal,
    prepaidAmount: 0,
    roundingAmount: 0,
    duePayable: grandTotal,
  };
}
