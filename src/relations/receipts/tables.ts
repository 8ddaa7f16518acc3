export type PaymentMethod = 'transfer' | 'cheque' | 'card' | 'cash' | 'direct_debit';
export type ReceiptStatus = 'validated' | 'cancelled';

export type RelationsReceiptTable = {
  org_id: string;
  id: string;
  number: string;
  customer_id: string;
  receipt_date: string;
  method: PaymentMethod;
  /** Cents. */
  amount: number;
  reference: string | null;
  /** Cents kept as a customer credit. */
  unallocated: number;
  status: ReceiptStatus;
  ledger_entry_id: string;
  deposit_slip_id: string | null;
  cancelled_on: string | null;
  cancellation_entry_id: string | null;
  created_at: string;
  created_by: string | null;
};

export type RelationsReceiptAllocationTable = {
  org_id: string;
  id: string;
  receipt_id: string;
  invoice_id: string;
  /** Cents. */
  amount: number;
};

export type RelationsDepositSlipTable = {
  org_id: string;
  id: string;
  number: string;
  deposit_date: string;
  total: number;
  cheque_count: number;
  ledger_entry_id: string;
  created_at: string;
  created_by: string | null;
};
