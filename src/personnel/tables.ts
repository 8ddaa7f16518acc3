// Every table of the personnel module, assembled for src/kernel/db/database.ts (type-only import there).
import type { PersonnelEmployeeTable } from './employees/tables.ts';
import type {
  PersonnelExpenseLineTable,
  PersonnelExpenseReportTable,
  PersonnelTravelOrderTable,
} from './expenses/tables.ts';
import type { PersonnelLeaveRequestTable } from './leave/tables.ts';
import type {
  PersonnelChecklistItemTable,
  PersonnelChecklistTemplateItemTable,
} from './onboarding/tables.ts';
import type {
  PersonnelPayRunTable,
  PersonnelPayslipLineTable,
  PersonnelPayslipTable,
} from './payroll/tables.ts';
import type {
  PersonnelProfessionalReviewTable,
  PersonnelStaffTrainingActionTable,
  PersonnelStaffTrainingEnrolmentTable,
} from './professional-training/tables.ts';
import type {
  PersonnelApplicantInterviewTable,
  PersonnelApplicantTable,
  PersonnelJobOpeningTable,
} from './recruitment/tables.ts';

export type PersonnelTables = {
  personnel_employee: PersonnelEmployeeTable;
  personnel_leave_request: PersonnelLeaveRequestTable;
  personnel_pay_run: PersonnelPayRunTable;
  personnel_payslip: PersonnelPayslipTable;
  personnel_payslip_line: PersonnelPayslipLineTable;
  personnel_travel_order: PersonnelTravelOrderTable;
  personnel_expense_report: PersonnelExpenseReportTable;
  personnel_expense_line: PersonnelExpenseLineTable;
  personnel_job_opening: PersonnelJobOpeningTable;
  personnel_applicant: PersonnelApplicantTable;
  personnel_applicant_interview: PersonnelApplicantInterviewTable;
  personnel_checklist_template_item: PersonnelChecklistTemplateItemTable;
  personnel_checklist_item: PersonnelChecklistItemTable;
  personnel_staff_training_action: PersonnelStaffTrainingActionTable;
  personnel_staff_training_enrolment: PersonnelStaffTrainingEnrolmentTable;
  personnel_professional_review: PersonnelProfessionalReviewTable;
};
