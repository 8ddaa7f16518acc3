export type OrganisationKind = 'company' | 'association' | 'public_body' | 'health_social';
export type VatRegime = 'normal_monthly' | 'normal_quarterly' | 'simplified' | 'franchise' | 'not_liable';
export type Role = 'owner' | 'assistant' | 'accountant' | 'hr' | 'viewer' | 'teacher' | 'student';

export type OrganisationTable = {
  org_id: string;
  name: string;
  legal_form: string | null;
  kind: OrganisationKind;
  siren: string | null;
  siret: string | null;
  vat_number: string | null;
  address_line1: string | null;
  address_line2: string | null;
  postal_code: string | null;
  city: string | null;
  country: string;
  email: string | null;
  phone: string | null;
  fiscal_year_start: string;
  vat_regime: VatRegime;
  time_zone: string;
  copied_from: string | null;
  /** 1 for the starting point of a training scenario (issue 5). */
  is_template: number;
  /** The scenario's "today" in a template or a sandbox; null for a real organisation. */
  simulated_today: string | null;
  created_at: string;
  updated_at: string;
};

export type AppUserTable = {
  id: string;
  email: string;
  name: string;
  password_hash: string;
  locale: string;
  disabled_at: string | null;
  created_at: string;
};

export type MembershipTable = { org_id: string; user_id: string; role: Role; created_at: string };

export type SessionTable = {
  id: string;
  user_id: string;
  csrf_token: string;
  created_at: string;
  last_seen_at: string;
  expires_at: string;
  revoked_at: string | null;
};

export type IdempotencyRecordTable = {
  org_id: string;
  id: string;
  user_id: string;
  route: string;
  status: number;
  body: string;
  created_at: string;
};
