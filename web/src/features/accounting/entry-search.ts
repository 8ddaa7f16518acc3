import { isCalendarDate } from '../../../../src/kernel/dates/index.ts';
import type { EntryDto } from '../../../../src/ledger/entries/contract.ts';
import { entryStatuses } from '../../../../src/ledger/entries/contract.ts';

export type EntryStatus = (typeof entryStatuses)[number];

/** The entries list's state lives in the URL, like the parties list. */
export type EntrySearch = {
  journal?: string;
  status?: EntryStatus;
  from?: string;
  to?: string;
  q?: string;
  page?: number;
};

export const ENTRY_PAGE_SIZE = 50;
/** With a text search the list reads this many entries at once and filters them on screen. */
export const TEXT_SEARCH_WINDOW = 500;

const date = (value: unknown) => (typeof value === 'string' && isCalendarDate(value) ? value : undefined);

// The router reads `q=12` as the number 12: numbers count as their text.
const asText = (value: unknown) =>
  typeof value === 'string'
    ? value
    : typeof value === 'number' && Number.isFinite(value)
      ? String(value)
      : undefined;

export function parseEntrySearch(search: Record<string, unknown>): EntrySearch {
  const page = Number(search.page);
  const journalText = asText(search.journal);
  const journal =
    journalText && /^[0-9A-Za-z]{1,20}$/.test(journalText) ? journalText.toUpperCase() : undefined;
  const q = asText(search.q);
  return {
    journal,
    status: entryStatuses.find((s) => s === search.status),
    from: date(search.from),
    to: date(search.to),
    q: q?.trim() ? q.slice(0, 100) : undefined,
    page: Number.isInteger(page) && page > 1 ? page : undefined,
  };
}

const fold = (text: string) =>
  text
    .normalize('NFD')
    .replace(/\p{Diacritic}/gu, '')
    .toLowerCase();

/**
 * The text search (the API has no text filter yet): the entry's number, label, voucher reference,
 * journal, and its lines' accounts and labels.
 */
export function matchesText(entry: EntryDto, q: string): boolean {
  const needle = fold(q.trim());
  if (!needle) return true;
  const haystack = [
    entry.number === null ? '' : String(entry.number),
    entry.label,
    entry.voucherRef ?? '',
    entry.journal,
    ...entry.lines.flatMap((l) => [l.account, l.auxiliary ?? '', l.label ?? '', l.accountLabel]),
  ];
  return haystack.some((text) => fold(text).includes(needle));
}
