import type { FormalityCategory, FormalityPeriodicity } from './contract.ts';

export type ProductionFormalityTable = {
  org_id: string;
  id: string;
  title: string;
  party_id: string | null;
  partner_name: string | null;
  category: FormalityCategory;
  periodicity: FormalityPeriodicity;
  first_due_on: string;
  done_count: number;
  responsible: string | null;
  reminder_days: number;
  notes: string | null;
  status: 'active' | 'done';
  created_at: string;
  created_by: string | null;
  updated_at: string;
};

export type ProductionFormalityCompletionTable = {
  org_id: string;
  id: string;
  formality_id: string;
  due_on: string;
  done_on: string;
  reference: string | null;
  note: string | null;
  created_at: string;
  created_by: string | null;
};
