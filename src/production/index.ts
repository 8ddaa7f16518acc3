// The public surface of the production module (area 2): the server mounts its routes; tests and the
// demo use these functions. Everything else is private to the module.

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
export { importStatementFile } from './treasury/bank-import.ts';
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
export { cancelBooking, createBooking, listBookings } from './workplace/resources/booking.ts';
export type { LoanDto, ResourceDto } from './workplace/resources/contract.ts';
export { bookingInput, loanInput, resourceInput, returnInput } from './workplace/resources/contract.ts';
export { lendResource, returnLoan } from './workplace/resources/loan.ts';
export { getLoan, listLoans } from './workplace/resources/loan-read.ts';
export { createResource, getResource, listResources } from './workplace/resources/resource.ts';
