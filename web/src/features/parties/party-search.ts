import { partyKinds, partyRoles } from '../../../../src/kernel/parties/contract.ts';

export type PartyRole = (typeof partyRoles)[number];
export type PartyKind = (typeof partyKinds)[number];
export const ARCHIVED_FILTERS = ['exclude', 'include', 'only'] as const;
export type ArchivedFilter = (typeof ARCHIVED_FILTERS)[number];
export const PARTY_SORTS = ['name', '-name', 'createdAt', '-createdAt'] as const;
export type PartySort = (typeof PARTY_SORTS)[number];

/** The list's state lives in the URL: a filtered list can be bookmarked, shared and reached with Back. */
export type PartySearch = {
  q?: string;
  role?: PartyRole;
  kind?: PartyKind;
  archived?: ArchivedFilter;
  sort?: PartySort;
  page?: number;
};

export const PAGE_SIZE = 25;

function oneOf<T extends string>(values: readonly T[], value: unknown): T | undefined {
  return typeof value === 'string' && (values as readonly string[]).includes(value)
    ? (value as T)
    : undefined;
}

export function parsePartySearch(search: Record<string, unknown>): PartySearch {
  const q = typeof search.q === 'string' && search.q.trim() ? search.q.slice(0, 200) : undefined;
  const page = Number(search.page);
  return {
    q,
    role: oneOf(partyRoles, search.role),
    kind: oneOf(partyKinds, search.kind),
    archived: oneOf(ARCHIVED_FILTERS, search.archived),
    sort: oneOf(PARTY_SORTS, search.sort),
    page: Number.isInteger(page) && page > 1 ? page : undefined,
  };
}

/** The API's filters for a list state (also used, without paging, by the export links). */
export function partyFilters(search: PartySearch) {
  return {
    q: search.q,
    role: search.role,
    kind: search.kind,
    archived: search.archived ?? 'exclude',
    sort: search.sort ?? 'name',
  };
}
