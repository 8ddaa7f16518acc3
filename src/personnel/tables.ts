// Every table of the personnel module, assembled for src/kernel/db/database.ts (type-only import there).
import type { PersonnelEmployeeTable } from './employees/tables.ts';
import type {
  PersonnelExpenseLineTable,
  PersonnelExpenseReportTable,
  PersonnelTravelOrderTable,
} from './expenses/tables.ts';
import type { PersonnelLeaveRequestTable } from './leave/tables.ts';
import type {
  PersonnelPayRunTable,
  PersonnelPayslipLineTable,
  PersonnelPayslipTable,
} from './payroll/tables.ts';

export type PersonnelTables = {
  personnel_employee: PersonnelEmployeeTable;
  personnel_leave_request: PersonnelLeaveRequestTable;
  personnel_pay_run: PersonnelPayRunTable;
  personnel_payslip: PersonnelPayslipTable;
  personnel_payslip_line: PersonnelPayslipLineTable;
  personnel_travel_order: PersonnelTravelOrderTable;
  personnel_expense_report: PersonnelExpenseReportTable;
  personnel_expense_line: PersonnelExpenseLineTable;
};
