import type { ContractType } from '../employees/tables.ts';

export type OpeningStatus = 'draft' | 'published' | 'closed' | 'filled';
export type ApplicantStatus = 'received' | 'preselected' | 'interview' | 'offer' | 'hired' | 'refused';

export type PersonnelJobOpeningTable = {
  org_id: string;
  id: string;
  title: string;
  service: string | null;
  contract_type: ContractType;
  /** Hundredths of an hour a week (3500 is 35 h). */
  weekly_hours: number;
  /** Monthly gross range, integer cents. */
  salary_min: number | null;
  salary_max: number | null;
  place: string | null;
  description: string;
  /** JSON array of channels (france_travail, website, social_networks, job_board, other). */
  channels: string;
  opens_on: string | null;
  closes_on: string | null;
  status: OpeningStatus;
  published_at: string | null;
  created_at: string;
  created_by: string | null;
  updated_at: string;
};

export type PersonnelApplicantTable = {
  org_id: string;
  id: string;
  opening_id: string;
  last_name: string;
  first_name: string;
  email: string | null;
  phone: string | null;
  cv_received_on: string;
  source: string | null;
  status: ApplicantStatus;
  refused_on: string | null;
  /** The last exchange with the applicant: the CNIL's two years of retention run from it. */
  last_contact_on: string;
  employee_id: string | null;
  notes: string | null;
  created_at: string;
  created_by: string | null;
  updated_at: string;
};

export type PersonnelApplicantInterviewTable = {
  org_id: string;
  id: string;
  applicant_id: string;
  held_on: string;
  interviewers: string;
  notes: string | null;
  created_at: string;
  created_by: string | null;
};
