export type ComplaintStatus = 'open' | 'in_progress' | 'resolved' | 'closed';
export type ComplaintResolution = 'credit_note' | 'replacement' | 'refusal';

export type RelationsComplaintTable = {
  org_id: string;
  id: string;
  /** RE-2026-00001, gap-free, given at creation. */
  number: string;
  party_id: string;
  subject: string;
  description: string;
  received_on: string;
  deadline: string | null;
  status: ComplaintStatus;
  resolution: ComplaintResolution | null;
  /** Why: required for a refusal, free otherwise. */
  resolution_note: string | null;
  /** The credit note that settles the complaint (relations_invoice of kind credit_note). */
  credit_note_id: string | null;
  resolved_on: string | null;
  created_at: string;
  created_by: string | null;
  updated_at: string;
};

/** An invoice or a stored document the complaint is about. */
export type RelationsComplaintLinkTable = {
  org_id: string;
  id: string;
  complaint_id: string;
  invoice_id: string | null;
  document_id: string | null;
};

export type RelationsComplaintStepTable = {
  org_id: string;
  id: string;
  complaint_id: string;
  step_date: string;
  note: string;
  created_at: string;
  created_by: string | null;
};
