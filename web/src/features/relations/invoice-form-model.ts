import { isDecimal } from '../../../../src/kernel/money/index.ts';
import type { InvoiceDto } from '../../../../src/relations/invoices/contract.ts';
import {
  type InvoiceTotals,
  invoiceTotals,
  type TotalsLine,
  type VatCategory,
} from '../../../../src/relations/invoices/invoice-totals.ts';
import { toScaledInteger } from '../../../../src/relations/shared/scaled.ts';
import { formatRate, vatRates } from '../../../../src/relations/shared/vat-rates.ts';
import type { InvoiceDraftBody } from './relations-api.ts';

// The draft form's values (text as typed, French decimals) and the live totals computed by the server's
// own pure function (invoice-totals.ts), so the screen and the validated invoice never disagree.

export type LineValues = {
  itemId: string | null;
  label: string;
  kind: 'goods' | 'service' | '';
  unit: string;
  quantity: string;
  unitPrice: string;
  discountPercent: string;
  vatRate: string;
};

export type InvoiceFormValues = {
  customerId: string;
  issueDate: string;
  deliveryDate: string;
  dueDate: string;
  paymentTerms: string;
  customerOrderRef: string;
  withDeliveryAddress: boolean;
  deliveryAddress: { line1: string; line2: string; postalCode: string; city: string; country: string };
  notes: string;
  documentDiscountPercent: string;
  lines: LineValues[];
};

/** The rates a line may carry, as the select shows them ("20", "5,5"). */
export const VAT_RATE_OPTIONS = vatRates().map((r) => formatRate(r.rate));

export const emptyLine = (): LineValues => ({
  itemId: null,
  label: '',
  kind: '',
  unit: '',
  quantity: '1',
  unitPrice: '',
  discountPercent: '0',
  vatRate: '20',
});

/** "12.5000" → "12,50": the server's machine decimals, shown the French way with at least `min` decimals. */
export function frenchDecimal(text: string, min = 0): string {
  const [whole = '0', fraction = ''] = text.split('.');
  let kept = fraction.replace(/0+$/, '');
  if (kept.length < min) kept = kept.padEnd(min, '0');
  return kept ? `${whole},${kept}` : whole;
}

/** A decimal typed the French way ("1 234,5"), or null when it is not one. */
export function readDecimal(text: string, scale: number): number | null {
  const cleaned = text.replace(/[\s\u00A0\u202F]/g, '').replace(',', '.');
  if (cleaned === '' || !isDecimal(cleaned, scale)) return null;
  return toScaledInteger(cleaned, scale);
}

const vatCategory = (rate: number): VatCategory => (rate === 0 ? 'E' : 'S');

/** Totals of what the form holds; a line whose numbers cannot be read yet counts for nothing. */
export function formTotals(
  values: Pick<InvoiceFormValues, 'lines' | 'documentDiscountPercent'>,
): InvoiceTotals {
  const lines: TotalsLine[] = values.lines.map((line) => {
    const quantity = readDecimal(line.quantity, 3);
    const unitPrice = readDecimal(line.unitPrice, 4);
    const discount = readDecimal(line.discountPercent || '0', 2);
    const vatRate = readDecimal(line.vatRate, 2) ?? 0;
    const usable = quantity !== null && unitPrice !== null && discount !== null && discount <= 10_000;
    return {
      quantity: usable ? quantity : 0,
      unitPrice: usable ? unitPrice : 0,
      discount: usable ? discount : 0,
      vatCategory: vatCategory(vatRate),
      vatRate,
    };
  });
  const documentDiscount = readDecimal(values.documentDiscountPercent || '0', 2);
  return invoiceTotals({
    lines,
    documentDiscount: documentDiscount !== null && documentDiscount <= 10_000 ? documentDiscount : 0,
  });
}

const orNull = (text: string) => (text.trim() === '' ? null : text.trim());
const decimalText = (text: string) => text.replace(/[\s\u00A0\u202F]/g, '');

export function toDraftBody(values: InvoiceFormValues): InvoiceDraftBody {
  return {
    customerId: values.customerId,
    issueDate: orNull(values.issueDate),
    deliveryDate: orNull(values.deliveryDate),
    dueDate: orNull(values.dueDate),
    paymentTerms: orNull(values.paymentTerms),
    customerOrderRef: orNull(values.customerOrderRef),
    deliveryAddress: values.withDeliveryAddress
      ? {
          line1: values.deliveryAddress.line1.trim(),
          line2: orNull(values.deliveryAddress.line2),
          postalCode: values.deliveryAddress.postalCode.trim(),
          city: values.deliveryAddress.city.trim(),
          country: values.deliveryAddress.country.trim() || 'FR',
        }
      : null,
    notes: orNull(values.notes),
    documentDiscountPercent: decimalText(values.documentDiscountPercent) || '0',
    lines: values.lines.map((line) => ({
      itemId: line.itemId,
      label: orNull(line.label),
      description: null,
      kind: line.kind === '' ? null : line.kind,
      unit: orNull(line.unit),
      quantity: decimalText(line.quantity),
      unitPrice: orNull(decimalText(line.unitPrice)),
      discountPercent: decimalText(line.discountPercent) || '0',
      vatRate: orNull(decimalText(line.vatRate)),
    })),
  };
}

export function toFormValues(invoice?: InvoiceDto): InvoiceFormValues {
  if (!invoice)
    return {
      customerId: '',
      issueDate: '',
      deliveryDate: '',
      dueDate: '',
      paymentTerms: '',
      customerOrderRef: '',
      withDeliveryAddress: false,
      deliveryAddress: { line1: '', line2: '', postalCode: '', city: '', country: 'FR' },
      notes: '',
      documentDiscountPercent: '0',
      lines: [emptyLine()],
    };
  const address = invoice.deliveryAddress;
  return {
    customerId: invoice.customerId,
    issueDate: invoice.issueDate ?? '',
    deliveryDate: invoice.deliveryDate ?? '',
    dueDate: invoice.dueDate ?? '',
    paymentTerms: invoice.paymentTerms ?? '',
    customerOrderRef: invoice.customerOrderRef ?? '',
    withDeliveryAddress: address !== null,
    deliveryAddress: {
      line1: address?.line1 ?? '',
      line2: address?.line2 ?? '',
      postalCode: address?.postalCode ?? '',
      city: address?.city ?? '',
      country: address?.country ?? 'FR',
    },
    notes: invoice.notes ?? '',
    documentDiscountPercent: frenchDecimal(invoice.documentDiscountPercent),
    lines: invoice.lines.map((line) => ({
      itemId: line.itemId,
      label: line.label,
      kind: line.kind,
      unit: line.unit,
      quantity: frenchDecimal(line.quantity),
      unitPrice: frenchDecimal(line.unitPrice, 2),
      discountPercent: frenchDecimal(line.discountPercent),
      vatRate: frenchDecimal(line.vatRate),
    })),
  };
}
