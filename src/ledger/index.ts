// The public surface of the ledger. Other modules post through `post` and `reverse`, inside their own
// transaction; they never write ledger tables. The rest serves the server (ledgerRoutes), the CLI (FEC)
// and the setup of organisations (ensureLedger).

export {
  createAccount,
  ensureAuxiliaryAccount,
  listAccounts,
  seedChartOfAccounts,
} from './accounts/account.ts';
export type { AccountDto } from './accounts/contract.ts';
export { ensureLedger } from './ensure-ledger.ts';
export type { EntryDto, EntryInput, EntryLineInput, PostingInput } from './entries/contract.ts';
export { entryInput } from './entries/contract.ts';
export { createDraft, deleteDraft, updateDraft, validateEntry } from './entries/draft.ts';
export { post, reverse } from './entries/entry.ts';
export { getEntry, listEntries } from './entries/entry-read.ts';
export { exportFecFile, exportFecText, type FecExport, prepareFecExport } from './fec/fec-export.ts';
export type { FecImportReport } from './fec/fec-import.ts';
export { importFec, importFecFile } from './fec/fec-io.ts';
export { encodeLatin9 } from './fec/latin9.ts';
export { closeFiscalYear } from './fiscal-years/closing.ts';
export type { ClosingDto, FiscalYearDto } from './fiscal-years/contract.ts';
export { findFiscalYear, listFiscalYears, openFiscalYear } from './fiscal-years/fiscal-year.ts';
export type { JournalDto } from './journals/contract.ts';
export { DEFAULT_JOURNALS, listJournals } from './journals/journal.ts';
export type { LetteringDto } from './lettering/contract.ts';
export { autoLetter, letter, letteringCandidates, unletter } from './lettering/lettering.ts';
export { settledEntryIds } from './lettering/settlement.ts';
export { accountBalance, accountMovement } from './reports/account-balance.ts';
export { agedBalance, type OpenItem, openItems } from './reports/aged-balance.ts';
export type {
  AgedBalanceDto,
  BalanceSheetDto,
  GeneralLedgerDto,
  IncomeStatementDto,
  JournalListingDto,
  TrialBalanceDto,
} from './reports/contract.ts';
export { exportFormat } from './reports/contract.ts';
// The neutral export table and its CSV renderer (ADR 0008), for other modules' list exports.
export { tableToCsv } from './reports/export-csv.ts';
export { generalLedger } from './reports/general-ledger.ts';
export { journalListing } from './reports/journal-listing.ts';
export { renderReport } from './reports/render.ts';
export type { ReportTable } from './reports/report-table.ts';
export { balanceSheet, incomeStatement } from './reports/statements.ts';
export { trialBalance } from './reports/trial-balance.ts';
export { ledgerRoutes } from './routes.ts';
