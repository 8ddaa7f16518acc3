import type { ItemKind } from '../catalogue/tables.ts';

export type SalesDocumentKind = 'quote' | 'order' | 'delivery_note';
export type SalesDocumentStatus =
  | 'draft'
  | 'sent'
  | 'accepted'
  | 'refused'
  | 'expired'
  | 'confirmed'
  | 'validated';

export type RelationsSalesDocumentTable = {
  org_id: string;
  id: string;
  kind: SalesDocumentKind;
  status: SalesDocumentStatus;
  number: string | null;
  party_id: string;
  issue_date: string;
  validity_date: string | null;
  /** The quote an order comes from, the order a delivery note delivers. */
  source_id: string | null;
  customer_ref: string | null;
  notes: string | null;
  /** % × 100. */
  document_discount: number;
  total_net: number;
  total_vat: number;
  total: number;
  validated_at: string | null;
  created_at: string;
  created_by: string | null;
  updated_at: string;
};

/** The same columns as an invoice line (scaled integers), so conversions copy them as they are. */
export type SalesLineColumns = {
  position: number;
  item_id: string | null;
  code: string | null;
  label: string;
  description: string | null;
  kind: ItemKind;
  unit: string;
  quantity: number;
  unit_price: number;
  discount: number;
  vat_rate: number;
  vat_exemption_reason: string | null;
  revenue_account: string;
  net_amount: number;
};

export type RelationsSalesDocumentLineTable = SalesLineColumns & {
  org_id: string;
  id: string;
  document_id: string;
  source_line_id: string | null;
};

export type Periodicity = 'monthly' | 'quarterly' | 'yearly';

export type RelationsContractTable = {
  org_id: string;
  id: string;
  party_id: string;
  label: string;
  periodicity: Periodicity;
  start_date: string;
  end_date: string | null;
  notes: string | null;
  document_discount: number;
  created_at: string;
  created_by: string | null;
  updated_at: string;
};

export type RelationsContractLineTable = SalesLineColumns & {
  org_id: string;
  id: string;
  contract_id: string;
};

export type SalesInvoicePurpose = 'down_payment' | 'order' | 'contract';

export type RelationsSalesInvoiceTable = {
  org_id: string;
  invoice_id: string;
  purpose: SalesInvoicePurpose;
  order_id: string | null;
  contract_id: string | null;
  period_start: string | null;
  period_end: string | null;
};

export type RelationsSalesInvoiceLineTable = {
  org_id: string;
  id: string;
  invoice_id: string;
  order_line_id: string | null;
  deducted_invoice_id: string | null;
  /** × 10^3. */
  quantity: number;
};
