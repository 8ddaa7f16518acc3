import { keepPreviousData, queryOptions } from '@tanstack/react-query';
import type { CampaignDto } from '../../../../../src/relations/prospecting/contract.ts';
import type { SalesDocumentDto } from '../../../../../src/relations/sales/contract.ts';
import { api, apiDownload, queryString } from '../../../api/client.ts';

const org = (orgId: string) => `/api/v1/orgs/${encodeURIComponent(orgId)}`;
const one = (orgId: string, id: string) => `${org(orgId)}/campaigns/${encodeURIComponent(id)}`;
const target = (orgId: string, id: string, partyId: string) =>
  `${one(orgId, id)}/targets/${encodeURIComponent(partyId)}`;

export const campaignKeys = {
  all: (orgId: string) => ['orgs', orgId, 'campaigns'] as const,
  one: (orgId: string, id: string) => ['orgs', orgId, 'campaigns', 'one', id] as const,
};

export type CampaignSummary = Omit<CampaignDto, 'targets' | 'outcomes' | 'converted' | 'quoted'>;
export type Outcome = NonNullable<CampaignDto['targets'][number]['outcome']>;
export type ActionKind = CampaignDto['targets'][number]['actions'][number]['kind'];
export const OUTCOMES: Outcome[] = ['interested', 'not_interested', 'call_back', 'quote_requested'];
export const ACTION_KINDS: ActionKind[] = ['call', 'mail', 'visit', 'email'];

export type CampaignBody = {
  name: string;
  description: string | null;
  status: 'active' | 'closed';
  letterSubject: string | null;
  letterText: string | null;
};

export function campaignListQuery(orgId: string, page: number, limit = 25) {
  return queryOptions({
    queryKey: [...campaignKeys.all(orgId), 'list', page],
    queryFn: ({ signal }) =>
      api<{ items: CampaignSummary[]; total: number }>(
        `${org(orgId)}/campaigns${queryString({ limit, offset: (page - 1) * limit })}`,
        { signal },
      ),
    placeholderData: keepPreviousData,
  });
}

export function campaignQuery(orgId: string, id: string) {
  return queryOptions({
    queryKey: campaignKeys.one(orgId, id),
    queryFn: ({ signal }) => api<CampaignDto>(one(orgId, id), { signal }),
  });
}

export function createCampaign(orgId: string, body: CampaignBody, idempotencyKey: string) {
  return api<CampaignDto>(`${org(orgId)}/campaigns`, {
    method: 'POST',
    body,
    headers: { 'idempotency-key': idempotencyKey },
  });
}

export function updateCampaign(orgId: string, id: string, body: CampaignBody) {
  return api<CampaignDto>(one(orgId, id), { method: 'PUT', body });
}

export type TargetFilterBody = { roles: string[]; city?: string; postalCodePrefix?: string; q?: string };

export function addTargets(orgId: string, id: string, body: TargetFilterBody) {
  return api<{ added: number; campaign: CampaignDto }>(`${one(orgId, id)}/targets`, { method: 'POST', body });
}

export function removeTarget(orgId: string, id: string, partyId: string) {
  return api<CampaignDto>(target(orgId, id, partyId), { method: 'DELETE' });
}

export type ActionBody = { kind: ActionKind; date: string; outcome: Outcome | null; notes: string | null };

export function recordAction(orgId: string, id: string, partyId: string, body: ActionBody) {
  return api<CampaignDto>(`${target(orgId, id, partyId)}/actions`, { method: 'POST', body });
}

export function convertTarget(orgId: string, id: string, partyId: string) {
  return api<CampaignDto>(`${target(orgId, id, partyId)}/convert`, { method: 'POST' });
}

/** « Établir un devis »: the quote drafted for the target, linked to it (body: the quote without its party). */
export function quoteForTarget(
  orgId: string,
  id: string,
  partyId: string,
  body: Record<string, unknown>,
  idempotencyKey: string,
) {
  const { partyId: _party, ...quote } = body;
  return api<{ quote: SalesDocumentDto; campaign: CampaignDto }>(`${target(orgId, id, partyId)}/quote`, {
    method: 'POST',
    body: quote,
    headers: { 'idempotency-key': idempotencyKey },
  });
}

export function downloadLetters(orgId: string, id: string) {
  return apiDownload(`${one(orgId, id)}/letters`);
}

export function sendMailing(orgId: string, id: string, attachLetter: boolean) {
  return api<{ queued: number; withoutEmail: string[] }>(`${one(orgId, id)}/mailing`, {
    method: 'POST',
    body: { attachLetter },
  });
}
