export type EntryStatus = 'draft' | 'validated';
/** How the entry came to be: typed by a user, posted by another module, a reversal, opening balances, a FEC. */
export type EntryOrigin = 'manual' | 'posting' | 'reversal' | 'opening' | 'import';

export type LedgerEntryTable = {
  org_id: string;
  id: string;
  journal_id: string;
  fiscal_year_id: string | null;
  /** FEC EcritureNum: given at validation, gap-free per fiscal year. */
  number: number | null;
  entry_date: string;
  label: string;
  voucher_ref: string | null;
  voucher_date: string | null;
  status: EntryStatus;
  origin: EntryOrigin;
  source_ref: string | null;
  reversal_of: string | null;
  validated_at: string | null;
  /** FEC ValidDate, in the organisation's time zone. */
  validated_on: string | null;
  created_at: string;
  created_by: string | null;
};

export type LedgerDraftLineTable = {
  org_id: string;
  id: string;
  entry_id: string;
  position: number;
  account_id: string;
  auxiliary_id: string | null;
  label: string | null;
  debit: number;
  credit: number;
  due_date: string | null;
};

export type LedgerLineTable = {
  org_id: string;
  id: string;
  entry_id: string;
  position: number;
  fiscal_year_id: string;
  journal_id: string;
  entry_date: string;
  account_id: string;
  auxiliary_id: string | null;
  label: string;
  debit: number;
  credit: number;
  due_date: string | null;
};
