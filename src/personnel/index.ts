// The public surface of the personnel module (area 3): the server mounts its routes; tests, the demo and
// the other modules use these functions. Everything else is private to the module.

export type { SocialDashboardDto } from './dashboard/contract.ts';
export { socialDashboard } from './dashboard/social-dashboard.ts';
export type {
  DepartureInput,
  EmployeeDto,
  EmployeeInput,
  PersonnelRegister,
  RegisterLine,
} from './employees/contract.ts';
export { departureInput, employeeInput } from './employees/contract.ts';
export {
  cancelDeparture,
  createEmployee,
  getEmployee,
  listEmployees,
  recordDeparture,
} from './employees/employee.ts';
export { updateEmployee } from './employees/employee-update.ts';
export { isValidNir, nirKey } from './employees/nir.ts';
export { personnelRegister, registerMentions } from './employees/register.ts';
export { registerTable } from './employees/register-table.ts';
export type {
  ExpenseReportDto,
  ExpenseReportInput,
  TravelOrderDto,
  TravelOrderInput,
} from './expenses/contract.ts';
export {
  annualMileageAllowance,
  expenseReportInput,
  mileageShares,
  paymentInput as expensePaymentInput,
  travelOrderInput,
} from './expenses/contract.ts';
export { expenseReportTable } from './expenses/expense-pdf.ts';
export { getExpenseReport, listExpenseReports } from './expenses/expense-read.ts';
export {
  cancelExpenseReport,
  createExpenseReport,
  reimburseExpenseReport,
  updateExpenseReport,
  validateExpenseReport,
} from './expenses/expense-report.ts';
export {
  approveTravelOrder,
  cancelTravelOrder,
  completeTravelOrder,
  createTravelOrder,
  getTravelOrder,
  listTravelOrders,
  payAdvance,
} from './expenses/travel-order.ts';
export type {
  LeaveBalanceDto,
  LeaveRequestDto,
  LeaveRequestInput,
  LeaveType,
  PlanningDto,
  UnpaidHoursDto,
} from './leave/contract.ts';
export { leaveRequestInput, refusalInput } from './leave/contract.ts';
export {
  approveLeaveRequest,
  cancelLeaveRequest,
  createLeaveRequest,
  refuseLeaveRequest,
} from './leave/leave.ts';
export {
  employeeLeaveBalance,
  getLeaveRequest,
  leaveBalances,
  leavePlanning,
  listLeaveRequests,
  unpaidAbsenceHours,
} from './leave/leave-read.ts';
export {
  generateChecklist,
  getTemplate,
  listChecklistItems,
  saveTemplate,
  updateChecklistItem,
} from './onboarding/checklist.ts';
export type { ChecklistItemDto, ChecklistList, TemplateDto } from './onboarding/contract.ts';
export { itemUpdateInput, templateInput } from './onboarding/contract.ts';
export type { DateInput, PayItemsInput, PayRunDto, PayRunInput, PayslipDto } from './payroll/contract.ts';
export { dateInput, payItemsInput, payRunInput } from './payroll/contract.ts';
export {
  cancelPayRun,
  createPayRun,
  deleteDraftPayRun,
  payPayRun,
  updatePayItems,
  validatePayRun,
} from './payroll/pay-run.ts';
export { getPayRun, getPayslip, listPayRuns } from './payroll/pay-run-read.ts';
export { computePayslip } from './payroll/payslip-calc.ts';
export type { ActionDto, ReviewList, TrainingSummary } from './professional-training/contract.ts';
export {
  actionInput as staffTrainingActionInput,
  reviewInput,
} from './professional-training/contract.ts';
export { recordReview, reviewsDue } from './professional-training/reviews.ts';
export {
  createAction as createStaffTrainingAction,
  enrolEmployee as enrolInStaffTraining,
  getAction as getStaffTrainingAction,
  listActions as listStaffTrainingActions,
  updateEnrolment as updateStaffTrainingEnrolment,
} from './professional-training/staff-training.ts';
export { trainingSummary as staffTrainingSummary } from './professional-training/summary.ts';
export {
  addApplicant,
  addInterview,
  hireApplicant,
  refuseApplicant,
  setApplicantStep,
} from './recruitment/applicant.ts';
export type { ApplicantDto, OpeningDetailDto, OpeningDto } from './recruitment/contract.ts';
export { applicantInput, interviewInput, openingInput } from './recruitment/contract.ts';
export { forbiddenCriteria } from './recruitment/discrimination.ts';
export {
  closeOpening,
  createOpening,
  getOpening,
  listOpenings,
  publishOpening,
} from './recruitment/opening.ts';
export { refusalLetterPdf } from './recruitment/refusal-letter.ts';
export { purgeApplicants, retentionDue } from './recruitment/retention.ts';
export { personnelRoutes } from './routes.ts';
