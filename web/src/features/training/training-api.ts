import { queryOptions } from '@tanstack/react-query';
import type {
  ClassSynthesisDto,
  IndicatorAssessmentDto,
  StudentAssessmentDto,
} from '../../../../src/training/assessment/contract.ts';
import type { ClassDto, StudentDto } from '../../../../src/training/classes/contract.ts';
import type { CoverageReportDto } from '../../../../src/training/coverage/contract.ts';
import type { PortfolioDto, PortfolioEntryDto } from '../../../../src/training/portfolio/contract.ts';
import type { StudentExportDto } from '../../../../src/training/privacy/contract.ts';
import type { ReferentielDto } from '../../../../src/training/referentiel/contract.ts';
import type {
  HandoutDto,
  MyTrainingDto,
  SandboxDto,
  ScenarioDto,
} from '../../../../src/training/scenarios/contract.ts';
import { api, apiDownload } from '../../api/client.ts';

export type {
  ClassDto,
  ClassSynthesisDto,
  CoverageReportDto,
  HandoutDto,
  IndicatorAssessmentDto,
  MyTrainingDto,
  PortfolioDto,
  PortfolioEntryDto,
  ReferentielDto,
  SandboxDto,
  ScenarioDto,
  StudentAssessmentDto,
  StudentDto,
};

const base = (orgId: string) => `/api/v1/orgs/${encodeURIComponent(orgId)}/training`;
const id = encodeURIComponent;

export const trainingKeys = {
  all: (orgId: string) => ['orgs', orgId, 'training'] as const,
  classes: (orgId: string) => ['orgs', orgId, 'training', 'classes'] as const,
  class: (orgId: string, classId: string) => ['orgs', orgId, 'training', 'classes', classId] as const,
  scenarios: (orgId: string) => ['orgs', orgId, 'training', 'scenarios'] as const,
  my: (orgId: string) => ['orgs', orgId, 'training', 'my'] as const,
  student: (orgId: string, studentId: string) => ['orgs', orgId, 'training', 'students', studentId] as const,
  myPortfolio: (orgId: string) => ['orgs', orgId, 'training', 'my', 'portfolio'] as const,
};

export const referentielQuery = (referentielId: string) =>
  queryOptions({
    queryKey: ['referentiels', referentielId],
    queryFn: ({ signal }) => api<ReferentielDto>(`/api/v1/referentiels/${id(referentielId)}`, { signal }),
    staleTime: Number.POSITIVE_INFINITY,
  });

export const coverageQuery = (referentielId: string) =>
  queryOptions({
    queryKey: ['referentiels', referentielId, 'coverage'],
    queryFn: ({ signal }) =>
      api<CoverageReportDto>(`/api/v1/referentiels/${id(referentielId)}/coverage`, { signal }),
  });

export const classesQuery = (orgId: string) =>
  queryOptions({
    queryKey: trainingKeys.classes(orgId),
    queryFn: ({ signal }) => api<{ items: ClassDto[] }>(`${base(orgId)}/classes`, { signal }),
  });

export const classQuery = (orgId: string, classId: string) =>
  queryOptions({
    queryKey: trainingKeys.class(orgId, classId),
    queryFn: ({ signal }) => api<ClassDto>(`${base(orgId)}/classes/${id(classId)}`, { signal }),
  });

export const studentsQuery = (orgId: string, classId: string) =>
  queryOptions({
    queryKey: [...trainingKeys.class(orgId, classId), 'students'],
    queryFn: ({ signal }) =>
      api<{ items: StudentDto[] }>(`${base(orgId)}/classes/${id(classId)}/students`, { signal }),
  });

export const sandboxesQuery = (orgId: string, classId: string) =>
  queryOptions({
    queryKey: [...trainingKeys.class(orgId, classId), 'sandboxes'],
    queryFn: ({ signal }) =>
      api<{ items: SandboxDto[] }>(`${base(orgId)}/classes/${id(classId)}/sandboxes`, { signal }),
  });

export const scenariosQuery = (orgId: string) =>
  queryOptions({
    queryKey: trainingKeys.scenarios(orgId),
    queryFn: ({ signal }) => api<{ items: ScenarioDto[] }>(`${base(orgId)}/scenarios`, { signal }),
  });

export const myTrainingQuery = (orgId: string) =>
  queryOptions({
    queryKey: trainingKeys.my(orgId),
    queryFn: ({ signal }) => api<MyTrainingDto>(`${base(orgId)}/my`, { signal }),
  });

