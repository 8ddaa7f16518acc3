import { queryOptions } from '@tanstack/react-query';
import type { EmployeeDto, EmployeeInput } from '../../../../../src/personnel/employees/contract.ts';
import type {
  ChecklistItemDto,
  ChecklistList,
  TemplateDto,
} from '../../../../../src/personnel/onboarding/contract.ts';
import type {
  ActionDto,
  ActionList,
  ReviewList,
  TrainingSummary,
} from '../../../../../src/personnel/professional-training/contract.ts';
import type {
  ApplicantDto,
  OpeningDetailDto,
  OpeningList,
  RetentionDue,
} from '../../../../../src/personnel/recruitment/contract.ts';
import { api, apiDownload, queryString } from '../../../api/client.ts';

// Recruitment, onboarding/offboarding checklists (3.1.t1) and professional training of the staff (3.1.t3).

const org = (orgId: string) => `/api/v1/orgs/${encodeURIComponent(orgId)}`;
const enc = encodeURIComponent;

export const careersKeys = { all: (orgId: string) => ['orgs', orgId, 'careers'] as const };

export const openingsQuery = (orgId: string) =>
  queryOptions({
    queryKey: [...careersKeys.all(orgId), 'openings'],
    queryFn: ({ signal }) => api<OpeningList>(`${org(orgId)}/job-openings`, { signal }),
  });
export const openingQuery = (orgId: string, id: string) =>
  queryOptions({
    queryKey: [...careersKeys.all(orgId), 'opening', id],
    queryFn: ({ signal }) => api<OpeningDetailDto>(`${org(orgId)}/job-openings/${enc(id)}`, { signal }),
  });
export const retentionQuery = (orgId: string) =>
  queryOptions({
    queryKey: [...careersKeys.all(orgId), 'retention'],
    queryFn: ({ signal }) => api<RetentionDue>(`${org(orgId)}/applicants/retention`, { signal }),
  });

export type OpeningBody = {
  title: string;
  service: string | null;
  contractType: EmployeeInput['contractType'];
  weeklyHours: number;
  salaryMin: number | null;
  salaryMax: number | null;
  place: string | null;
  description: string;
  channels: string[];
  opensOn: string | null;
  closesOn: string | null;
};
export const createOpening = (orgId: string, body: OpeningBody, key: string) =>
  api<OpeningDetailDto>(`${org(orgId)}/job-openings`, {
    method: 'POST',
    body,
    headers: { 'idempotency-key': key },
  });
export const updateOpening = (orgId: string, id: string, body: OpeningBody) =>
  api<OpeningDetailDto>(`${org(orgId)}/job-openings/${enc(id)}`, { method: 'PUT', body });
export const publishOpening = (orgId: string, id: string) =>
  api<OpeningDetailDto>(`${org(orgId)}/job-openings/${enc(id)}/publish`, { method: 'POST', body: {} });
export const closeOpening = (orgId: string, id: string) =>
  api<OpeningDetailDto>(`${org(orgId)}/job-openings/${enc(id)}/close`, { method: 'POST', body: {} });
export const addApplicant = (orgId: string, openingId: string, body: Record<string, unknown>, key: string) =>
  api<ApplicantDto>(`${org(orgId)}/job-openings/${enc(openingId)}/applicants`, {
    method: 'POST',
    body,
    headers: { 'idempotency-key': key },
  });
const applicant = (orgId: string, id: string) => `${org(orgId)}/applicants/${enc(id)}`;
export const setStep = (orgId: string, id: string, status: string) =>
  api<ApplicantDto>(`${applicant(orgId, id)}/step`, { method: 'POST', body: { status } });
export const addInterview = (orgId: string, id: string, body: Record<string, unknown>) =>
  api<ApplicantDto>(`${applicant(orgId, id)}/interviews`, { method: 'POST', body });
export const refuseApplicant = (orgId: string, id: string, refusedOn: string) =>
  api<ApplicantDto>(`${applicant(orgId, id)}/refuse`, { method: 'POST', body: { refusedOn } });
export const hireApplicant = (orgId: string, id: string, body: EmployeeInput, key: string) =>
  api<{ employee: EmployeeDto }>(`${applicant(orgId, id)}/hire`, {
    method: 'POST',
    body,
    headers: { 'idempotency-key': key },
  });
export const downloadRefusalLetter = (orgId: string, id: string) =>
  apiDownload(`${applicant(orgId, id)}/refusal-letter`);
