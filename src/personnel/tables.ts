// Every table of the personnel module, assembled for src/kernel/db/database.ts (type-only import there).
import type { PersonnelEmployeeTable } from './employees/tables.ts';
import type { PersonnelLeaveRequestTable } from './leave/tables.ts';

export type PersonnelTables = {
  personnel_employee: PersonnelEmployeeTable;
  personnel_leave_request: PersonnelLeaveRequestTable;
};
