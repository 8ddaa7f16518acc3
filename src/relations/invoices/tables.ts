import type { ItemKind } from '../catalogue/tables.ts';

export type InvoiceKind = 'invoice' | 'credit_note';
export type InvoiceStatus = 'draft' | 'validated';

export type RelationsInvoiceTable = {
  org_id: string;
  id: string;
  kind: InvoiceKind;
  status: InvoiceStatus;
  number: string | null;
  customer_id: string;
  issue_date: string | null;
  delivery_date: string | null;
  due_date: string | null;
  payment_terms: string | null;
  customer_order_ref: string | null;
  delivery_line1: string | null;
  delivery_line2: string | null;
  delivery_postal_code: string | null;
  delivery_city: string | null;
  delivery_country: string | null;
  notes: string | null;
  /** % × 100. */
  document_discount: number;
  credited_invoice_id: string | null;
  total_net: number;
  total_vat: number;
  total: number;
  /** JSON of IssuedParties, set at validation. */
  issued: string | null;
  ledger_entry_id: string | null;
  validated_at: string | null;
  validated_by: string | null;
  created_at: string;
  created_by: string | null;
  updated_at: string;
};

export type RelationsInvoiceLineTable = {
  org_id: string;
  id: string;
  invoice_id: string;
  position: number;
  item_id: string | null;
  code: string | null;
  label: string;
  description: string | null;
  kind: ItemKind;
  unit: string;
  /** × 10^3. */
  quantity: number;
  /** € × 10^4. */
  unit_price: number;
  /** % × 100. */
  discount: number;
  /** % × 100. */
  vat_rate: number;
  vat_exemption_reason: string | null;
  revenue_account: string;
  /** Cents. */
  net_amount: number;
};

export type RelationsInvoiceDocumentTable = { org_id: string; invoice_id: string; document_id: string };
