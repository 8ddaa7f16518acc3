export type SupplierBillStatus = 'draft' | 'validated' | 'cancelled';

export type ProductionSupplierBillTable = {
  org_id: string;
  id: string;
  status: SupplierBillStatus;
  number: string | null;
  supplier_id: string;
  supplier_ref: string;
  bill_date: string;
  due_date: string | null;
  total_net: number;
  total_vat: number;
  total: number;
  ledger_entry_id: string | null;
  cancellation_entry_id: string | null;
  cancelled_on: string | null;
  validated_at: string | null;
  validated_by: string | null;
  created_at: string;
  created_by: string | null;
  updated_at: string;
};

export type ProductionSupplierBillLineTable = {
  org_id: string;
  id: string;
  bill_id: string;
  position: number;
  label: string;
  account: string;
  net_amount: number;
  vat_rate: number;
};

export type ProductionSupplierPaymentTable = {
  org_id: string;
  id: string;
  bill_id: string;
  payment_date: string;
  method: 'transfer' | 'cheque' | 'direct_debit';
  amount: number;
  reference: string | null;
  ledger_entry_id: string;
  created_at: string;
  created_by: string | null;
  /** Set when the payment was cancelled (its entry reversed on that day). */
  cancelled_on: string | null;
  cancellation_entry_id: string | null;
};
