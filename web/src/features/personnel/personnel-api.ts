import { keepPreviousData, queryOptions } from '@tanstack/react-query';
import type { SocialDashboardDto } from '../../../../src/personnel/dashboard/contract.ts';
import { api, queryString } from '../../api/client.ts';

const org = (orgId: string) => `/api/v1/orgs/${encodeURIComponent(orgId)}`;

export function socialDashboardQuery(orgId: string, asOf: string | undefined) {
  return queryOptions({
    queryKey: ['orgs', orgId, 'social-dashboard', asOf ?? null],
    queryFn: ({ signal }) =>
      api<SocialDashboardDto>(`${org(orgId)}/social-dashboard${queryString({ asOf })}`, { signal }),
    placeholderData: keepPreviousData,
  });
}