export const createClass = (orgId: string, body: { name: string; level: string; schoolYear: string }) =>
  api<ClassDto>(`${base(orgId)}/classes`, { method: 'POST', body });

export const createScenario = (
  orgId: string,
  body: { title: string; source: string; description?: string },
) => api<ScenarioDto>(`${base(orgId)}/scenarios`, { method: 'POST', body });

export const importStudents = (orgId: string, classId: string, csv: string) =>
  api<{ items: StudentDto[] }>(`${base(orgId)}/classes/${id(classId)}/students/import`, {
    method: 'POST',
    body: { csv },
  });

export const startHandout = (orgId: string, classId: string, scenarioId: string) =>
  api<HandoutDto>(`${base(orgId)}/classes/${id(classId)}/handouts`, { method: 'POST', body: { scenarioId } });

export const getHandout = (orgId: string, handoutId: string) =>
  api<HandoutDto>(`${base(orgId)}/handouts/${id(handoutId)}`);

export const resetSandbox = (orgId: string, sandboxId: string) =>
  api<SandboxDto>(`${base(orgId)}/sandboxes/${id(sandboxId)}/reset`, { method: 'POST', body: {} });

export const exportStudent = (orgId: string, studentId: string) =>
  api<StudentExportDto>(`${base(orgId)}/students/${id(studentId)}/export`);

export const eraseStudent = (orgId: string, studentId: string) =>
  api<{ sandboxesDeleted: number }>(`${base(orgId)}/students/${id(studentId)}`, { method: 'DELETE' });

export const studentAssessmentQuery = (orgId: string, studentId: string) =>
  queryOptions({
    queryKey: [...trainingKeys.student(orgId, studentId), 'assessment'],
    queryFn: ({ signal }) =>
      api<StudentAssessmentDto>(`${base(orgId)}/students/${id(studentId)}/assessment`, { signal }),
  });

export const studentPortfolioQuery = (orgId: string, studentId: string) =>
  queryOptions({
    queryKey: [...trainingKeys.student(orgId, studentId), 'portfolio'],
    queryFn: ({ signal }) =>
      api<PortfolioDto>(`${base(orgId)}/students/${id(studentId)}/portfolio`, { signal }),
  });

export const classSynthesisQuery = (orgId: string, classId: string) =>
  queryOptions({
    queryKey: [...trainingKeys.class(orgId, classId), 'assessment'],
    queryFn: ({ signal }) =>
      api<ClassSynthesisDto>(`${base(orgId)}/classes/${id(classId)}/assessment`, { signal }),
  });

export const myPortfolioQuery = (orgId: string) =>
  queryOptions({
    queryKey: trainingKeys.myPortfolio(orgId),
    queryFn: ({ signal }) => api<PortfolioDto>(`${base(orgId)}/my/portfolio`, { signal }),
  });

export const confirmLevel = (
  orgId: string,
  studentId: string,
  indicatorCode: string,
  body: { level: number; comment: string | null },
) =>
  api<IndicatorAssessmentDto>(`${base(orgId)}/students/${id(studentId)}/assessment/${id(indicatorCode)}`, {
    method: 'PUT',
    body,
  });

export type PortfolioEntryBody = {
  kind: PortfolioEntryDto['kind'];
  title: string;
  body: string;
  date: string;
  competencies: string[];
};

export const addPortfolioEntry = (orgId: string, body: PortfolioEntryBody) =>
  api<PortfolioEntryDto>(`${base(orgId)}/my/portfolio/entries`, { method: 'POST', body });

export const updatePortfolioEntry = (orgId: string, entryId: string, body: PortfolioEntryBody) =>
  api<PortfolioEntryDto>(`${base(orgId)}/my/portfolio/entries/${id(entryId)}`, { method: 'PUT', body });

export const deletePortfolioEntry = (orgId: string, entryId: string) =>
  api<void>(`${base(orgId)}/my/portfolio/entries/${id(entryId)}`, { method: 'DELETE' });

/** The portfolio PDF: the caller's own (no student id) or a student's (their teachers). */
export const downloadPortfolioPdf = (orgId: string, studentId?: string) =>
  apiDownload(
    studentId ? `${base(orgId)}/students/${id(studentId)}/portfolio/pdf` : `${base(orgId)}/my/portfolio/pdf`,
  );
