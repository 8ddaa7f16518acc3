import { isCalendarDate } from '../../../../src/kernel/dates/index.ts';
import { complaintStatuses } from '../../../../src/relations/complaints/contract.ts';
import { requestChannels, requestStatuses } from '../../../../src/relations/requests/contract.ts';
import type { ComplaintSearch, RequestSearch } from './records-api.ts';

// The search params of the records screens, apart from the pages: route files import these eagerly, so
// keeping them here lets the pages (and the charts) load only when opened.

function oneOf<T extends string>(values: readonly T[], value: unknown): T | undefined {
  return typeof value === 'string' && (values as readonly string[]).includes(value)
    ? (value as T)
    : undefined;
}
const date = (value: unknown) => (typeof value === 'string' && isCalendarDate(value) ? value : undefined);

export function parseRequestSearch(search: Record<string, unknown>): RequestSearch {
  const page = Number(search.page);
  return {
    status: oneOf(requestStatuses, search.status),
    channel: oneOf(requestChannels, search.channel),
    page: Number.isInteger(page) && page > 1 ? page : undefined,
  };
}

export function parseComplaintSearch(search: Record<string, unknown>): ComplaintSearch {
  return { status: oneOf(complaintStatuses, search.status) };
}

export function parseDashboardSearch(search: Record<string, unknown>): { from?: string; to?: string } {
  return { from: date(search.from), to: date(search.to) };
}

export function parsePublicationSearch(search: Record<string, unknown>): { month?: string } {
  return typeof search.month === 'string' && /^\d{4}-(0[1-9]|1[0-2])$/.test(search.month)
    ? { month: search.month }
    : {};
}
