// Every table of the production module, assembled for src/kernel/db/database.ts (type-only import there).
import type {
  ProductionSupplierBillLineTable,
  ProductionSupplierBillTable,
  ProductionSupplierPaymentTable,
} from './purchases/tables.ts';
import type {
  ProductionBankAccountTable,
  ProductionBankLineTable,
  ProductionBankMatchTable,
  ProductionBankStatementTable,
} from './treasury/tables.ts';
import type { ProductionVatReturnTable } from './vat-returns/tables.ts';
import type { ProductionWorkplaceContractTable } from './workplace/contracts/tables.ts';
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
  production_supplier_bill: ProductionSupplierBillTable;
  production_supplier_bill_line: ProductionSupplierBillLineTable;
  production_supplier_payment: ProductionSupplierPaymentTable;
  production_vat_return: ProductionVatReturnTable;
  production_workplace_contract: ProductionWorkplaceContractTable;
  production_shared_resource: ProductionSharedResourceTable;
  production_resource_loan: ProductionResourceLoanTable;
  production_resource_booking: ProductionResourceBookingTable;
};
