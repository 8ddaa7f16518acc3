import { queryOptions } from '@tanstack/react-query';
import type { ClassDto, StudentDto } from '../../../../src/training/classes/contract.ts';
import type { CoverageReportDto } from '../../../../src/training/coverage/contract.ts';
import type { StudentExportDto } from '../../../../src/training/privacy/contract.ts';
import type { ReferentielDto } from '../../../../src/training/referentiel/contract.ts';
import type {
  HandoutDto,
  MyTrainingDto,
  SandboxDto,
  ScenarioDto,
} from '../../../../src/training/scenarios/contract.ts';
import { api } from '../../api/client.ts';

export type {
  ClassDto,
  CoverageReportDto,
  HandoutDto,
  MyTrainingDto,
  ReferentielDto,
  SandboxDto,
  ScenarioDto,
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
