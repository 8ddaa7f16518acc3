export type FiscalYearStatus = 'open' | 'closed';

export type LedgerFiscalYearTable = {
  org_id: string;
  id: string;
  start_date: string;
  end_date: string;
  status: FiscalYearStatus;
  closed_at: string | null;
  closed_by: string | null;
  created_at: string;
};