export const purgeApplicants = (orgId: string) =>
  api<{ purged: number }>(`${org(orgId)}/applicants/purge`, { method: 'POST', body: {} });

export const checklistsQuery = (orgId: string, open: boolean) =>
  queryOptions({
    queryKey: [...careersKeys.all(orgId), 'checklists', open],
    queryFn: ({ signal }) =>
      api<ChecklistList>(`${org(orgId)}/checklists${queryString({ open: open ? 'true' : undefined })}`, {
        signal,
      }),
  });
export const templateQuery = (orgId: string, kind: string) =>
  queryOptions({
    queryKey: [...careersKeys.all(orgId), 'template', kind],
    queryFn: ({ signal }) =>
      api<TemplateDto>(`${org(orgId)}/checklist-template${queryString({ kind })}`, { signal }),
  });
export const saveTemplate = (orgId: string, kind: string, items: TemplateDto['items']) =>
  api<TemplateDto>(`${org(orgId)}/checklist-template`, { method: 'PUT', body: { kind, items } });
export const generateChecklist = (orgId: string, employeeId: string, kind: string) =>
  api<ChecklistList>(`${org(orgId)}/employees/${enc(employeeId)}/checklists`, {
    method: 'POST',
    body: { kind },
  });
export const updateItem = (orgId: string, id: string, status: string) =>
  api<ChecklistItemDto>(`${org(orgId)}/checklist-items/${enc(id)}`, { method: 'POST', body: { status } });

const training = (orgId: string) => `${org(orgId)}/staff-training`;
export const actionsQuery = (orgId: string, year: number) =>
  queryOptions({
    queryKey: [...careersKeys.all(orgId), 'actions', year],
    queryFn: ({ signal }) =>
      api<ActionList>(`${training(orgId)}/actions${queryString({ year })}`, { signal }),
  });
export const summaryQuery = (orgId: string, year: number) =>
  queryOptions({
    queryKey: [...careersKeys.all(orgId), 'summary', year],
    queryFn: ({ signal }) =>
      api<TrainingSummary>(`${training(orgId)}/summary${queryString({ year })}`, { signal }),
  });
export const reviewsQuery = (orgId: string) =>
  queryOptions({
    queryKey: [...careersKeys.all(orgId), 'reviews'],
    queryFn: ({ signal }) => api<ReviewList>(`${org(orgId)}/professional-reviews/due`, { signal }),
  });
export const createAction = (orgId: string, body: Record<string, unknown>, key: string) =>
  api<ActionDto>(`${training(orgId)}/actions`, { method: 'POST', body, headers: { 'idempotency-key': key } });
export const enrol = (orgId: string, actionId: string, employeeId: string) =>
  api<ActionDto>(`${training(orgId)}/actions/${enc(actionId)}/enrolments`, {
    method: 'POST',
    body: { employeeId },
  });
export const updateEnrolment = (orgId: string, id: string, status: string, attestationReceived: boolean) =>
  api<ActionDto>(`${training(orgId)}/enrolments/${enc(id)}`, {
    method: 'POST',
    body: { status, attestationReceived },
  });
export const recordReview = (orgId: string, body: Record<string, unknown>) =>
  api<unknown>(`${org(orgId)}/professional-reviews`, { method: 'POST', body });
export const downloadSummary = (orgId: string, year: number, format: 'pdf' | 'csv' | 'xlsx') =>
  apiDownload(`${training(orgId)}/summary/export${queryString({ year, format })}`);

/** « 35 » or « 24,5 » → hundredths; null when unreadable. */
export function parseHours(text: string): number | null {
  const m = /^(\d{1,4})(?:[,.](\d{1,2}))?$/.exec(text.trim());
  if (!m) return null;
  return Number(m[1]) * 100 + Number((m[2] ?? '0').padEnd(2, '0'));
}
/** « 1 234,56 » → cents; null when empty or unreadable. */
export function parseEurosText(text: string): number | null {
  const clean = text.replace(/[\s\u00a0\u202f€]/g, '');
  if (!clean) return null;
  const m = /^(\d{1,9})(?:[,.](\d{1,2}))?$/.exec(clean);
  if (!m) return null;
  return Number(m[1]) * 100 + Number((m[2] ?? '0').padEnd(2, '0'));
}
export const hoursText = (hundredths: number) =>
  `${Math.floor(hundredths / 100)}${hundredths % 100 ? `,${String(hundredths % 100).padStart(2, '0')}` : ''} h`;
