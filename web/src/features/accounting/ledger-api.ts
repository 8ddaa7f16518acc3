import { keepPreviousData, queryOptions } from '@tanstack/react-query';
import type { PartyPage } from '../../../../src/kernel/parties/contract.ts';
import type {
  AccountDto,
  AccountInput,
  AuxiliaryAccountInput,
} from '../../../../src/ledger/accounts/contract.ts';
import type { EntryDto, EntryInput, EntryPage } from '../../../../src/ledger/entries/contract.ts';
import type { FecImportJobDto } from '../../../../src/ledger/fec/contract.ts';
import type { ClosingDto, FiscalYearDto } from '../../../../src/ledger/fiscal-years/contract.ts';
import type { JournalDto, JournalInput } from '../../../../src/ledger/journals/contract.ts';
import type {
  LetteringDto,
  LetteringInput,
  LetteringLineDto,
} from '../../../../src/ledger/lettering/contract.ts';
import type {
  AgedBalanceDto,
  BalanceSheetDto,
  ExportFormat,
  GeneralLedgerDto,
  IncomeStatementDto,
  JournalListingDto,
  TrialBalanceDto,
} from '../../../../src/ledger/reports/contract.ts';
import { api, apiDownload, queryString } from '../../api/client.ts';

// Every ledger request of the web, under /api/v1/orgs/:orgId/ledger; amounts are integer cents.

const base = (orgId: string) => `/api/v1/orgs/${encodeURIComponent(orgId)}/ledger`;
const id = (value: string) => encodeURIComponent(value);

export type { JournalListingDto };

export type Period = { from?: string; to?: string };

export const ledgerKeys = {
  all: (orgId: string) => ['orgs', orgId, 'ledger'] as const,
  accounts: (orgId: string) => [...ledgerKeys.all(orgId), 'accounts'] as const,
  journals: (orgId: string) => [...ledgerKeys.all(orgId), 'journals'] as const,
  fiscalYears: (orgId: string) => [...ledgerKeys.all(orgId), 'fiscal-years'] as const,
  entries: (orgId: string) => [...ledgerKeys.all(orgId), 'entries'] as const,
  entry: (orgId: string, entryId: string) => [...ledgerKeys.entries(orgId), 'one', entryId] as const,
  reports: (orgId: string) => [...ledgerKeys.all(orgId), 'reports'] as const,
  lettering: (orgId: string) => [...ledgerKeys.all(orgId), 'lettering'] as const,
};

// The chart is a few hundred accounts: one request, filtered on screen (lists, autocomplete).
export function accountsQuery(orgId: string) {
  return queryOptions({
    queryKey: ledgerKeys.accounts(orgId),
    queryFn: ({ signal }) => api<{ items: AccountDto[] }>(`${base(orgId)}/accounts`, { signal }),
    select: (data) => data.items,
    staleTime: 5 * 60_000,
  });
}

export function journalsQuery(orgId: string) {
  return queryOptions({
    queryKey: ledgerKeys.journals(orgId),
    queryFn: ({ signal }) => api<{ items: JournalDto[] }>(`${base(orgId)}/journals`, { signal }),
    select: (data) => data.items,
    staleTime: 5 * 60_000,
  });
}

export function fiscalYearsQuery(orgId: string) {
  return queryOptions({
    queryKey: ledgerKeys.fiscalYears(orgId),
    queryFn: ({ signal }) => api<{ items: FiscalYearDto[] }>(`${base(orgId)}/fiscal-years`, { signal }),
    select: (data) => data.items,
  });
}

export type EntryFilters = {
  journal?: string;
  status?: 'draft' | 'validated';
  from?: string;
  to?: string;
  limit: number;
  offset: number;
};

export function entriesQuery(orgId: string, filters: EntryFilters) {
  return queryOptions({
    queryKey: [...ledgerKeys.entries(orgId), 'list', filters] as const,
    queryFn: ({ signal }) => api<EntryPage>(`${base(orgId)}/entries${queryString(filters)}`, { signal }),
    placeholderData: keepPreviousData,
  });
}

