import { queryOptions } from '@tanstack/react-query';
import type { PartyPage } from '../../../../../src/kernel/parties/contract.ts';
import type {
  ContractDto,
  ContractKind,
  ContractList,
  ContractStatus,
  CostsDto,
  NoticeUnit,
  Periodicity,
  ScheduleDto,
} from '../../../../../src/production/workplace/contracts/contract.ts';
import { api, apiDownload, queryString } from '../../../api/client.ts';

// The contracts register of the workplace (area 2, 2.3.t1): contracts, échéancier, costs, letters.

const org = (orgId: string) => `/api/v1/orgs/${encodeURIComponent(orgId)}`;
const contract = (orgId: string, id: string) => `${org(orgId)}/workplace-contracts/${encodeURIComponent(id)}`;

export const contractKeys = { all: (orgId: string) => ['orgs', orgId, 'workplace-contracts'] as const };

export type ContractSearch = { kind?: ContractKind; status?: ContractStatus };

export const contractListQuery = (orgId: string, search: ContractSearch) =>
  queryOptions({
    queryKey: [...contractKeys.all(orgId), 'list', search],
    queryFn: ({ signal }) =>
      api<ContractList>(`${org(orgId)}/workplace-contracts${queryString(search)}`, { signal }),
  });

export const scheduleQuery = (orgId: string, days: number) =>
  queryOptions({
    queryKey: [...contractKeys.all(orgId), 'schedule', days],
    queryFn: ({ signal }) =>
      api<ScheduleDto>(`${org(orgId)}/workplace-contract-deadlines${queryString({ days })}`, { signal }),
  });

export const costsQuery = (orgId: string, year: number) =>
  queryOptions({
    queryKey: [...contractKeys.all(orgId), 'costs', year],
    queryFn: ({ signal }) =>
      api<CostsDto>(`${org(orgId)}/workplace-contract-costs${queryString({ year })}`, { signal }),
  });

/** The parties a contract may be signed with: suppliers, providers, subcontractors. */
export const providersQuery = (orgId: string) =>
  queryOptions({
    queryKey: ['orgs', orgId, 'parties', 'providers'],
    queryFn: async ({ signal }) => {
      const page = await api<PartyPage>(`${org(orgId)}/parties${queryString({ limit: 500 })}`, { signal });
      return page.items.filter((p) =>
        p.roles.some((r) => r === 'supplier' || r === 'provider' || r === 'subcontractor'),
      );
    },
  });

export type ContractBody = {
  providerId: string;
  kind: ContractKind;
  object: string;
  reference: string | null;
  startDate: string;
  durationMonths: number;
  tacitRenewal: boolean;
  renewalMonths: number | null;
  noticeValue: number;
  noticeUnit: NoticeUnit;
  consumerProtection: boolean;
  alertDays: number;
  amount: number;
  periodicity: Periodicity;
  vatRate: number;
  seats: number | null;
  covered: string | null;
  notes: string | null;
};

export const createContract = (orgId: string, body: ContractBody) =>
  api<ContractDto>(`${org(orgId)}/workplace-contracts`, { method: 'POST', body });
export const updateContract = (orgId: string, id: string, body: ContractBody) =>
  api<ContractDto>(contract(orgId, id), { method: 'PUT', body });
export const terminateContract = (
  orgId: string,
  id: string,
  body: { sentOn: string; reason: string; providerDidNotInform: boolean },
) => api<ContractDto>(`${contract(orgId, id)}/terminate`, { method: 'POST', body });
export const downloadTerminationLetter = (orgId: string, id: string) =>
  apiDownload(`${contract(orgId, id)}/termination-letter`);

export const CONTRACT_STATUS_COLORS: Record<ContractStatus, string> = {
  active: 'teal',
  to_terminate_soon: 'red',
  to_renew: 'grape',
  terminated: 'gray',
  expired: 'gray',
};
