// Every ledger table, for the kernel's DB type (the one type-only import the layer rule allows).
import type { LedgerAccountTable } from './accounts/tables.ts';
import type { LedgerDraftLineTable, LedgerEntryTable, LedgerLineTable } from './entries/tables.ts';
import type { LedgerFiscalYearTable } from './fiscal-years/tables.ts';
import type { LedgerJournalTable } from './journals/tables.ts';
import type { LedgerLetteringLineTable, LedgerLetteringTable } from './lettering/tables.ts';
import type { LedgerBalanceTable } from './reports/tables.ts';

export type LedgerTables = {
  ledger_account: LedgerAccountTable;
  ledger_journal: LedgerJournalTable;
  ledger_fiscal_year: LedgerFiscalYearTable;
  ledger_entry: LedgerEntryTable;
  ledger_draft_line: LedgerDraftLineTable;
  ledger_line: LedgerLineTable;
  ledger_lettering: LedgerLetteringTable;
  ledger_lettering_line: LedgerLetteringLineTable;
  ledger_balance: LedgerBalanceTable;
};
