import type { InvoiceTotals, LineAmounts, VatCategory } from '../invoice-totals.ts';
import type { Issued, OperationNature, PostalAddress } from '../issued.ts';

/**
 * Everything an issued invoice says, resolved: the one input of the Factur-X XML, the PDF page and the
 * legal mentions (all pure functions of it).
 */
export type IssuedInvoice = {
  kind: 'invoice' | 'credit_note';
  number: string;
  issueDate: string;
  deliveryDate: string | null;
  dueDate: string | null;
  paymentTerms: string | null;
  customerOrderRef: string | null;
  deliveryAddress: PostalAddress | null;
  notes: string | null;
  /** Percent × 100. */
  documentDiscount: number;
  credited: { number: string; issueDate: string } | null;
  /** A down payment invoice (facture d’acompte, UNTDID 1001 code 386): every line on 4191. */
  downPayment?: boolean;
  /**
   * Set for the sales documents printed with the invoice layout (« Devis », « Bon de commande »…): the
   * title, and the label of the last total (no amount is due on a quote).
   */
  documentTitle?: string;
  totalLabel?: string;
  issued: Issued;
  nature: OperationNature;
  lines: IssuedLine[];
  totals: InvoiceTotals;
  /** Instant of validation: the PDF's dates, so the same invoice always gives the same file. */
  validatedAt: string;
};

export type IssuedLine = {
  position: number;
  code: string | null;
  label: string;
  description: string | null;
  kind: 'goods' | 'service';
  unit: string;
  /** × 10^3. */
  quantity: number;
  /** € × 10^4. */
  unitPrice: number;
  /** Percent × 100. */
  discount: number;
  vat: { category: VatCategory; rate: number; exemptionReason: string | null; exemptionCode: string | null };
  amounts: LineAmounts;
};
