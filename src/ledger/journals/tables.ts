export type JournalKind = 'sales' | 'purchases' | 'bank' | 'cash' | 'general' | 'payroll' | 'opening';

export type LedgerJournalTable = {
  org_id: string;
  id: string;
  /** 'VE', 'AC', 'BQ', 'CA', 'OD', 'PA', 'AN' or any code the organisation adds (FEC JournalCode). */
  code: string;
  label: string;
  kind: JournalKind;
  created_at: string;
};
