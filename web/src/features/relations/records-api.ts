import { keepPreviousData, queryOptions } from '@tanstack/react-query';
import type { ComplaintDto, ComplaintPage } from '../../../../src/relations/complaints/contract.ts';
import type { ConsentsDto, ErasureCheckDto, ErasureDto } from '../../../../src/relations/privacy/contract.ts';
import type { PublicationDto } from '../../../../src/relations/publications/contract.ts';
import type {
  AnomalyReportDto,
  CustomerFileDto,
  DashboardDto,
} from '../../../../src/relations/records/contract.ts';
import type {
  PublicRequestFormDto,
  RequestDto,
  RequestFormSettingsDto,
  RequestPage,
  RequestTemplateDto,
} from '../../../../src/relations/requests/contract.ts';
import { api, apiDownload, queryString } from '../../api/client.ts';

// Requests, complaints, customer file, anomalies, dashboard, publications and GDPR.

const org = (orgId: string) => `/api/v1/orgs/${encodeURIComponent(orgId)}`;
const enc = encodeURIComponent;

export const recordsKeys = {
  requests: (orgId: string) => ['orgs', orgId, 'requests'] as const,
  templates: (orgId: string) => ['orgs', orgId, 'request-templates'] as const,
  form: (orgId: string) => ['orgs', orgId, 'request-form'] as const,
  complaints: (orgId: string) => ['orgs', orgId, 'complaints'] as const,
  file: (orgId: string, partyId: string) => ['orgs', orgId, 'parties', partyId, 'file'] as const,
  consents: (orgId: string, partyId: string) => ['orgs', orgId, 'parties', partyId, 'consents'] as const,
  publications: (orgId: string) => ['orgs', orgId, 'publications'] as const,
};

export type RequestSearch = { status?: RequestDto['status']; channel?: RequestDto['channel']; page?: number };
export const REQUEST_PAGE = 25;

export function requestListQuery(orgId: string, search: RequestSearch) {
  const page = search.page ?? 1;
  return queryOptions({
    queryKey: [...recordsKeys.requests(orgId), 'list', search],
    queryFn: ({ signal }) =>
      api<RequestPage>(
        `${org(orgId)}/requests${queryString({
          status: search.status,
          channel: search.channel,
          limit: REQUEST_PAGE,
          offset: (page - 1) * REQUEST_PAGE,
        })}`,
        { signal },
      ),
    placeholderData: keepPreviousData,
  });
}

export function requestQuery(orgId: string, requestId: string) {
  return queryOptions({
    queryKey: [...recordsKeys.requests(orgId), 'one', requestId],
    queryFn: ({ signal }) => api<RequestDto>(`${org(orgId)}/requests/${enc(requestId)}`, { signal }),
  });
}

export type RequestBody = {
  channel: RequestDto['channel'];
  partyId: string | null;
  senderName: string | null;
  senderEmail: string | null;
  senderPhone: string | null;
  category: string | null;
  subject: string;
  message: string;
  assigneeId: string | null;
  dueDate: string | null;
};

export function createRequest(orgId: string, body: RequestBody, idempotencyKey: string) {
  return api<RequestDto>(`${org(orgId)}/requests`, {
    method: 'POST',
    body,
    headers: { 'idempotency-key': idempotencyKey },
  });
}

export function updateRequest(
  orgId: string,
  requestId: string,
  body: RequestBody & { status: RequestDto['status'] },
) {
  return api<RequestDto>(`${org(orgId)}/requests/${enc(requestId)}`, { method: 'PUT', body });
}

export function answerRequest(orgId: string, requestId: string, body: { answer: string; close: boolean }) {
  return api<RequestDto>(`${org(orgId)}/requests/${enc(requestId)}/answer`, { method: 'POST', body });
}

export function templatesQuery(orgId: string) {
  return queryOptions({
    queryKey: recordsKeys.templates(orgId),
    queryFn: ({ signal }) => api<RequestTemplateDto[]>(`${org(orgId)}/request-templates`, { signal }),
  });
}

export function saveTemplate(
  orgId: string,
  templateId: string | null,
  body: { name: string; category: string | null; body: string },
) {
  return templateId
    ? api<RequestTemplateDto>(`${org(orgId)}/request-templates/${enc(templateId)}`, { method: 'PUT', body })
    : api<RequestTemplateDto>(`${org(orgId)}/request-templates`, { method: 'POST', body });
}

