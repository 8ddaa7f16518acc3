import { queryOptions } from '@tanstack/react-query';
import type {
  AgreementDto,
  CreatedTutorLinkDto,
  HostDto,
  PfmpOverviewDto,
  PfmpStudentSummaryDto,
  PublicTutorAssessmentDto,
  StudentPfmpDto,
  TutorLinkDto,
} from '../../../../src/training/pfmp/contract.ts';
import { api, apiDownload, queryString } from '../../api/client.ts';

export type { AgreementDto, HostDto, PfmpOverviewDto, PfmpStudentSummaryDto, StudentPfmpDto };

const base = (orgId: string) => `/api/v1/orgs/${encodeURIComponent(orgId)}/training/pfmp`;
const id = encodeURIComponent;

export const pfmpKeys = {
  all: (orgId: string) => ['orgs', orgId, 'training', 'pfmp'] as const,
  hosts: (orgId: string) => ['orgs', orgId, 'training', 'pfmp', 'hosts'] as const,
  students: (orgId: string) => ['orgs', orgId, 'training', 'pfmp', 'students'] as const,
  student: (orgId: string, studentId: string) =>
    ['orgs', orgId, 'training', 'pfmp', 'students', studentId] as const,
  classOverview: (orgId: string, classId: string) =>
    ['orgs', orgId, 'training', 'pfmp', 'classes', classId] as const,
};

export const hostsQuery = (orgId: string) =>
  queryOptions({
    queryKey: pfmpKeys.hosts(orgId),
    queryFn: ({ signal }) => api<{ items: HostDto[] }>(`${base(orgId)}/hosts`, { signal }),
  });

export const pfmpStudentsQuery = (orgId: string) =>
  queryOptions({
    queryKey: pfmpKeys.students(orgId),
    queryFn: ({ signal }) => api<{ items: PfmpStudentSummaryDto[] }>(`${base(orgId)}/students`, { signal }),
  });

export const studentPfmpQuery = (orgId: string, studentId: string) =>
  queryOptions({
    queryKey: pfmpKeys.student(orgId, studentId),
    queryFn: ({ signal }) => api<StudentPfmpDto>(`${base(orgId)}/students/${id(studentId)}`, { signal }),
  });

/** The class overview, every student (the « à traiter » filter is applied in the page). */
export const classOverviewQuery = (orgId: string, classId: string) =>
  queryOptions({
    queryKey: pfmpKeys.classOverview(orgId, classId),
    queryFn: ({ signal }) => api<PfmpOverviewDto>(`${base(orgId)}/classes/${id(classId)}`, { signal }),
  });

/** The CSV of the rows the page shows: a plain link, as the other list exports. */
export const classOverviewExportHref = (orgId: string, classId: string, onlyIssues: boolean) =>
  `${base(orgId)}/classes/${id(classId)}/export${queryString({ format: 'csv', filter: onlyIssues ? 'issues' : undefined })}`;

export type HostBody = {
  name: string;
  siret: string;
  address: string;
  sector: string;
  contactName: string;
  contactEmail: string;
  contactPhone: string;
};

export const createHost = (orgId: string, body: HostBody) =>
  api<HostDto>(`${base(orgId)}/hosts`, { method: 'POST', body });

export const addTutor = (
  orgId: string,
  hostId: string,
  body: { name: string; function: string; email: string; phone: string },
) => api<HostDto>(`${base(orgId)}/hosts/${id(hostId)}/tutors`, { method: 'POST', body });

export type AgreementBody = {
  hostId: string;
  tutorId: string | null;
  schoolYear?: string;
  level?: string;
  activitiesPlanned: string;
  periods: { startsOn: string; endsOn: string }[];
};

export const createAgreement = (orgId: string, studentId: string, body: AgreementBody) =>
  api<AgreementDto>(`${base(orgId)}/students/${id(studentId)}/agreements`, { method: 'POST', body });

export const updateAgreement = (
  orgId: string,
  agreementId: string,
  body: {
    tutorId: string | null;
    referentUserId: string | null;
    status: string;
    signedOn: string | null;
    activitiesPlanned: string;
  },
) => api<AgreementDto>(`${base(orgId)}/agreements/${id(agreementId)}`, { method: 'PUT', body });

export const addPeriod = (orgId: string, agreementId: string, body: { startsOn: string; endsOn: string }) =>
  api<AgreementDto>(`${base(orgId)}/agreements/${id(agreementId)}/periods`, { method: 'POST', body });

export const recordAttendance = (
  orgId: string,
  periodId: string,
  days: { day: string; status: string | null }[],
) =>
  api<AgreementDto>(`${base(orgId)}/periods/${id(periodId)}/attendance`, { method: 'PUT', body: { days } });

export const setActivities = (orgId: string, agreementId: string, taskCodes: string[]) =>
  api<AgreementDto>(`${base(orgId)}/agreements/${id(agreementId)}/activities`, {
    method: 'PUT',
    body: { taskCodes },
  });

export const saveAssessment = (
  orgId: string,
  agreementId: string,
  body: {
    source: 'paper' | 'tutor';
    assessedOn: string;
    comment: string;
    items: { indicatorCode: string; level: number; comment: string }[];
  },
) => api<AgreementDto>(`${base(orgId)}/agreements/${id(agreementId)}/assessment`, { method: 'PUT', body });

export const downloadAttestation = (orgId: string, agreementId: string) =>
  apiDownload(`${base(orgId)}/agreements/${id(agreementId)}/attestation`);

// ————— The tutor's assessment link (decision 0029) —————

export type { CreatedTutorLinkDto, PublicTutorAssessmentDto, TutorLinkDto };

export const tutorLinkKey = (orgId: string, agreementId: string) =>
  [...pfmpKeys.all(orgId), 'tutor-link', agreementId] as const;

export const tutorLinkQuery = (orgId: string, agreementId: string) =>
  queryOptions({
    queryKey: tutorLinkKey(orgId, agreementId),
    queryFn: ({ signal }) =>
      api<{ link: TutorLinkDto | null }>(`${base(orgId)}/agreements/${id(agreementId)}/tutor-link`, {
        signal,
      }),
  });

export const createTutorLink = (
  orgId: string,
  agreementId: string,
  expiresInDays: number,
  sendTo: string | null = null,
) =>
  api<CreatedTutorLinkDto>(`${base(orgId)}/agreements/${id(agreementId)}/tutor-link`, {
    method: 'POST',
    body: { expiresInDays, sendTo },
  });

export const revokeTutorLink = (orgId: string, agreementId: string) =>
  api<TutorLinkDto>(`${base(orgId)}/agreements/${id(agreementId)}/tutor-link`, { method: 'DELETE' });

const publicBase = (token: string) => `/api/v1/public/pfmp/tutor-assessments/${id(token)}`;

export const publicTutorAssessmentQuery = (token: string) =>
  queryOptions({
    queryKey: ['public', 'pfmp-tutor', token],
    queryFn: ({ signal }) => api<PublicTutorAssessmentDto>(publicBase(token), { signal }),
    retry: false,
    staleTime: Number.POSITIVE_INFINITY,
  });

export type TutorSubmissionBody = {
  tutorName: string;
  tutorFunction: string;
  certified: boolean;
  comment: string;
  items: { indicatorCode: string; level: number; comment: string }[];
};

export const submitTutorAssessment = (token: string, body: TutorSubmissionBody) =>
  api<{ message: string; assessedOn: string }>(publicBase(token), { method: 'POST', body });
