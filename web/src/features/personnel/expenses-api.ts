import { queryOptions } from '@tanstack/react-query';
import type { EmployeeList } from '../../../../src/personnel/employees/contract.ts';
import type {
  ExpenseReportDto,
  ExpenseReportList,
  MileageYearDto,
  TravelOrderDto,
  TravelOrderList,
} from '../../../../src/personnel/expenses/contract.ts';
import { api, apiDownload, queryString } from '../../api/client.ts';

// Staff travel: travel orders and expense reports (area 3, task 3.2.t2).

const org = (orgId: string) => `/api/v1/orgs/${encodeURIComponent(orgId)}`;
const order = (orgId: string, id: string) => `${org(orgId)}/travel-orders/${encodeURIComponent(id)}`;
const report = (orgId: string, id: string) => `${org(orgId)}/expense-reports/${encodeURIComponent(id)}`;

export const travelKeys = {
  orders: (orgId: string) => ['orgs', orgId, 'travel-orders'] as const,
  reports: (orgId: string) => ['orgs', orgId, 'expense-reports'] as const,
};

export function employeesQuery(orgId: string) {
  return queryOptions({
    queryKey: ['orgs', orgId, 'employees', 'list'],
    queryFn: ({ signal }) => api<EmployeeList>(`${org(orgId)}/employees`, { signal }),
  });
}

export function travelOrdersQuery(orgId: string) {
  return queryOptions({
    queryKey: [...travelKeys.orders(orgId), 'list'],
    queryFn: ({ signal }) => api<TravelOrderList>(`${org(orgId)}/travel-orders`, { signal }),
  });
}

export function expenseReportsQuery(orgId: string) {
  return queryOptions({
    queryKey: [...travelKeys.reports(orgId), 'list'],
    queryFn: ({ signal }) => api<ExpenseReportList>(`${org(orgId)}/expense-reports`, { signal }),
  });
}

export function expenseReportQuery(orgId: string, id: string) {
  return queryOptions({
    queryKey: [...travelKeys.reports(orgId), 'one', id],
    queryFn: ({ signal }) => api<ExpenseReportDto>(report(orgId, id), { signal }),
  });
}

/** The kilometres the employee's validated reports already count this year, per vehicle. */
export function mileageYearQuery(orgId: string, employeeId: string, year: string) {
  return queryOptions({
    queryKey: [...travelKeys.reports(orgId), 'mileage', employeeId, year],
    queryFn: ({ signal }) =>
      api<MileageYearDto>(`${org(orgId)}/expense-reports/mileage${queryString({ employeeId, year })}`, {
        signal,
      }),
    enabled: employeeId !== '' && /^\d{4}$/.test(year),
  });
}

export type TravelOrderBody = {
  employeeId: string;
  purpose: string;
  destination: string;
  departureDate: string;
  returnDate: string;
  transport: TravelOrderDto['transport'];
  fiscalPower: number | null;
  electric: boolean;
  estimatedCost: number;
  advance: number;
};
export type Payment = { date: string; method: 'transfer' | 'cheque' };

export const createTravelOrder = (orgId: string, body: TravelOrderBody) =>
  api<TravelOrderDto>(`${org(orgId)}/travel-orders`, { method: 'POST', body });
export const travelOrderAction = (orgId: string, id: string, action: 'approve' | 'complete' | 'cancel') =>
  api<TravelOrderDto>(`${order(orgId, id)}/${action}`, { method: 'POST' });
export const payAdvance = (orgId: string, id: string, body: Payment) =>
  api<TravelOrderDto>(`${order(orgId, id)}/advance`, { method: 'POST', body });

export const createExpenseReport = (orgId: string, body: unknown) =>
  api<ExpenseReportDto>(`${org(orgId)}/expense-reports`, { method: 'POST', body });
export const updateExpenseReport = (orgId: string, id: string, body: unknown) =>
  api<ExpenseReportDto>(report(orgId, id), { method: 'PUT', body });
export const validateExpenseReport = (orgId: string, id: string) =>
  api<ExpenseReportDto>(`${report(orgId, id)}/validate`, { method: 'POST' });
export const reimburseExpenseReport = (orgId: string, id: string, body: Payment) =>
  api<ExpenseReportDto>(`${report(orgId, id)}/reimburse`, { method: 'POST', body });
export const cancelExpenseReport = (orgId: string, id: string, date: string) =>
  api<ExpenseReportDto>(`${report(orgId, id)}/cancel`, { method: 'POST', body: { date } });
export const downloadExpenseReport = (orgId: string, id: string) => apiDownload(`${report(orgId, id)}/pdf`);
