export type ChecklistKind = 'onboarding' | 'offboarding';
export type ChecklistItemStatus = 'todo' | 'done' | 'not_applicable';

/** The organisation's own template; while it has none, the built-in one (checklist-template.ts) is used. */
export type PersonnelChecklistTemplateItemTable = {
  org_id: string;
  id: string;
  kind: ChecklistKind;
  position: number;
  label: string;
  /** Due date = hire (or departure) date + months + days (days may be negative). */
  offset_months: number;
  offset_days: number;
  legal_ref: string | null;
};

export type PersonnelChecklistItemTable = {
  org_id: string;
  id: string;
  employee_id: string;
  kind: ChecklistKind;
  position: number;
  label: string;
  legal_ref: string | null;
  due_on: string;
  status: ChecklistItemStatus;
  done_on: string | null;
  done_by: string | null;
  done_by_name: string | null;
  created_at: string;
  updated_at: string;
};