export function deleteTemplate(orgId: string, templateId: string) {
  return api<void>(`${org(orgId)}/request-templates/${enc(templateId)}`, { method: 'DELETE' });
}

export function requestFormQuery(orgId: string) {
  return queryOptions({
    queryKey: recordsKeys.form(orgId),
    queryFn: ({ signal }) => api<RequestFormSettingsDto>(`${org(orgId)}/request-form`, { signal }),
  });
}

export function saveRequestForm(orgId: string, body: RequestFormSettingsDto) {
  return api<RequestFormSettingsDto>(`${org(orgId)}/request-form`, { method: 'PUT', body });
}

export function publicFormQuery(orgRef: string) {
  return queryOptions({
    queryKey: ['public', 'request-form', orgRef],
    queryFn: ({ signal }) =>
      api<PublicRequestFormDto>(`/api/v1/public/orgs/${enc(orgRef)}/request-form`, { signal }),
    retry: false,
    staleTime: Number.POSITIVE_INFINITY,
  });
}

export type PublicRequestBody = {
  name: string;
  email: string;
  phone: string | null;
  category: string | null;
  subject: string;
  message: string;
  website: string;
  token: string;
};

export function sendPublicRequest(orgRef: string, body: PublicRequestBody) {
  return api<{ received: true; message: string }>(`/api/v1/public/orgs/${enc(orgRef)}/requests`, {
    method: 'POST',
    body,
  });
}

export type ComplaintSearch = { status?: ComplaintDto['status']; page?: number };

export function complaintListQuery(orgId: string, search: ComplaintSearch) {
  const page = search.page ?? 1;
  return queryOptions({
    queryKey: [...recordsKeys.complaints(orgId), 'list', search],
    queryFn: ({ signal }) =>
      api<ComplaintPage>(
        `${org(orgId)}/complaints${queryString({
          status: search.status,
          limit: REQUEST_PAGE,
          offset: (page - 1) * REQUEST_PAGE,
        })}`,
        { signal },
      ),
    placeholderData: keepPreviousData,
  });
}

export function complaintQuery(orgId: string, complaintId: string) {
  return queryOptions({
    queryKey: [...recordsKeys.complaints(orgId), 'one', complaintId],
    queryFn: ({ signal }) => api<ComplaintDto>(`${org(orgId)}/complaints/${enc(complaintId)}`, { signal }),
  });
}

export type ComplaintBody = {
  partyId: string;
  subject: string;
  description: string;
  receivedOn: string | null;
  deadline: string | null;
  invoiceIds: string[];
  documentIds: string[];
};

export function createComplaint(orgId: string, body: ComplaintBody, idempotencyKey: string) {
  return api<ComplaintDto>(`${org(orgId)}/complaints`, {
    method: 'POST',
    body,
    headers: { 'idempotency-key': idempotencyKey },
  });
}

export function addComplaintStep(
  orgId: string,
  complaintId: string,
  body: { stepDate: string | null; note: string },
) {
  return api<ComplaintDto>(`${org(orgId)}/complaints/${enc(complaintId)}/steps`, { method: 'POST', body });
}

export type ResolveBody = {
  resolution: 'credit_note' | 'replacement' | 'refusal';
  note: string | null;
  creditNoteId: string | null;
  creditInvoiceId: string | null;
};

export function resolveComplaint(orgId: string, complaintId: string, body: ResolveBody) {
  return api<ComplaintDto>(`${org(orgId)}/complaints/${enc(complaintId)}/resolve`, { method: 'POST', body });
}

export function closeComplaint(orgId: string, complaintId: string) {
  return api<ComplaintDto>(`${org(orgId)}/complaints/${enc(complaintId)}/close`, { method: 'POST' });
}

export function customerFileQuery(orgId: string, partyId: string) {
  return queryOptions({
    queryKey: recordsKeys.file(orgId, partyId),
    queryFn: ({ signal }) => api<CustomerFileDto>(`${org(orgId)}/parties/${enc(partyId)}/file`, { signal }),
  });
}

export function anomaliesQuery(orgId: string) {
  return queryOptions({
    queryKey: ['orgs', orgId, 'anomalies'],
    queryFn: ({ signal }) => api<AnomalyReportDto>(`${org(orgId)}/anomalies`, { signal }),
  });
}

