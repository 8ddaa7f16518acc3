import { invoiceTotals } from '../invoice-totals.ts';
import { effectiveVat, type Issued, natureOf, type PostalAddress } from '../issued.ts';
import type { IssuedInvoice } from './model.ts';

export type IssuedInvoiceInput = Omit<IssuedInvoice, 'lines' | 'totals' | 'nature' | 'issued'> & {
  issued: Issued;
  deliveryAddress: PostalAddress | null;
  lines: {
    code: string | null;
    label: string;
    description: string | null;
    kind: 'goods' | 'service';
    unit: string;
    quantity: number;
    unitPrice: number;
    discount: number;
    vatRate: number;
    vatExemptionReason: string | null;
  }[];
};

/** Resolves VAT categories under the seller's regime, the totals and the nature of the operations. */
export function buildIssuedInvoice(input: IssuedInvoiceInput): IssuedInvoice {
  const lines = input.lines.map((l, position) => ({
    position,
    code: l.code,
    label: l.label,
    description: l.description,
    kind: l.kind,
    unit: l.unit,
    quantity: l.quantity,
    unitPrice: l.unitPrice,
    discount: l.discount,
    vat: effectiveVat(input.issued.seller.vatRegime, l),
  }));
  const totals = invoiceTotals({
    documentDiscount: input.documentDiscount,
    lines: lines.map((l) => ({
      quantity: l.quantity,
      unitPrice: l.unitPrice,
      discount: l.discount,
      vatCategory: l.vat.category,
      vatRate: l.vat.rate,
    })),
  });
  return {
    ...input,
    nature: natureOf(lines.map((l) => l.kind)),
    lines: lines.map((l, i) => ({ ...l, amounts: totals.lines[i]! })),
    totals,
  };
}
