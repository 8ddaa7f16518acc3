// Every table of the production module, assembled for src/kernel/db/database.ts (type-only import there).
import type {
  ProductionSupplierBillLineTable,
  ProductionSupplierBillTable,
  ProductionSupplierPaymentTable,
} from './purchases/tables.ts';
import type { ProductionVatReturnTable } from './vat-returns/tables.ts';

export type ProductionTables = {
  production_supplier_bill: ProductionSupplierBillTable;
  production_supplier_bill_line: ProductionSupplierBillLineTable;
  production_supplier_payment: ProductionSupplierPaymentTable;
  production_vat_return: ProductionVatReturnTable;
};
