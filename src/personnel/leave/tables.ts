import type { LeaveStatus, LeaveType } from './contract.ts';

export type PersonnelLeaveRequestTable = {
  org_id: string;
  id: string;
  employee_id: string;
  type: LeaveType;
  status: LeaveStatus;
  start_date: string;
  end_date: string;
  starts_afternoon: number;
  ends_morning: number;
  half_days: number;
  comment: string | null;
  decided_at: string | null;
  decided_by: string | null;
  decision_reason: string | null;
  cancelled_at: string | null;
  cancelled_by: string | null;
  cancel_reason: string | null;
  created_at: string;
  created_by: string | null;
  updated_at: string;
};
