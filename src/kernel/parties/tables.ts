export type PartyKind = 'person' | 'organisation';
export type PartyRole =
  | 'customer'
  | 'user'
  | 'member'
  | 'prospect'
  | 'supplier'
  | 'subcontractor'
  | 'provider';
export type AddressKind = 'billing' | 'delivery' | 'head_office' | 'other';

export type PartyTable = {
  org_id: string;
  id: string;
  kind: PartyKind;
  name: string;
  sort_key: string;
  legal_form: string | null;
  siren: string | null;
  siret: string | null;
  vat_number: string | null;
  email: string | null;
  phone: string | null;
  website: string | null;
  iban: string | null;
  bic: string | null;
  notes: string | null;
  archived_at: string | null;
  created_at: string;
  updated_at: string;
};

export type PartyRoleTable = { org_id: string; party_id: string; role: PartyRole };

export type PartyContactTable = {
  org_id: string;
  id: string;
  party_id: string;
  position: number;
  name: string;
  job_title: string | null;
  email: string | null;
  phone: string | null;
};

export type PartyAddressTable = {
  org_id: string;
  id: string;
  party_id: string;
  position: number;
  kind: AddressKind;
  line1: string;
  line2: string | null;
  postal_code: string;
  city: string;
  country: string;
};
