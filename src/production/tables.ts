// Every table of the production module, assembled for src/kernel/db/database.ts (type-only import there).
import type { ProductionFormalityCompletionTable, ProductionFormalityTable } from './formalities/tables.ts';
import type {
  ProductionSupplierBillLineTable,
  ProductionSupplierBillTable,
  ProductionSupplierPaymentTable,
} from './purchases/tables.ts';
import type {
  ProductionStockCountLineTable,
  ProductionStockCountTable,
  ProductionStockItemTable,
  ProductionStockMovementTable,
  ProductionStockVariationTable,
} from './stock/tables.ts';
import type {
  ProductionBankAccountTable,
  ProductionBankLineTable,
  ProductionBankMatchTable,
  ProductionBankStatementTable,
  ProductionCashForecastTable,
} from './treasury/tables.ts';
import type { ProductionVatReturnTable } from './vat-returns/tables.ts';
import type { ProductionWorkplaceContractTable } from './workplace/contracts/tables.ts';
import type {
  ProductionMeetingActionTable,
  ProductionMeetingAgendaItemTable,
  ProductionMeetingParticipantTable,
  ProductionMeetingTable,
} from './workplace/meetings/tables.ts';
import type {
  ProductionNoticeAckTable,
  ProductionNoticeTable,
  ProductionStaffPostingTable,
} from './workplace/notices/tables.ts';
import type {
  ProductionResourceBookingTable,
  ProductionResourceLoanTable,
  ProductionSharedResourceTable,
} from './workplace/resources/tables.ts';

export type ProductionTables = {
  production_bank_account: ProductionBankAccountTable;
  production_bank_line: ProductionBankLineTable;
  production_bank_match: ProductionBankMatchTable;
  production_bank_statement: ProductionBankStatementTable;
  production_cash_forecast: ProductionCashForecastTable;
  production_stock_count: ProductionStockCountTable;
  production_stock_count_line: ProductionStockCountLineTable;
  production_stock_item: ProductionStockItemTable;
  production_stock_movement: ProductionStockMovementTable;
  production_stock_variation: ProductionStockVariationTable;
  production_supplier_bill: ProductionSupplierBillTable;
  production_supplier_bill_line: ProductionSupplierBillLineTable;
  production_supplier_payment: ProductionSupplierPaymentTable;
  production_vat_return: ProductionVatReturnTable;
  production_meeting: ProductionMeetingTable;
  production_meeting_action: ProductionMeetingActionTable;
  production_meeting_agenda_item: ProductionMeetingAgendaItemTable;
  production_meeting_participant: ProductionMeetingParticipantTable;
  production_notice: ProductionNoticeTable;
  production_notice_ack: ProductionNoticeAckTable;
  production_staff_posting: ProductionStaffPostingTable;
  production_workplace_contract: ProductionWorkplaceContractTable;
  production_shared_resource: ProductionSharedResourceTable;
  production_resource_loan: ProductionResourceLoanTable;
  production_resource_booking: ProductionResourceBookingTable;
  production_formality: ProductionFormalityTable;
  production_formality_completion: ProductionFormalityCompletionTable;
};
