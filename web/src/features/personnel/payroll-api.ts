import { queryOptions } from '@tanstack/react-query';
import type {
  PayItemsInput,
  PayRunDto,
  PayRunInput,
  PayRunList,
  PayslipDto,
  PayslipLineDto,
} from '../../../../src/personnel/payroll/contract.ts';
import { api, apiDownload } from '../../api/client.ts';

// Payroll: the pay run of a month, its payslips, their pay items, validation, payment, PDF (task 3.2.t3).

export type { PayItemsInput, PayRunDto, PayRunInput, PayRunList, PayslipDto, PayslipLineDto };

const org = (orgId: string) => `/api/v1/orgs/${encodeURIComponent(orgId)}`;
const run = (orgId: string, payRunId: string) => `${org(orgId)}/pay-runs/${encodeURIComponent(payRunId)}`;

export const payrollKeys = {
  all: (orgId: string) => ['orgs', orgId, 'pay-runs'] as const,
  list: (orgId: string) => [...payrollKeys.all(orgId), 'list'] as const,
  one: (orgId: string, payRunId: string) => [...payrollKeys.all(orgId), 'one', payRunId] as const,
};

export function payRunListQuery(orgId: string) {
  return queryOptions({
    queryKey: payrollKeys.list(orgId),
    queryFn: ({ signal }) => api<PayRunList>(`${org(orgId)}/pay-runs`, { signal }),
  });
}

export function payRunQuery(orgId: string, payRunId: string) {
  return queryOptions({
    queryKey: payrollKeys.one(orgId, payRunId),
    queryFn: ({ signal }) => api<PayRunDto>(run(orgId, payRunId), { signal }),
  });
}

export const createPayRun = (orgId: string, body: PayRunInput) =>
  api<PayRunDto>(`${org(orgId)}/pay-runs`, { method: 'POST', body });

export const updatePayItems = (orgId: string, payRunId: string, payslipId: string, body: PayItemsInput) =>
  api<PayRunDto>(`${run(orgId, payRunId)}/payslips/${encodeURIComponent(payslipId)}/items`, {
    method: 'PUT',
    body,
  });

export const validatePayRun = (orgId: string, payRunId: string) =>
  api<PayRunDto>(`${run(orgId, payRunId)}/validate`, { method: 'POST' });

export const payPayRun = (orgId: string, payRunId: string, date: string) =>
  api<PayRunDto>(`${run(orgId, payRunId)}/payment`, { method: 'POST', body: { date } });

export const cancelPayRun = (orgId: string, payRunId: string, date: string) =>
  api<PayRunDto>(`${run(orgId, payRunId)}/cancel`, { method: 'POST', body: { date } });

export const deletePayRun = (orgId: string, payRunId: string) =>
  api<void>(run(orgId, payRunId), { method: 'DELETE' });

export const downloadPayslip = (orgId: string, payRunId: string, payslipId: string) =>
  apiDownload(`${run(orgId, payRunId)}/payslips/${encodeURIComponent(payslipId)}/pdf`);

export const MONTH = /^\d{4}-(0[1-9]|1[0-2])$/;

export function parsePayrollSearch(search: Record<string, unknown>): { month?: string } {
  const month = search.month;
  return typeof month === 'string' && MONTH.test(month) ? { month } : {};
}

/** The months offered, newest first: from `today`'s month back to January of the payroll year (2026). */
export function monthChoices(today: string, year = 2026): string[] {
  const months: string[] = [];
  const last =
    today.slice(0, 4) === String(year)
      ? Number(today.slice(5, 7))
      : today.slice(0, 4) > String(year)
        ? 12
        : 0;
  for (let m = last; m >= 1; m--) months.push(`${year}-${String(m).padStart(2, '0')}`);
  return months;
}

/** Hundredths (of an hour, of a percent) as French decimals: 15167 → « 151,67 ». */
export function hundredths(value: number): string {
  return `${Math.floor(value / 100)},${String(value % 100).padStart(2, '0')}`;
}

/** A contribution rate in thousandths of a percent: 6900 → « 6,90 % », 24 → « 0,024 % ». */
export function contributionRate(rate: number | null): string {
  if (rate === null) return '';
  const decimals = String(rate % 1000).padStart(3, '0');
  return `${Math.floor(rate / 1000)},${decimals.endsWith('0') ? decimals.slice(0, 2) : decimals} %`;
}
