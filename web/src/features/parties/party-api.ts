import { keepPreviousData, queryOptions } from '@tanstack/react-query';
import type { PartyDto, PartyInput, PartyPage } from '../../../../src/kernel/parties/contract.ts';
import { api, queryString } from '../../api/client.ts';
import { PAGE_SIZE, type PartySearch, partyFilters } from './party-search.ts';

const base = (orgId: string) => `/api/v1/orgs/${encodeURIComponent(orgId)}/parties`;

export const partyKeys = {
  all: (orgId: string) => ['orgs', orgId, 'parties'] as const,
  list: (orgId: string, search: PartySearch) => [...partyKeys.all(orgId), 'list', search] as const,
  one: (orgId: string, partyId: string) => [...partyKeys.all(orgId), 'one', partyId] as const,
};

export function partyListQuery(orgId: string, search: PartySearch) {
  const page = search.page ?? 1;
  return queryOptions({
    queryKey: partyKeys.list(orgId, search),
    queryFn: ({ signal }) =>
      api<PartyPage>(
        `${base(orgId)}${queryString({ ...partyFilters(search), limit: PAGE_SIZE, offset: (page - 1) * PAGE_SIZE })}`,
        { signal },
      ),
    placeholderData: keepPreviousData,
  });
}

export function partyQuery(orgId: string, partyId: string) {
  return queryOptions({
    queryKey: partyKeys.one(orgId, partyId),
    queryFn: ({ signal }) => api<PartyDto>(`${base(orgId)}/${encodeURIComponent(partyId)}`, { signal }),
  });
}

export function exportHref(orgId: string, search: PartySearch, format: 'csv' | 'xlsx'): string {
  return `${base(orgId)}/export${queryString({ format, ...partyFilters(search) })}`;
}

export function createParty(orgId: string, input: PartyInput, idempotencyKey: string) {
  return api<PartyDto>(base(orgId), {
    method: 'POST',
    body: input,
    headers: { 'idempotency-key': idempotencyKey },
  });
}

export function updateParty(orgId: string, partyId: string, input: PartyInput) {
  return api<PartyDto>(`${base(orgId)}/${encodeURIComponent(partyId)}`, { method: 'PUT', body: input });
}

export function setArchived(orgId: string, partyId: string, archived: boolean) {
  return api<PartyDto>(`${base(orgId)}/${encodeURIComponent(partyId)}/${archived ? 'archive' : 'restore'}`, {
    method: 'POST',
  });
}

/** A key that stays the same while one form is on screen, so a double submit creates one party. */
export function newIdempotencyKey(): string {
  if (typeof crypto.randomUUID === 'function') return crypto.randomUUID();
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}
