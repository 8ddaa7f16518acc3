import { isCalendarDate } from '../../../../../src/kernel/dates/index.ts';

/** The reports' state lives in the URL: a report can be bookmarked, shared and printed again. */
export type ReportSearch = {
  from?: string;
  to?: string;
  /** General ledger, lettering: a general account number. */
  account?: string;
  /** An auxiliary account code under `account`. */
  auxiliary?: string;
  journal?: string;
  kind?: 'receivables' | 'payables';
  asOf?: string;
  /** Trial balance: detail the collective accounts by auxiliary account. */
  detail?: boolean;
  page?: number;
};

const date = (value: unknown) => (typeof value === 'string' && isCalendarDate(value) ? value : undefined);
// The router reads `account=512` as the number 512: numbers count as their text.
const asText = (value: unknown) =>
  typeof value === 'string'
    ? value
    : typeof value === 'number' && Number.isFinite(value)
      ? String(value)
      : undefined;
const code = (value: unknown, pattern: RegExp) => {
  const text = asText(value);
  return text !== undefined && pattern.test(text) ? text : undefined;
};

export function parseReportSearch(search: Record<string, unknown>): ReportSearch {
  const page = Number(search.page);
  return {
    from: date(search.from),
    to: date(search.to),
    account: code(search.account, /^[0-9]{3,20}$/),
    auxiliary: code(search.auxiliary, /^[0-9A-Z][0-9A-Z_-]{0,39}$/),
    journal: code(search.journal, /^[0-9A-Z]{1,20}$/),
    kind: search.kind === 'payables' ? 'payables' : search.kind === 'receivables' ? 'receivables' : undefined,
    asOf: date(search.asOf),
    detail: search.detail === true || search.detail === 'true' ? true : undefined,
    page: Number.isInteger(page) && page > 1 ? page : undefined,
  };
}
