// Every table of the relations module, assembled for src/kernel/db/database.ts (type-only import there).
import type { RelationsCatalogueItemTable } from './catalogue/tables.ts';
import type {
  RelationsComplaintLinkTable,
  RelationsComplaintStepTable,
  RelationsComplaintTable,
} from './complaints/tables.ts';
import type {
  RelationsEventCostTable,
  RelationsEventGuestTable,
  RelationsEventTable,
} from './events/tables.ts';
import type { RelationsInvoiceSettingsTable } from './invoice-settings/tables.ts';
import type {
  RelationsInvoiceDocumentTable,
  RelationsInvoiceLineTable,
  RelationsInvoiceTable,
} from './invoices/tables.ts';
import type { RelationsConsentTable } from './privacy/tables.ts';
import type {
  RelationsCampaignActionTable,
  RelationsCampaignTable,
  RelationsCampaignTargetTable,
} from './prospecting/tables.ts';
import type { RelationsPublicationTable } from './publications/tables.ts';
import type {
  RelationsDepositSlipTable,
  RelationsReceiptAllocationTable,
  RelationsReceiptTable,
} from './receipts/tables.ts';
import type { RelationsReminderInvoiceTable, RelationsReminderTable } from './reminders/tables.ts';
import type {
  RelationsRequestFormTable,
  RelationsRequestTable,
  RelationsRequestTemplateTable,
} from './requests/tables.ts';
import type {
  RelationsContractLineTable,
  RelationsContractTable,
  RelationsSalesDocumentLineTable,
  RelationsSalesDocumentTable,
  RelationsSalesInvoiceLineTable,
  RelationsSalesInvoiceTable,
} from './sales/tables.ts';

export type RelationsTables = {
  relations_catalogue_item: RelationsCatalogueItemTable;
  relations_invoice_settings: RelationsInvoiceSettingsTable;
  relations_invoice: RelationsInvoiceTable;
  relations_invoice_line: RelationsInvoiceLineTable;
  relations_invoice_document: RelationsInvoiceDocumentTable;
  relations_event: RelationsEventTable;
  relations_event_cost: RelationsEventCostTable;
  relations_event_guest: RelationsEventGuestTable;
  relations_campaign: RelationsCampaignTable;
  relations_campaign_target: RelationsCampaignTargetTable;
  relations_campaign_action: RelationsCampaignActionTable;
  relations_sales_document: RelationsSalesDocumentTable;
  relations_sales_document_line: RelationsSalesDocumentLineTable;
  relations_contract: RelationsContractTable;
  relations_contract_line: RelationsContractLineTable;
  relations_sales_invoice: RelationsSalesInvoiceTable;
  relations_sales_invoice_line: RelationsSalesInvoiceLineTable;
  relations_receipt: RelationsReceiptTable;
  relations_receipt_allocation: RelationsReceiptAllocationTable;
  relations_deposit_slip: RelationsDepositSlipTable;
  relations_reminder: RelationsReminderTable;
  relations_reminder_invoice: RelationsReminderInvoiceTable;
  relations_request: RelationsRequestTable;
  relations_request_template: RelationsRequestTemplateTable;
  relations_request_form: RelationsRequestFormTable;
  relations_complaint: RelationsComplaintTable;
  relations_complaint_link: RelationsComplaintLinkTable;
  relations_complaint_step: RelationsComplaintStepTable;
  relations_publication: RelationsPublicationTable;
  relations_consent: RelationsConsentTable;
};
