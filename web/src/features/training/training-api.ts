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
import type {
  CheckDto,
  ClassResultsDto,
  MySituationDto,
  ResultDto,
  SituationDto,
} from '../../../../src/training/situations/contract.ts';
import { api, apiDownload } from '../../api/client.ts';

export type {
  CheckDto,
  ClassDto,
  ClassResultsDto,
  ClassSynthesisDto,
  CoverageReportDto,
  HandoutDto,
  IndicatorAssessmentDto,
  MySituationDto,
  MyTrainingDto,
  PortfolioDto,
  PortfolioEntryDto,
  ReferentielDto,
  ResultDto,
  SandboxDto,
  ScenarioDto,
  SituationDto,
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

// Professional situations (issue 5, part 5).

/** What the editor sends: the contract's input, with values as typed. */
export type SituationBody = {
  handoutId: string;
  title: string;
  statement: string;
  competencies: string[];
  indicators: string[];
  dueDate: string | null;
  status: 'draft' | 'published';
  attachmentIds: string[];
  checks: {
    id?: string | null;
    label: string;
    entity: string;
    conditions: { field: string; operator: string; value: string | number | null }[];
    countMode: 'at_least' | 'exactly';
    expectedCount: number;
    indicators: string[];
  }[];
};

export const situationKeys = {
  class: (orgId: string, classId: string) => [...trainingKeys.class(orgId, classId), 'situations'] as const,
  one: (orgId: string, situationId: string) =>
    ['orgs', orgId, 'training', 'situations', situationId] as const,
  mine: (orgId: string) => [...trainingKeys.my(orgId), 'situations'] as const,
};

export const classSituationsQuery = (orgId: string, classId: string) =>
  queryOptions({
    queryKey: situationKeys.class(orgId, classId),
    queryFn: ({ signal }) =>
      api<{ items: SituationDto[] }>(`${base(orgId)}/classes/${id(classId)}/situations`, { signal }),
  });

export const situationQuery = (orgId: string, situationId: string) =>
  queryOptions({
    queryKey: situationKeys.one(orgId, situationId),
    queryFn: ({ signal }) => api<SituationDto>(`${base(orgId)}/situations/${id(situationId)}`, { signal }),
  });

export const situationResultsQuery = (orgId: string, situationId: string) =>
  queryOptions({
    queryKey: [...situationKeys.one(orgId, situationId), 'results'],
    queryFn: ({ signal }) =>
      api<ClassResultsDto>(`${base(orgId)}/situations/${id(situationId)}/results`, { signal }),
  });

export const mySituationsQuery = (orgId: string) =>
  queryOptions({
    queryKey: situationKeys.mine(orgId),
    queryFn: ({ signal }) => api<{ items: MySituationDto[] }>(`${base(orgId)}/my/situations`, { signal }),
  });

export const mySituationQuery = (orgId: string, situationId: string) =>
  queryOptions({
    queryKey: [...situationKeys.mine(orgId), situationId],
    queryFn: ({ signal }) =>
      api<MySituationDto>(`${base(orgId)}/my/situations/${id(situationId)}`, { signal }),
  });

export const createSituation = (orgId: string, classId: string, body: SituationBody) =>
  api<SituationDto>(`${base(orgId)}/classes/${id(classId)}/situations`, { method: 'POST', body });

export const saveSituation = (orgId: string, situationId: string, body: SituationBody) =>
  api<SituationDto>(`${base(orgId)}/situations/${id(situationId)}`, { method: 'PUT', body });

/** A new draft « (copie) » with the same statement, targets, checks and attachments. */
export const duplicateSituation = (orgId: string, situationId: string) =>
  api<SituationDto>(`${base(orgId)}/situations/${id(situationId)}/duplicate`, { method: 'POST', body: {} });

/** A draft without student results only (409 otherwise, with the reason). */
export const deleteSituation = (orgId: string, situationId: string) =>
  api<void>(`${base(orgId)}/situations/${id(situationId)}`, { method: 'DELETE' });

export const refreshClass = (orgId: string, situationId: string) =>
  api<ClassResultsDto>(`${base(orgId)}/situations/${id(situationId)}/results/refresh`, {
    method: 'POST',
    body: {},
  });

export const checkMine = (orgId: string, situationId: string) =>
  api<MySituationDto>(`${base(orgId)}/my/situations/${id(situationId)}/check`, { method: 'POST', body: {} });

/** Files go to the school's documents first, then the situation lists them. */
export const uploadDocument = (orgId: string, file: File) =>
  api<{ id: string; fileName: string; mediaType: string; size: number }>(
    `/api/v1/orgs/${id(orgId)}/documents?fileName=${encodeURIComponent(file.name)}`,
    { method: 'POST', raw: { body: file, contentType: file.type || 'application/octet-stream' } },
  );

export const downloadAttachment = (orgId: string, situationId: string, documentId: string) =>
  apiDownload(`${base(orgId)}/situations/${id(situationId)}/attachments/${id(documentId)}`);
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
