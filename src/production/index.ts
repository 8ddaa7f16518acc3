// The public surface of the production module (area 2): the server mounts its routes; tests and the
// demo use these functions. Everything else is private to the module.

export { formalityCalendar } from './formalities/calendar.ts';
export type { FormalityDto, FormalityInput } from './formalities/contract.ts';
export { completionInput, formalityInput } from './formalities/contract.ts';
export { getFormality, listFormalities } from './formalities/formality-read.ts';
export { completeFormality, createFormality } from './formalities/formality-register.ts';
export {
  cancelBill,
  cancelPayment,
  createBill,
  payBill,
  updateBill,
  validateBill,
} from './purchases/bill.ts';
export { getBill, listBills } from './purchases/bill-read.ts';
export type { AgedPayablesDto, BillDto, BillInput, PaymentInput } from './purchases/contract.ts';
export { billInput, payablesQuery, paymentInput } from './purchases/contract.ts';
export { agedPayables } from './purchases/payables.ts';
export { productionRoutes } from './routes.ts';
export type { StockCardDto, StockCountDto, StockItemDto, StockStatusDto } from './stock/contract.ts';
export { countLinesInput, movementInput, stockItemInput, variationInput } from './stock/contract.ts';
export { deliveriesToIssue, issueDeliveries } from './stock/deliveries.ts';
export { correctMovement, recordMovement } from './stock/movements.ts';
export { getStockCard } from './stock/stock-card.ts';
export {
  enterCountedQuantities,
  getStockCount,
  openStockCount,
  validateStockCount,
} from './stock/stock-count.ts';
export { stockCardTable } from './stock/stock-exports.ts';
export { createStockItem, getStockItem, updateStockItem } from './stock/stock-items.ts';
export { reorderProposal, stockStatus } from './stock/stock-status.ts';
export { postStockVariation } from './stock/stock-variation.ts';
export { importStatementFile } from './treasury/bank-import.ts';
export { cashPlan } from './treasury/cash-plan/cash-plan.ts';
export type { CashPlanDto, ForecastDto } from './treasury/cash-plan/contract.ts';
export { cashPlanQuery, forecastInput } from './treasury/cash-plan/contract.ts';
export { createForecast, deleteForecast } from './treasury/cash-plan/forecasts.ts';
export type {
  ImportReport,
  ReconciliationDto,
  StatementDto,
  StatementList,
  WorkspaceDto,
} from './treasury/contract.ts';
export { importQuery, postLineInput } from './treasury/contract.ts';
export { parseStatementFile } from './treasury/parse-file.ts';
export {
  autoMatchAccount,
  getWorkspace,
  matchManually,
  postBankLine,
  unmatch,
} from './treasury/reconciliation.ts';
export { reconciliationAt, reconciliationTable } from './treasury/reconciliation-report.ts';
export { getStatement, listStatements } from './treasury/statement-read.ts';
export type { VatReturnDto, VatReturnListDto } from './vat-returns/contract.ts';
export { vatPaymentInput } from './vat-returns/contract.ts';
export { fileVatReturn, getVatReturn, listVatReturns, payVatReturn } from './vat-returns/vat-return.ts';
export type { ContractDto, ContractInput } from './workplace/contracts/contract.ts';
export { contractInput, terminationInput } from './workplace/contracts/contract.ts';
export { getContract, listContracts } from './workplace/contracts/contract-read.ts';
export {
  createContract,
  terminateContract,
  updateContract,
} from './workplace/contracts/contract-register.ts';
export { contractCosts, contractSchedule } from './workplace/contracts/schedule.ts';
export type { MeetingDto, MeetingInput } from './workplace/meetings/contract.ts';
export { attendanceInput, meetingInput, minutesInput } from './workplace/meetings/contract.ts';
export { conveneMeeting, invitationIcs } from './workplace/meetings/convocation.ts';
export { cancelMeeting, createMeeting, updateMeeting } from './workplace/meetings/meeting.ts';
export { getMeeting, listMeetingActions, listMeetings } from './workplace/meetings/meeting-read.ts';
export {
  approveMinutes,
  recordAttendance,
  recordMinutes,
  setActionDone,
} from './workplace/meetings/meeting-session.ts';
export type { NoticeDto, NoticeInput } from './workplace/notices/contract.ts';
export { noticeInput, postingInput } from './workplace/notices/contract.ts';
export {
  acknowledgeNotice,
  createNotice,
  getNotice,
  listNotices,
  publishNotice,
  updateNotice,
} from './workplace/notices/notice.ts';
export { postingChecklist, recordPosting } from './workplace/notices/staff-postings.ts';
export { cancelBooking, createBooking, listBookings } from './workplace/resources/booking.ts';
export type { LoanDto, ResourceDto } from './workplace/resources/contract.ts';
export { bookingInput, loanInput, resourceInput, returnInput } from './workplace/resources/contract.ts';
export { lendResource, returnLoan } from './workplace/resources/loan.ts';
export { getLoan, listLoans } from './workplace/resources/loan-read.ts';
export { createResource, getResource, listResources } from './workplace/resources/resource.ts';
