export type AccountKind = 'general' | 'auxiliary';

export type LedgerAccountTable = {
  org_id: string;
  id: string;
  /** PCG number ('411', '6064', '41100001') or, for an auxiliary account, its code ('CDURAND'). */
  number: string;
  label: string;
  /** 1 to 9: the first digit of the (collective) number. */
  class: number;
  kind: AccountKind;
  parent_id: string | null;
  party_id: string | null;
  archived_at: string | null;
  created_at: string;
};
