import { queryOptions } from '@tanstack/react-query';
import type {
  BookingDto,
  BorrowerList,
  LoanDto,
  LoanList,
  ResourceCategory,
  ResourceDto,
  ResourceList,
  ResourceState,
} from '../../../../../src/production/workplace/resources/contract.ts';
import { api, apiDownload, queryString } from '../../../api/client.ts';

// Shared resources, their loans and bookings (area 2, 2.3.t3).

const org = (orgId: string) => `/api/v1/orgs/${encodeURIComponent(orgId)}`;

export const resourceKeys = { all: (orgId: string) => ['orgs', orgId, 'shared-resources'] as const };

export const resourcesQuery = (orgId: string, category?: ResourceCategory) =>
  queryOptions({
    queryKey: [...resourceKeys.all(orgId), 'list', category ?? null],
    queryFn: ({ signal }) =>
      api<ResourceList>(`${org(orgId)}/shared-resources${queryString({ category })}`, { signal }),
  });

export type LoanSearch = {
  resourceId?: string;
  state?: 'open' | 'overdue' | 'returned';
  from?: string;
  to?: string;
};

export const loansQuery = (orgId: string, search: LoanSearch) =>
  queryOptions({
    queryKey: [...resourceKeys.all(orgId), 'loans', search],
    queryFn: ({ signal }) => api<LoanList>(`${org(orgId)}/resource-loans${queryString(search)}`, { signal }),
  });

export const bookingsQuery = (orgId: string, from: string) =>
  queryOptions({
    queryKey: [...resourceKeys.all(orgId), 'bookings', from],
    queryFn: ({ signal }) =>
      api<{ items: BookingDto[] }>(`${org(orgId)}/resource-bookings${queryString({ from })}`, { signal }),
  });

export const borrowersQuery = (orgId: string) =>
  queryOptions({
    queryKey: [...resourceKeys.all(orgId), 'borrowers'],
    queryFn: ({ signal }) => api<BorrowerList>(`${org(orgId)}/resource-borrowers`, { signal }),
  });

export const downloadLoanRegister = (orgId: string, search: LoanSearch, format: 'pdf' | 'xlsx' | 'csv') =>
  apiDownload(`${org(orgId)}/resource-loans/export${queryString({ ...search, format })}`);

export type ResourceBody = {
  name: string;
  category: ResourceCategory;
  identifier: string | null;
  location: string | null;
  state: ResourceState;
  notes: string | null;
};
export const createResource = (orgId: string, body: ResourceBody) =>
  api<ResourceDto>(`${org(orgId)}/shared-resources`, { method: 'POST', body });

export const updateResource = (orgId: string, id: string, body: ResourceBody) =>
  api<ResourceDto>(`${org(orgId)}/shared-resources/${encodeURIComponent(id)}`, { method: 'PUT', body });

export type LoanBody = {
  resourceId: string;
  employeeId: string | null;
  borrowerName: string | null;
  outOn: string;
  dueOn: string;
  remarks: string | null;
};
export const lendResource = (orgId: string, body: LoanBody) =>
  api<LoanDto>(`${org(orgId)}/resource-loans`, { method: 'POST', body });
export const returnLoan = (
  orgId: string,
  id: string,
  body: { returnedOn: string; state: ResourceState; remarks: string | null },
) => api<LoanDto>(`${org(orgId)}/resource-loans/${encodeURIComponent(id)}/return`, { method: 'POST', body });

export type BookingBody = {
  resourceId: string;
  employeeId: string | null;
  borrowerName: string | null;
  from: string;
  to: string;
  purpose: string | null;
};
export const createBooking = (orgId: string, body: BookingBody) =>
  api<BookingDto>(`${org(orgId)}/resource-bookings`, { method: 'POST', body });
export const cancelBooking = (orgId: string, id: string) =>
  api<BookingDto>(`${org(orgId)}/resource-bookings/${encodeURIComponent(id)}/cancel`, { method: 'POST' });

export const STATE_COLORS: Record<ResourceState, string> = {
  good: 'teal',
  worn: 'grape',
  damaged: 'red',
  out_of_service: 'red',
};

/** Today in the browser, 'YYYY-MM-DD' (the server checks against the organisation's today). */
export function todayLocal(): string {
  const d = new Date();
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}
