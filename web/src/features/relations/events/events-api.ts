import { keepPreviousData, queryOptions } from '@tanstack/react-query';
import type { PartyPage } from '../../../../../src/kernel/parties/contract.ts';
import type { EventDto, EventPage } from '../../../../../src/relations/events/contract.ts';
import { api, apiDownload, queryString } from '../../../api/client.ts';

const org = (orgId: string) => `/api/v1/orgs/${encodeURIComponent(orgId)}`;
const one = (orgId: string, eventId: string) => `${org(orgId)}/events/${encodeURIComponent(eventId)}`;

export const eventKeys = {
  all: (orgId: string) => ['orgs', orgId, 'events'] as const,
  one: (orgId: string, eventId: string) => ['orgs', orgId, 'events', 'one', eventId] as const,
};

export type EventKind = EventDto['kind'];
export type GuestStatus = EventDto['guests'][number]['status'];
export const EVENT_KINDS: EventKind[] = ['trade_show', 'open_day', 'general_assembly', 'meeting', 'other'];
export const GUEST_STATUSES: GuestStatus[] = ['invited', 'registered', 'attended', 'absent', 'cancelled'];

export type EventBody = {
  kind: EventKind;
  title: string;
  date: string;
  startTime: string | null;
  endTime: string | null;
  place: string | null;
  capacity: number | null;
  description: string | null;
  costs: { label: string; amount: number }[];
};

export function eventListQuery(orgId: string, page: number, limit = 25) {
  return queryOptions({
    queryKey: [...eventKeys.all(orgId), 'list', page],
    queryFn: ({ signal }) =>
      api<EventPage>(`${org(orgId)}/events${queryString({ limit, offset: (page - 1) * limit })}`, { signal }),
    placeholderData: keepPreviousData,
  });
}

export function eventQuery(orgId: string, eventId: string) {
  return queryOptions({
    queryKey: eventKeys.one(orgId, eventId),
    queryFn: ({ signal }) => api<EventDto>(one(orgId, eventId), { signal }),
  });
}

/** Every active party, for the guest and target pickers (the pickers filter as one types). */
export function partyOptionsQuery(orgId: string) {
  return queryOptions({
    queryKey: ['orgs', orgId, 'parties', 'options'],
    queryFn: ({ signal }) => api<PartyPage>(`${org(orgId)}/parties?limit=500`, { signal }),
  });
}

export function createEvent(orgId: string, body: EventBody, idempotencyKey: string) {
  return api<EventDto>(`${org(orgId)}/events`, {
    method: 'POST',
    body,
    headers: { 'idempotency-key': idempotencyKey },
  });
}

export function updateEvent(orgId: string, eventId: string, body: EventBody) {
  return api<EventDto>(one(orgId, eventId), { method: 'PUT', body });
}

export function addGuests(orgId: string, eventId: string, partyIds: string[]) {
  return api<EventDto>(`${one(orgId, eventId)}/guests`, { method: 'POST', body: { partyIds } });
}

export function setGuestStatus(orgId: string, eventId: string, partyId: string, status: GuestStatus) {
  return api<EventDto>(`${one(orgId, eventId)}/guests/${encodeURIComponent(partyId)}`, {
    method: 'PUT',
    body: { status },
  });
}

export function removeGuest(orgId: string, eventId: string, partyId: string) {
  return api<EventDto>(`${one(orgId, eventId)}/guests/${encodeURIComponent(partyId)}`, { method: 'DELETE' });
}

export function inviteGuests(orgId: string, eventId: string, body: { subject: string; text: string }) {
  return api<{ queued: number; withoutEmail: string[] }>(`${one(orgId, eventId)}/invitations`, {
    method: 'POST',
    body,
  });
}

export function downloadAttendanceSheet(orgId: string, eventId: string) {
  return apiDownload(`${one(orgId, eventId)}/attendance-sheet`);
}

/** "120,50" → 12050 cents; null when it is not an amount with at most two decimals. */
export function eurosToCents(text: string): number | null {
  const cleaned = text.replace(/[\s\u00A0\u202F€]/g, '').replace(',', '.');
  if (!/^\d+(\.\d{1,2})?$/.test(cleaned)) return null;
  const [units, decimals = ''] = cleaned.split('.');
  return Number(units) * 100 + Number(decimals.padEnd(2, '0'));
}

export function centsToEuros(cents: number): string {
  return `${Math.floor(cents / 100)},${String(cents % 100).padStart(2, '0')}`;
}
