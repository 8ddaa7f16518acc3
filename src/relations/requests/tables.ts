export type RequestChannel = 'phone' | 'email' | 'counter' | 'web_form';
export type RequestStatus = 'new' | 'in_progress' | 'answered' | 'closed';

export type RelationsRequestTable = {
  org_id: string;
  id: string;
  channel: RequestChannel;
  /** Null for an unknown sender (a web form from someone not yet in the parties). */
  party_id: string | null;
  sender_name: string | null;
  sender_email: string | null;
  sender_phone: string | null;
  category: string | null;
  subject: string;
  message: string;
  /** A member of the organisation (app_user id). */
  assignee_id: string | null;
  status: RequestStatus;
  received_at: string;
  due_date: string | null;
  answer: string | null;
  answered_at: string | null;
  answered_by: string | null;
  created_at: string;
  created_by: string | null;
  updated_at: string;
};

export type RelationsRequestTemplateTable = {
  org_id: string;
  id: string;
  name: string;
  category: string | null;
  body: string;
  created_at: string;
  updated_at: string;
};

/** One row per organisation: its public request form. */
export type RelationsRequestFormTable = {
  org_id: string;
  enabled: number;
  intro: string | null;
  /** JSON array of the categories a visitor may choose. */
  categories: string;
  /** Random key signing the form's fill-time tokens (never leaves the server). */
  secret: string;
  answer_days: number;
  updated_at: string;
};
