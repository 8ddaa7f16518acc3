import { queryOptions } from '@tanstack/react-query';
import type { OrganisationDto, OrganisationInput } from '../../../../src/kernel/organisations/contract.ts';
import type { Role } from '../../../../src/kernel/roles/permissions.ts';
import { api } from '../../api/client.ts';

const orgPath = (orgId: string) => `/api/v1/orgs/${encodeURIComponent(orgId)}`;

export type Member = { id: string; email: string; name: string; role: Role; since: string };
export type MemberInput = { email: string; name: string; role: Role; password?: string };

export const settingsKeys = {
  org: (orgId: string) => ['orgs', orgId, 'organisation'] as const,
  members: (orgId: string) => ['orgs', orgId, 'members'] as const,
};

export function organisationQuery(orgId: string) {
  return queryOptions({
    queryKey: settingsKeys.org(orgId),
    queryFn: ({ signal }) => api<OrganisationDto>(orgPath(orgId), { signal }),
  });
}

export function updateOrganisation(orgId: string, input: OrganisationInput) {
  return api<OrganisationDto>(orgPath(orgId), { method: 'PUT', body: input });
}

export function createOrganisation(input: OrganisationInput) {
  return api<OrganisationDto>('/api/v1/orgs', { method: 'POST', body: input });
}

export function membersQuery(orgId: string) {
  return queryOptions({
    queryKey: settingsKeys.members(orgId),
    queryFn: ({ signal }) => api<Member[]>(`${orgPath(orgId)}/members`, { signal }),
  });
}

export function addMember(orgId: string, input: MemberInput) {
  return api<Member>(`${orgPath(orgId)}/members`, { method: 'POST', body: input });
}

export function changeMemberRole(orgId: string, userId: string, role: Role) {
  return api<Member>(`${orgPath(orgId)}/members/${encodeURIComponent(userId)}`, {
    method: 'PUT',
    body: { role },
  });
}

export function removeMember(orgId: string, userId: string) {
  return api<void>(`${orgPath(orgId)}/members/${encodeURIComponent(userId)}`, { method: 'DELETE' });
}