export function dashboardQuery(orgId: string, period: { from?: string; to?: string }) {
  return queryOptions({
    queryKey: ['orgs', orgId, 'dashboard', period],
    queryFn: ({ signal }) =>
      api<DashboardDto>(`${org(orgId)}/dashboard${queryString({ from: period.from, to: period.to })}`, {
        signal,
      }),
    placeholderData: keepPreviousData,
  });
}

export function publicationsQuery(orgId: string, period: { from: string; to: string }) {
  return queryOptions({
    queryKey: [...recordsKeys.publications(orgId), period],
    queryFn: ({ signal }) =>
      api<PublicationDto[]>(`${org(orgId)}/publications${queryString(period)}`, { signal }),
    placeholderData: keepPreviousData,
  });
}

export type PublicationBody = {
  channel: PublicationDto['channel'];
  title: string;
  body: string;
  scheduledOn: string | null;
  scheduledTime: string | null;
  status: PublicationDto['status'];
};

export function savePublication(orgId: string, publicationId: string | null, body: PublicationBody) {
  return publicationId
    ? api<PublicationDto>(`${org(orgId)}/publications/${enc(publicationId)}`, { method: 'PUT', body })
    : api<PublicationDto>(`${org(orgId)}/publications`, { method: 'POST', body });
}

export function deletePublication(orgId: string, publicationId: string) {
  return api<void>(`${org(orgId)}/publications/${enc(publicationId)}`, { method: 'DELETE' });
}

export function consentsQuery(orgId: string, partyId: string) {
  return queryOptions({
    queryKey: recordsKeys.consents(orgId, partyId),
    queryFn: ({ signal }) => api<ConsentsDto>(`${org(orgId)}/parties/${enc(partyId)}/consents`, { signal }),
  });
}

export function recordConsent(
  orgId: string,
  partyId: string,
  body: { purpose: string; granted: boolean; givenOn: string | null; source: string },
) {
  return api<ConsentsDto>(`${org(orgId)}/parties/${enc(partyId)}/consents`, { method: 'POST', body });
}

export function erasureCheck(orgId: string, partyId: string) {
  return api<ErasureCheckDto>(`${org(orgId)}/privacy/parties/${enc(partyId)}/erasure`);
}

export function eraseParty(orgId: string, partyId: string) {
  return api<ErasureDto>(`${org(orgId)}/privacy/parties/${enc(partyId)}/erase`, {
    method: 'POST',
    body: { confirm: true },
  });
}

export function exportPersonalData(orgId: string, partyId: string, format: 'json' | 'text') {
  return apiDownload(`${org(orgId)}/privacy/parties/${enc(partyId)}/export${queryString({ format })}`);
}

export function assigneesQuery(orgId: string) {
  return queryOptions({
    queryKey: ['orgs', orgId, 'request-assignees'],
    queryFn: ({ signal }) =>
      api<{ userId: string; name: string }[]>(`${org(orgId)}/request-assignees`, { signal }),
  });
}

/** Every party (any role), for the pickers of requests and complaints. */
export function allPartiesQuery(orgId: string) {
  return queryOptions({
    queryKey: ['orgs', orgId, 'parties', 'list', 'all-for-records'],
    queryFn: ({ signal }) =>
      api<{ items: { id: string; name: string; kind: string; email: string | null }[]; total: number }>(
        `${org(orgId)}/parties${queryString({ archived: 'exclude', sort: 'name', limit: 500 })}`,
        { signal },
      ),
  });
}

/** Stores a file in the organisation's documents, then links it to the complaint (still being handled). */
export async function attachToComplaint(orgId: string, complaint: ComplaintDto, file: File) {
  const document = await api<{ id: string }>(
    `${org(orgId)}/documents${queryString({ fileName: file.name })}`,
    {
      method: 'POST',
      raw: { body: file, contentType: file.type || 'application/octet-stream' },
    },
  );
  return api<ComplaintDto>(`${org(orgId)}/complaints/${enc(complaint.id)}`, {
    method: 'PUT',
    body: {
      partyId: complaint.partyId,
      subject: complaint.subject,
      description: complaint.description,
      receivedOn: complaint.receivedOn,
      deadline: complaint.deadline,
      invoiceIds: complaint.invoices.map((i) => i.id),
      documentIds: [...complaint.documents.map((d) => d.id), document.id],
      status: complaint.status,
    },
  });
}

export function downloadDocument(orgId: string, documentId: string) {
  return apiDownload(`${org(orgId)}/documents/${enc(documentId)}`);
}
