export type LedgerLetteringTable = {
  org_id: string;
  id: string;
  account_id: string;
  auxiliary_id: string | null;
  code: string;
  /** 1 when the lettered lines balance; 0 for a partial lettering. */
  complete: number;
  lettered_on: string;
  created_at: string;
  created_by: string | null;
};

export type LedgerLetteringLineTable = { org_id: string; line_id: string; lettering_id: string };
