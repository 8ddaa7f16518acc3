// Every table of the training module, assembled for src/kernel/db/database.ts (type-only import there).

export type ClassLevel = 'seconde' | 'premiere' | 'terminale';

export type TrainingSchoolYearTable = {
  org_id: string;
  id: string;
  label: string;
  starts_on: string;
  ends_on: string;
  created_at: string;
};

export type TrainingClassTable = {
  org_id: string;
  id: string;
  school_year_id: string;
  name: string;
  level: ClassLevel;
  referentiel_id: string;
  created_at: string;
};

export type TrainingClassTeacherTable = {
  org_id: string;
  class_id: string;
  user_id: string;
  created_at: string;
};

export type TrainingGroupTable = {
  org_id: string;
  id: string;
  class_id: string;
  name: string;
  created_at: string;
};

export type TrainingStudentTable = {
  org_id: string;
  id: string;
  class_id: string;
  group_id: string | null;
  first_name: string;
  last_initial: string | null;
  email: string | null;
  user_id: string | null;
  invitation_code: string | null;
  joined_at: string | null;
  created_at: string;
};

export type TrainingScenarioTable = {
  org_id: string;
  id: string;
  template_org_id: string;
  title: string;
  description: string;
  source: string;
  simulated_start: string;
  created_by: string | null;
  created_at: string;
};

export type TrainingHandoutTable = {
  org_id: string;
  id: string;
  class_id: string;
  scenario_id: string;
  status: 'running' | 'done' | 'failed';
  total: number;
  done: number;
  error: string | null;
  created_by: string | null;
  created_at: string;
  finished_at: string | null;
};

export type TrainingSandboxTable = {
  org_id: string;
  id: string;
  handout_id: string;
  student_id: string;
  sandbox_org_id: string;
  status: 'pending' | 'ready';
  reset_count: number;
  created_at: string;
  ready_at: string | null;
};

export type TrainingAssessmentTable = {
  org_id: string;
  id: string;
  student_id: string;
  indicator_code: string;
  level: number;
  proposed_level: number | null;
  comment: string | null;
  assessed_by: string;
  assessed_at: string;
  created_at: string;
};

export type PortfolioEntryKind = 'pfmp' | 'reflection' | 'other';

export type TrainingPortfolioEntryTable = {
  org_id: string;
  id: string;
  student_id: string;
  kind: PortfolioEntryKind;
  title: string;
  body: string;
  entry_date: string;
  /** JSON array of competency codes. */
  competencies: string;
  created_at: string;
  updated_at: string;
};

export type TrainingTables = {
  training_school_year: TrainingSchoolYearTable;
  training_class: TrainingClassTable;
  training_class_teacher: TrainingClassTeacherTable;
  training_group: TrainingGroupTable;
  training_student: TrainingStudentTable;
  training_scenario: TrainingScenarioTable;
  training_handout: TrainingHandoutTable;
  training_sandbox: TrainingSandboxTable;
  training_situation: TrainingSituationTable;
  training_situation_document: TrainingSituationDocumentTable;
  training_situation_check: TrainingSituationCheckTable;
  training_situation_result: TrainingSituationResultTable;
  training_assessment: TrainingAssessmentTable;
  training_portfolio_entry: TrainingPortfolioEntryTable;
} & TrainingPfmpTables;

export type SituationStatus = 'draft' | 'published';

export type TrainingSituationTable = {
  org_id: string;
  id: string;
  class_id: string;
  handout_id: string;
  title: string;
  statement: string;
  /** JSON string[]. */
  competencies: string;
  /** JSON string[]. */
  indicators: string;
  due_date: string | null;
  status: SituationStatus;
  created_by: string | null;
  created_at: string;
  updated_at: string;
};

export type TrainingSituationDocumentTable = {
  org_id: string;
  situation_id: string;
  document_id: string;
  position: number;
};

export type TrainingSituationCheckTable = {
  org_id: string;
  id: string;
  situation_id: string;
  position: number;
  label: string;
  entity: string;
  /** JSON CheckCondition[]. */
  conditions: string;
  count_mode: 'at_least' | 'exactly';
  expected_count: number;
  /** JSON string[]. */
  indicators: string;
};

export type TrainingSituationResultTable = {
  org_id: string;
  check_id: string;
  student_id: string;
  situation_id: string;
  passed: number;
  explanation: string;
  evaluated_at: string;
};

export type PfmpAgreementStatus = 'draft' | 'sent' | 'signed' | 'cancelled';
export type PfmpAttendanceStatus = 'present' | 'absent_justified' | 'absent_unjustified';

export type TrainingPfmpHostTable = {
  org_id: string;
  id: string;
  name: string;
  siret: string | null;
  address: string;
  sector: string;
  contact_name: string | null;
  contact_email: string | null;
  contact_phone: string | null;
  created_at: string;
};

export type TrainingPfmpTutorTable = {
  org_id: string;
  id: string;
  host_id: string;
  name: string;
  function: string;
  email: string | null;
  phone: string | null;
  created_at: string;
};

export type TrainingPfmpAgreementTable = {
  org_id: string;
  id: string;
  student_id: string;
  host_id: string;
  tutor_id: string | null;
  referent_user_id: string | null;
  school_year_id: string;
  level: ClassLevel;
  status: PfmpAgreementStatus;
  signed_on: string | null;
  activities_planned: string;
  assessment_comment: string | null;
  assessment_source: 'paper' | 'tutor' | null;
  assessed_on: string | null;
  created_at: string;
  updated_at: string;
};

export type TrainingPfmpPeriodTable = {
  org_id: string;
  id: string;
  agreement_id: string;
  starts_on: string;
  ends_on: string;
  created_at: string;
};

export type TrainingPfmpAttendanceTable = {
  org_id: string;
  period_id: string;
  day: string;
  status: PfmpAttendanceStatus;
  recorded_by: string | null;
  recorded_at: string;
};

export type TrainingPfmpActivityTable = {
  org_id: string;
  agreement_id: string;
  task_code: string;
  ticked_by: string | null;
  ticked_at: string;
};

export type TrainingPfmpAssessmentTable = {
  org_id: string;
  agreement_id: string;
  indicator_code: string;
  competency_code: string;
  level: number;
  comment: string | null;
  entered_by: string | null;
  entered_at: string;
};

/** A tutor's assessment link: only the token's SHA-256 is kept (decision 0029). */
export type TrainingPfmpTutorLinkTable = {
  org_id: string;
  id: string;
  agreement_id: string;
  token_hash: string;
  expires_at: string;
  created_by: string | null;
  created_at: string;
  revoked_at: string | null;
  revoked_by: string | null;
  used_at: string | null;
  signer_name: string | null;
  signer_function: string | null;
};

export type TrainingPfmpTables = {
  training_pfmp_host: TrainingPfmpHostTable;
  training_pfmp_tutor: TrainingPfmpTutorTable;
  training_pfmp_agreement: TrainingPfmpAgreementTable;
  training_pfmp_period: TrainingPfmpPeriodTable;
  training_pfmp_attendance: TrainingPfmpAttendanceTable;
  training_pfmp_activity: TrainingPfmpActivityTable;
  training_pfmp_assessment: TrainingPfmpAssessmentTable;
  training_pfmp_tutor_link: TrainingPfmpTutorLinkTable;
};