export function entryQuery(orgId: string, entryId: string) {
  return queryOptions({
    queryKey: ledgerKeys.entry(orgId, entryId),
    queryFn: ({ signal }) => api<EntryDto>(`${base(orgId)}/entries/${id(entryId)}`, { signal }),
  });
}

export function trialBalanceQuery(orgId: string, period: Period & { auxiliary?: boolean }) {
  return queryOptions({
    queryKey: [...ledgerKeys.reports(orgId), 'trial-balance', period] as const,
    queryFn: ({ signal }) =>
      api<TrialBalanceDto>(
        `${base(orgId)}/trial-balance${queryString({ ...period, auxiliary: period.auxiliary ? 'true' : undefined })}`,
        { signal },
      ),
    placeholderData: keepPreviousData,
  });
}

export function generalLedgerQuery(orgId: string, query: Period & { account?: string; auxiliary?: string }) {
  return queryOptions({
    queryKey: [...ledgerKeys.reports(orgId), 'general-ledger', query] as const,
    queryFn: ({ signal }) =>
      api<GeneralLedgerDto>(`${base(orgId)}/general-ledger${queryString(query)}`, { signal }),
    placeholderData: keepPreviousData,
  });
}

export function journalListingQuery(
  orgId: string,
  query: Period & { journal?: string; limit: number; offset: number },
) {
  return queryOptions({
    queryKey: [...ledgerKeys.reports(orgId), 'journal-listing', query] as const,
    queryFn: ({ signal }) =>
      api<JournalListingDto>(`${base(orgId)}/journal-listing${queryString(query)}`, { signal }),
    placeholderData: keepPreviousData,
  });
}

export function agedBalanceQuery(orgId: string, query: { kind: 'receivables' | 'payables'; asOf?: string }) {
  return queryOptions({
    queryKey: [...ledgerKeys.reports(orgId), 'aged-balance', query] as const,
    queryFn: ({ signal }) =>
      api<AgedBalanceDto>(`${base(orgId)}/aged-balance${queryString(query)}`, { signal }),
    placeholderData: keepPreviousData,
  });
}

export function incomeStatementQuery(orgId: string, query: Period) {
  return queryOptions({
    queryKey: [...ledgerKeys.reports(orgId), 'income-statement', query] as const,
    queryFn: ({ signal }) =>
      api<IncomeStatementDto>(`${base(orgId)}/income-statement${queryString(query)}`, { signal }),
    placeholderData: keepPreviousData,
  });
}

export function balanceSheetQuery(orgId: string, query: { at?: string }) {
  return queryOptions({
    queryKey: [...ledgerKeys.reports(orgId), 'balance-sheet', query] as const,
    queryFn: ({ signal }) =>
      api<BalanceSheetDto>(`${base(orgId)}/balance-sheet${queryString(query)}`, { signal }),
    placeholderData: keepPreviousData,
  });
}

/** The reports the server exports, each at `…/<report>/export?format=` with its screen's filters. */
export type ExportableReport =
  | 'trial-balance'
  | 'general-ledger'
  | 'journal-listing'
  | 'aged-balance'
  | 'income-statement'
  | 'balance-sheet';

export type ExportRequest = {
  report: ExportableReport;
  query: Record<string, string | number | undefined | null>;
};

/** The server's PDF or XLSX of a report, under the French file name it gives. */
export function downloadReport(orgId: string, request: ExportRequest, format: ExportFormat) {
  return apiDownload(`${base(orgId)}/${request.report}/export${queryString({ ...request.query, format })}`);
}

export function letteringLinesQuery(
  orgId: string,
  query: { account: string; auxiliary?: string; state: 'open' | 'all' },
) {
  return queryOptions({
    queryKey: [...ledgerKeys.lettering(orgId), 'lines', query] as const,
    queryFn: ({ signal }) =>
      api<{ items: LetteringLineDto[] }>(`${base(orgId)}/lettering/lines${queryString(query)}`, { signal }),
    select: (data) => data.items,
    enabled: query.account.length >= 3,
  });
}

