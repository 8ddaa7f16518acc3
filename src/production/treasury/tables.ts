export type ProductionBankAccountTable = {
  org_id: string;
  id: string;
  account: string;
  iban: string | null;
  label: string;
  ledger_account: string;
  created_at: string;
  created_by: string | null;
};

export type ProductionBankStatementTable = {
  org_id: string;
  id: string;
  bank_account_id: string;
  format: 'camt053' | 'ofx';
  reference: string;
  file_name: string | null;
  from_date: string | null;
  to_date: string;
  currency: string;
  opening_balance: number;
  opening_derived: number;
  closing_balance: number;
  balance_gap: number;
  line_count: number;
  duplicate_count: number;
  not_booked_count: number;
  imported_at: string;
  imported_by: string | null;
};

export type ProductionBankLineTable = {
  org_id: string;
  id: string;
  statement_id: string;
  bank_account_id: string;
  position: number;
  booking_date: string;
  value_date: string | null;
  amount: number;
  label: string;
  bank_ref: string | null;
  end_to_end_ref: string | null;
  counterparty: string | null;
  counterparty_iban: string | null;
  transaction_code: string | null;
  reversal: number;
};

export type BankMatchKind = 'auto' | 'manual' | 'posted';

export type ProductionBankMatchTable = {
  org_id: string;
  id: string;
  bank_line_id: string;
  ledger_line_id: string;
  kind: BankMatchKind;
  matched_at: string;
  matched_by: string | null;
};

/** A forecast line of the cash plan (decision 0047). */
export type ProductionCashForecastTable = {
  org_id: string;
  id: string;
  label: string;
  direction: 'in' | 'out';
  amount: number;
  /** 'YYYY-MM' */
  first_month: string;
  occurrences: number;
  created_at: string;
  created_by: string | null;
};
