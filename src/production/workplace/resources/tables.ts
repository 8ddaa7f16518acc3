import type { ResourceCategory, ResourceState } from './contract.ts';

export type ProductionSharedResourceTable = {
  org_id: string;
  id: string;
  name: string;
  category: ResourceCategory;
  identifier: string | null;
  location: string | null;
  state: ResourceState;
  notes: string | null;
  created_at: string;
  created_by: string | null;
  updated_at: string;
};

export type ProductionResourceLoanTable = {
  org_id: string;
  id: string;
  resource_id: string;
  employee_id: string | null;
  borrower_name: string;
  out_on: string;
  due_on: string;
  state_out: ResourceState;
  remarks_out: string | null;
  returned_on: string | null;
  state_returned: ResourceState | null;
  remarks_returned: string | null;
  created_at: string;
  created_by: string | null;
  returned_at: string | null;
  returned_by: string | null;
};

export type ProductionResourceBookingTable = {
  org_id: string;
  id: string;
  resource_id: string;
  employee_id: string | null;
  borrower_name: string;
  from_date: string;
  to_date: string;
  purpose: string | null;
  status: 'booked' | 'cancelled';
  created_at: string;
  created_by: string | null;
  cancelled_at: string | null;
};
