import { queryOptions } from '@tanstack/react-query';
import type { EmployeeList } from '../../../../../src/personnel/employees/contract.ts';
import type {
  LeaveBalanceDto,
  LeaveBalanceList,
  LeaveRequestDto,
  LeaveRequestList,
  LeaveStatus,
  LeaveType,
  PlanningDto,
} from '../../../../../src/personnel/leave/contract.ts';
import { api, queryString } from '../../../api/client.ts';

// Leave and absences (area 3, 3.2.t1): requests, balances, planning.

const org = (orgId: string) => `/api/v1/orgs/${encodeURIComponent(orgId)}`;
const request = (orgId: string, id: string) => `${org(orgId)}/leave-requests/${encodeURIComponent(id)}`;

export const leaveKeys = { all: (orgId: string) => ['orgs', orgId, 'leave'] as const };

export type LeaveSearch = {
  employeeId?: string;
  status?: LeaveStatus;
  type?: LeaveType;
  from?: string;
  to?: string;
};

export function leaveListQuery(orgId: string, search: LeaveSearch) {
  return queryOptions({
    queryKey: [...leaveKeys.all(orgId), 'list', search],
    queryFn: ({ signal }) =>
      api<LeaveRequestList>(`${org(orgId)}/leave-requests${queryString(search)}`, { signal }),
  });
}

export const leaveExportHref = (orgId: string, search: LeaveSearch, format: 'csv' | 'xlsx') =>
  `${org(orgId)}/leave-requests/export${queryString({ ...search, format })}`;

export function employeesQuery(orgId: string) {
  return queryOptions({
    queryKey: ['orgs', orgId, 'employees', 'list'],
    queryFn: ({ signal }) => api<EmployeeList>(`${org(orgId)}/employees`, { signal }),
  });
}

export function balancesQuery(orgId: string, asOf: string) {
  return queryOptions({
    queryKey: [...leaveKeys.all(orgId), 'balances', asOf],
    queryFn: ({ signal }) =>
      api<LeaveBalanceList>(`${org(orgId)}/leave-balances${queryString({ asOf })}`, { signal }),
  });
}

export function planningQuery(orgId: string, month: string) {
  return queryOptions({
    queryKey: [...leaveKeys.all(orgId), 'planning', month],
    queryFn: ({ signal }) =>
      api<PlanningDto>(`${org(orgId)}/leave-planning${queryString({ month })}`, { signal }),
  });
}

export type LeaveBody = {
  employeeId: string;
  type: LeaveType;
  from: string;
  to: string;
  startsAfternoon: boolean;
  endsMorning: boolean;
  comment: string | null;
};

export const createLeave = (orgId: string, body: LeaveBody) =>
  api<LeaveRequestDto>(`${org(orgId)}/leave-requests`, { method: 'POST', body });
export const approveLeave = (orgId: string, id: string) =>
  api<LeaveRequestDto>(`${request(orgId, id)}/approve`, { method: 'POST', body: {} });
export const refuseLeave = (orgId: string, id: string, reason: string) =>
  api<LeaveRequestDto>(`${request(orgId, id)}/refuse`, { method: 'POST', body: { reason } });
export const cancelLeave = (orgId: string, id: string) =>
  api<LeaveRequestDto>(`${request(orgId, id)}/cancel`, { method: 'POST', body: {} });

/** « 5,5 » from 11 half-days. */
export const halfDaysFr = (halfDays: number) => `${Math.floor(halfDays / 2)}${halfDays % 2 ? ',5' : ''}`;

/** « 12,41 » from 1241 hundredths of a day. */
export const hundredthsFr = (value: number) => {
  const sign = value < 0 ? '−' : '';
  const abs = Math.abs(value);
  const cents = abs % 100;
  return `${sign}${Math.floor(abs / 100)}${cents ? `,${String(cents).padStart(2, '0').replace(/0$/, '')}` : ''}`;
};

export const LEAVE_COLORS: Record<LeaveType, string> = {
  paid_leave: 'teal',
  unpaid_leave: 'orange',
  sick_leave: 'red',
  family_event: 'grape',
  training: 'blue',
  other: 'gray',
};
export const STATUS_COLORS: Record<LeaveStatus, string> = {
  requested: 'blue',
  approved: 'teal',
  refused: 'red',
  cancelled: 'gray',
};

export function employeeBalanceQuery(orgId: string, employeeId: string, asOf: string) {
  return queryOptions({
    queryKey: [...leaveKeys.all(orgId), 'balance', employeeId, asOf],
    queryFn: ({ signal }) =>
      api<LeaveBalanceDto>(
        `${org(orgId)}/employees/${encodeURIComponent(employeeId)}/leave-balance${queryString({ asOf })}`,
        { signal },
      ),
    enabled: Boolean(employeeId && asOf),
  });
}
