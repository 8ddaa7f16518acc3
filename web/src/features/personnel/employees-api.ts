import { queryOptions } from '@tanstack/react-query';
import type {
  EmployeeDto,
  EmployeeInput,
  EmployeeList,
  EmployeeStatus,
  PersonnelRegister,
} from '../../../../src/personnel/employees/contract.ts';
import { api, apiDownload, queryString } from '../../api/client.ts';

// The personnel file and the registre unique du personnel (area 3, tasks 3.1.t1 and 3.1.t2).

const org = (orgId: string) => `/api/v1/orgs/${encodeURIComponent(orgId)}`;
const employee = (orgId: string, employeeId: string) =>
  `${org(orgId)}/employees/${encodeURIComponent(employeeId)}`;

export const employeeKeys = {
  all: (orgId: string) => ['orgs', orgId, 'employees'] as const,
};

export type EmployeeSearch = { q?: string; status?: EmployeeStatus };

export function employeeListQuery(orgId: string, search: EmployeeSearch) {
  return queryOptions({
    queryKey: [...employeeKeys.all(orgId), 'list', search.q ?? '', search.status ?? 'all'],
    queryFn: ({ signal }) =>
      api<EmployeeList>(`${org(orgId)}/employees${queryString({ q: search.q, status: search.status })}`, {
        signal,
      }),
  });
}

export function employeeQuery(orgId: string, employeeId: string) {
  return queryOptions({
    queryKey: [...employeeKeys.all(orgId), 'one', employeeId],
    queryFn: ({ signal }) => api<EmployeeDto>(employee(orgId, employeeId), { signal }),
  });
}

export function registerQuery(orgId: string, presentOn: string | undefined) {
  return queryOptions({
    queryKey: [...employeeKeys.all(orgId), 'register', presentOn ?? 'all'],
    queryFn: ({ signal }) =>
      api<PersonnelRegister>(`${org(orgId)}/personnel-register${queryString({ presentOn })}`, { signal }),
  });
}

/** The key stays the same while one form is on screen: a double submit enters one register line. */
export const createEmployee = (orgId: string, body: EmployeeInput, idempotencyKey: string) =>
  api<EmployeeDto>(`${org(orgId)}/employees`, {
    method: 'POST',
    body,
    headers: { 'idempotency-key': idempotencyKey },
  });

export const updateEmployee = (orgId: string, employeeId: string, body: EmployeeInput) =>
  api<EmployeeDto>(employee(orgId, employeeId), { method: 'PUT', body });

export const recordDeparture = (
  orgId: string,
  employeeId: string,
  body: { leftOn: string; reason: string },
) => api<EmployeeDto>(`${employee(orgId, employeeId)}/departure`, { method: 'POST', body });

export const cancelDeparture = (orgId: string, employeeId: string) =>
  api<EmployeeDto>(`${employee(orgId, employeeId)}/departure`, { method: 'DELETE' });

export const downloadRegister = (orgId: string, format: 'pdf' | 'csv', presentOn: string | undefined) =>
  apiDownload(`${org(orgId)}/personnel-register/export${queryString({ format, presentOn })}`);
