// The public surface of the training module (issue 5): the server mounts its routes, the CLI prints the
// coverage, the benches and tests drive classes and sandboxes. Everything else is private to the module.

export type { TrainingScope } from './classes/access.ts';
export { createClass } from './classes/class.ts';
export type { ClassInput } from './classes/contract.ts';
export { classInput, joinInput } from './classes/contract.ts';
export { addStudent, importStudents, joinWithCode, listStudents } from './classes/students.ts';
export type { CoverageReportDto } from './coverage/contract.ts';
export { coverageReport } from './coverage/coverage.ts';
export { COVERAGE } from './coverage/declarations.ts';
export type { TutorAssessmentDto } from './pfmp/contract.ts';
export { tutorAssessments } from './pfmp/pfmp.ts';
export { PUBLIC_TUTOR_ROUTES } from './pfmp/tutor-link/routes.ts';
export { eraseStudent, exportStudent } from './privacy/student-privacy.ts';
export { DEFAULT_REFERENTIEL, listReferentiels, loadReferentiel } from './referentiel/referentiel.ts';
export { trainingRoutes } from './routes.ts';
export {
  getHandout,
  listClassSandboxes,
  myTraining,
  resetSandbox,
  runHandout,
  setSandboxDate,
  startHandout,
} from './sandboxes/sandbox.ts';
export { scenarioInput } from './scenarios/contract.ts';
export { createScenario, listScenarios } from './scenarios/scenario.ts';
export { CHECK_CATALOGUE } from './situations/check-catalogue.ts';
export { indicatorCode, situationInput } from './situations/contract.ts';
export { type IndicatorOutcome, indicatorOutcomes } from './situations/outcomes.ts';
export { refreshClassResults } from './situations/results.ts';
export { createSituation } from './situations/situation.ts';
