export type TrainingFunding = 'opco' | 'cpf' | 'employer';
export type EnrolmentStatus = 'planned' | 'done' | 'cancelled';
export type ReviewKind = 'review' | 'summary';

/** An action of the plan de développement des compétences (« formation professionnelle »). */
export type PersonnelStaffTrainingActionTable = {
  org_id: string;
  id: string;
  title: string;
  provider: string;
  starts_on: string;
  ends_on: string;
  /** Hundredths of an hour per trainee (14 h is 1400). */
  hours: number;
  /** Whole cost of the action, integer cents. */
  cost: number;
  funding: TrainingFunding;
  notes: string | null;
  created_at: string;
  created_by: string | null;
  updated_at: string;
};

export type PersonnelStaffTrainingEnrolmentTable = {
  org_id: string;
  id: string;
  action_id: string;
  employee_id: string;
  status: EnrolmentStatus;
  attestation_received: number;
  created_at: string;
  updated_at: string;
};

/** An entretien de parcours professionnel held, or the état des lieux récapitulatif (L6315-1). */
export type PersonnelProfessionalReviewTable = {
  org_id: string;
  id: string;
  employee_id: string;
  kind: ReviewKind;
  held_on: string;
  notes: string | null;
  created_at: string;
  created_by: string | null;
};
