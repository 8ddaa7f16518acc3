// Every table of the relations module, assembled for src/kernel/db/database.ts (type-only import there).
import type { RelationsCatalogueItemTable } from './catalogue/tables.ts';
import type {
  RelationsComplaintLinkTable,
  RelationsComplaintStepTable,
  RelationsComplaintTable,
} from './complaints/tables.ts';
import type { RelationsInvoiceSettingsTable } from './invoice-settings/tables.ts';
import type {
  RelationsInvoiceDocumentTable,
  RelationsInvoiceLineTable,
  RelationsInvoiceTable,
} from './invoices/tables.ts';
import type { RelationsConsentTable } from './privacy/tables.ts';
import type { RelationsPublicationTable } from './publications/tables.ts';
import type {
  RelationsRequestFormTable,
  RelationsRequestTable,
  RelationsRequestTemplateTable,
} from './requests/tables.ts';

export type RelationsTables = {
  relations_catalogue_item: RelationsCatalogueItemTable;
  relations_invoice_settings: RelationsInvoiceSettingsTable;
  relations_invoice: RelationsInvoiceTable;
  relations_invoice_line: RelationsInvoiceLineTable;
  relations_invoice_document: RelationsInvoiceDocumentTable;
  relations_request: RelationsRequestTable;
  relations_request_template: RelationsRequestTemplateTable;
  relations_request_form: RelationsRequestFormTable;
  relations_complaint: RelationsComplaintTable;
  relations_complaint_link: RelationsComplaintLinkTable;
  relations_complaint_step: RelationsComplaintStepTable;
  relations_publication: RelationsPublicationTable;
  relations_consent: RelationsConsentTable;
};
