import { queryOptions } from '@tanstack/react-query';
import type { CashPlanDto, ForecastDto } from '../../../../src/production/treasury/cash-plan/contract.ts';
import type {
  AutoMatchResult,
  BankLineDto,
  ImportReport,
  LedgerSideLine,
  ReconciliationDto,
  StatementDto,
  StatementList,
  WorkspaceDto,
} from '../../../../src/production/treasury/contract.ts';
import { api, apiDownload, queryString } from '../../api/client.ts';

// Bank statements and reconciliation (area 2, task 2.2.t2 « Suivi de la trésorerie »).

export type {
  BankLineDto,
  CashPlanDto,
  ForecastDto,
  ImportReport,
  LedgerSideLine,
  ReconciliationDto,
  StatementDto,
  WorkspaceDto,
};

const org = (orgId: string) => `/api/v1/orgs/${encodeURIComponent(orgId)}`;

export const treasuryKeys = {
  all: (orgId: string) => ['orgs', orgId, 'treasury'] as const,
};

export function statementListQuery(orgId: string) {
  return queryOptions({
    queryKey: [...treasuryKeys.all(orgId), 'statements'],
    queryFn: ({ signal }) => api<StatementList>(`${org(orgId)}/bank-statements`, { signal }),
  });
}

export function statementQuery(orgId: string, statementId: string) {
  return queryOptions({
    queryKey: [...treasuryKeys.all(orgId), 'statement', statementId],
    queryFn: ({ signal }) =>
      api<StatementDto>(`${org(orgId)}/bank-statements/${encodeURIComponent(statementId)}`, { signal }),
  });
}

export function workspaceQuery(orgId: string) {
  return queryOptions({
    queryKey: [...treasuryKeys.all(orgId), 'workspace'],
    queryFn: ({ signal }) => api<WorkspaceDto>(`${org(orgId)}/bank-reconciliation`, { signal }),
  });
}

export function reconciliationQuery(orgId: string, date: string | undefined) {
  return queryOptions({
    queryKey: [...treasuryKeys.all(orgId), 'report', date ?? 'last'],
    queryFn: ({ signal }) =>
      api<ReconciliationDto>(`${org(orgId)}/bank-reconciliation/report${queryString({ date })}`, { signal }),
  });
}

/** The file as the bank gave it; `ledgerAccount` when the file is of a second bank account. */
export const importStatement = (orgId: string, file: File, ledgerAccount?: string) =>
  api<ImportReport>(
    `${org(orgId)}/bank-statements/import${queryString({ fileName: file.name, ledgerAccount: ledgerAccount || undefined })}`,
    { method: 'POST', raw: { body: file, contentType: 'application/octet-stream' } },
  );

export const autoMatch = (orgId: string) =>
  api<AutoMatchResult>(`${org(orgId)}/bank-reconciliation/auto`, { method: 'POST', body: {} });

export const matchLines = (orgId: string, bankLineId: string, ledgerLineIds: string[]) =>
  api<BankLineDto>(`${org(orgId)}/bank-reconciliation/matches`, {
    method: 'POST',
    body: { bankLineId, ledgerLineIds },
  });

export const unmatchLine = (orgId: string, bankLineId: string) =>
  api<BankLineDto>(`${org(orgId)}/bank-reconciliation/lines/${encodeURIComponent(bankLineId)}/match`, {
    method: 'DELETE',
  });

export type PostLineBody = { account: string; partyId: string | null; vatRate: number; label: string | null };

export const postLine = (orgId: string, bankLineId: string, body: PostLineBody) =>
  api<{ line: BankLineDto; entryId: string; entryNumber: number | null }>(
    `${org(orgId)}/bank-reconciliation/lines/${encodeURIComponent(bankLineId)}/post`,
    { method: 'POST', body },
  );

export const downloadReconciliation = (orgId: string, date: string, format: 'pdf' | 'xlsx' | 'csv') =>
  apiDownload(`${org(orgId)}/bank-reconciliation/report/export${queryString({ date, format })}`);

/** The counter-accounts « Comptabiliser » offers (decision 0040); the user may type another. */
export const COUNTER_ACCOUNTS = ['627', '661', '768', '401', '411', '6616', '658', '758'] as const;
export const PARTY_ACCOUNTS = /^(401|411)/;

/** Sum of the selected ledger lines, to compare with the selected bank line before matching. */
export function selectedTotal(lines: readonly LedgerSideLine[], ids: ReadonlySet<string>): number {
  return lines.reduce((total, l) => (ids.has(l.id) ? total + l.amount : total), 0);
}

export function parseReportSearch(search: Record<string, unknown>): { date?: string } {
  const date = search.date;
  return typeof date === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(date) ? { date } : {};
}

type PartyItem = { id: string; name: string };

/** The suppliers (for 401) or the customers (for 411) a bank line may be posted to. */
export function partiesForAccountQuery(orgId: string, role: 'supplier' | 'customer') {
  return queryOptions({
    queryKey: ['orgs', orgId, 'parties', 'list', `treasury-${role}`],
    queryFn: ({ signal }) =>
      api<{ items: PartyItem[]; total: number }>(
        `${org(orgId)}/parties${queryString({ role, archived: 'exclude', sort: 'name', limit: 500 })}`,
        { signal },
      ),
  });
}

// The cash plan (plan de trésorerie, decision 0047).

export function cashPlanQuery(orgId: string, asOf: string | undefined, months: number) {
  return queryOptions({
    queryKey: [...treasuryKeys.all(orgId), 'cash-plan', asOf ?? 'today', months],
    queryFn: ({ signal }) =>
      api<CashPlanDto>(`${org(orgId)}/cash-plan${queryString({ asOf, months: String(months) })}`, { signal }),
  });
}

export type ForecastBody = {
  label: string;
  direction: 'in' | 'out';
  amount: number;
  firstMonth: string;
  occurrences: number;
};

export const addForecast = (orgId: string, body: ForecastBody) =>
  api<ForecastDto>(`${org(orgId)}/cash-plan/forecasts`, { method: 'POST', body });

export const removeForecast = (orgId: string, forecastId: string) =>
  api<void>(`${org(orgId)}/cash-plan/forecasts/${encodeURIComponent(forecastId)}`, { method: 'DELETE' });

export const downloadCashPlan = (
  orgId: string,
  asOf: string,
  months: number,
  format: 'pdf' | 'xlsx' | 'csv',
) => apiDownload(`${org(orgId)}/cash-plan/export${queryString({ asOf, months: String(months), format })}`);

export function parseCashPlanSearch(search: Record<string, unknown>): { asOf?: string; months?: number } {
  const asOf =
    typeof search.asOf === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(search.asOf) ? search.asOf : undefined;
  const months = Number(search.months);
  return {
    ...(asOf ? { asOf } : {}),
    ...(Number.isInteger(months) && months >= 1 && months <= 24 ? { months } : {}),
  };
}