/** Parties that may get an auxiliary account (the server caps a page at 500). */
export function partiesForAccountsQuery(orgId: string) {
  return queryOptions({
    queryKey: ['orgs', orgId, 'parties', 'list', { forLedger: true }] as const,
    queryFn: ({ signal }) =>
      api<PartyPage>(
        `/api/v1/orgs/${id(orgId)}/parties${queryString({ limit: 500, sort: 'name', archived: 'exclude' })}`,
        { signal },
      ),
    select: (data) => data.items,
  });
}

// Writes.

export const createAccount = (orgId: string, input: AccountInput) =>
  api<AccountDto>(`${base(orgId)}/accounts`, { method: 'POST', body: input });

export const createAuxiliaryAccount = (orgId: string, input: AuxiliaryAccountInput) =>
  api<AccountDto>(`${base(orgId)}/accounts/auxiliary`, { method: 'POST', body: input });

export const createJournal = (orgId: string, input: JournalInput) =>
  api<JournalDto>(`${base(orgId)}/journals`, { method: 'POST', body: input });

export const openNextFiscalYear = (orgId: string) =>
  api<FiscalYearDto>(`${base(orgId)}/fiscal-years`, { method: 'POST', body: {} });

export const closeFiscalYear = (orgId: string, fiscalYearId: string) =>
  api<ClosingDto>(`${base(orgId)}/fiscal-years/${id(fiscalYearId)}/close`, { method: 'POST' });

export const createDraft = (orgId: string, input: EntryInput, idempotencyKey: string) =>
  api<EntryDto>(`${base(orgId)}/entries`, {
    method: 'POST',
    body: input,
    headers: { 'idempotency-key': idempotencyKey },
  });

export const updateDraft = (orgId: string, entryId: string, input: EntryInput) =>
  api<EntryDto>(`${base(orgId)}/entries/${id(entryId)}`, { method: 'PUT', body: input });

export const validateDraft = (orgId: string, entryId: string) =>
  api<EntryDto>(`${base(orgId)}/entries/${id(entryId)}/validate`, { method: 'POST' });

export const deleteDraft = (orgId: string, entryId: string) =>
  api<void>(`${base(orgId)}/entries/${id(entryId)}`, { method: 'DELETE' });

export const reverseEntry = (orgId: string, entryId: string, date: string) =>
  api<EntryDto>(`${base(orgId)}/entries/${id(entryId)}/reverse`, { method: 'POST', body: { date } });

export const letterLines = (orgId: string, input: LetteringInput) =>
  api<LetteringDto>(`${base(orgId)}/lettering`, { method: 'POST', body: input });

export const autoLetter = (orgId: string, input: { account: string; auxiliary?: string }) =>
  api<{ letterings: LetteringDto[] }>(`${base(orgId)}/lettering/auto`, { method: 'POST', body: input });

export const unletter = (orgId: string, letteringId: string) =>
  api<void>(`${base(orgId)}/lettering/${id(letteringId)}`, { method: 'DELETE' });

export const downloadFec = (orgId: string, fiscalYear: string) =>
  apiDownload(`${base(orgId)}/fec${queryString({ fiscalYear })}`);

/** Sends the file (telling how much has gone) and starts its import in the background (decision 0026). */
export const startFecImport = (orgId: string, file: Blob, onUpload: (sent: number, total: number) => void) =>
  api<{ id: string }>(`${base(orgId)}/fec/imports`, {
    method: 'POST',
    raw: { body: file, contentType: 'application/octet-stream' },
    onUpload,
  });

export const fecImportJob = (orgId: string, jobId: string) =>
  api<FecImportJobDto>(`${base(orgId)}/fec/imports/${id(jobId)}`);
