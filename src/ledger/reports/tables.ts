export type LedgerBalanceTable = {
  org_id: string;
  fiscal_year_id: string;
  account_id: string;
  entry_date: string;
  opening: number;
  debit: number;
  credit: number;
};
