// The public surface of the relations module (area 1): the server mounts its routes; other modules, the
// demo and the benches use these functions. Everything else is private to the module.

export { createCatalogueItem, getCatalogueItem, listCatalogueItems } from './catalogue/catalogue.ts';
export type { CatalogueItemDto, CatalogueItemInput } from './catalogue/contract.ts';
export { catalogueItemInput } from './catalogue/contract.ts';
export { createComplaint, resolveComplaint } from './complaints/complaint.ts';
export { complaintInput, complaintResolveInput } from './complaints/contract.ts';
export { eventInput } from './events/contract.ts';
export { addGuests, createEvent, setGuestStatus } from './events/event.ts';
export type { InvoiceSettingsDto, InvoiceSettingsInput } from './invoice-settings/contract.ts';
export { invoiceSettingsInput } from './invoice-settings/contract.ts';
export { getInvoiceSettings, saveInvoiceSettings } from './invoice-settings/invoice-settings.ts';
export type { InvoiceDraftInput, InvoiceDto, InvoicePage } from './invoices/contract.ts';
export { invoiceDraftInput } from './invoices/contract.ts';
export { invoiceToCii } from './invoices/factur-x/cii.ts';
export { facturXPdf } from './invoices/factur-x/factur-x.ts';
export type { IssuedInvoice } from './invoices/factur-x/model.ts';
export {
  createCreditNote,
  createInvoiceDraft,
  deleteInvoiceDraft,
  updateInvoiceDraft,
} from './invoices/invoice.ts';
export { invoicePdf, issueInvoiceDocument } from './invoices/invoice-document.ts';
export { getInvoice, listInvoices } from './invoices/invoice-read.ts';
// The EN 16931 totals and the VAT rates of data/vat.json, pure: supplier bills reuse them (area 2).
export { invoiceTotals } from './invoices/invoice-totals.ts';
export { validateInvoice } from './invoices/invoice-validation.ts';
// The output VAT due over a period, from the sales documents: the VAT return of area 2 reads it.
export { type CollectedVat, collectedVat } from './invoices/vat-collected.ts';
export { recordConsent } from './privacy/consents.ts';
export { consentInput } from './privacy/contract.ts';
export { eraseParty } from './privacy/erasure.ts';
export { addTargets, createCampaign } from './prospecting/campaign.ts';
export { actionInput, campaignInput, targetFilterInput } from './prospecting/contract.ts';
export { quoteForTarget, recordAction } from './prospecting/prospect-actions.ts';
export { publicationInput } from './publications/contract.ts';
export { savePublication } from './publications/publication.ts';
export type { AgedReceivablesDto, DepositSlipDto, ReceiptDto, ReceiptInput } from './receipts/contract.ts';
export { creditUseInput, depositSlipInput, receiptInput } from './receipts/contract.ts';
export { customerCredit, useCustomerCredit } from './receipts/customer-credit.ts';
export { createDepositSlip, depositSlipPdf } from './receipts/deposit-slip.ts';
// The age buckets of receivables, pure: aged payables reuse them (area 2, decision 0033).
export { addToBuckets, emptyBuckets } from './receipts/payment-status.ts';
export { cancelReceipt, recordReceipt } from './receipts/receipt.ts';
export { getReceipt, listReceipts } from './receipts/receipt-read.ts';
export { agedReceivables } from './receipts/receivables.ts';
export { FILE_SECTIONS, type FileSection } from './records/customer-file.ts';
export type { ReminderDto, ReminderInput } from './reminders/contract.ts';
export { reminderInput } from './reminders/contract.ts';
export { createReminder, listReminders } from './reminders/reminder.ts';
export { emailReminder, issueReminderDocument } from './reminders/reminder-issue.ts';
export { requestFormSettingsInput, requestInput, requestTemplateInput } from './requests/contract.ts';
export { answerRequest, createRequest } from './requests/request.ts';
export { saveRequestFormSettings } from './requests/request-form.ts';
export { saveRequestTemplate } from './requests/request-templates.ts';
export { PUBLIC_REQUEST_ROUTES } from './requests/routes.ts';
export { relationsRoutes } from './routes.ts';
export { deliveryInput, quoteInput } from './sales/contract.ts';
// The delivered lines of catalogue items: the stock of area 2 pulls them (decision 0042).
export { type DeliveredLine, deliveredLines } from './sales/delivered-lines.ts';
export { createDeliveryNote } from './sales/delivery-notes.ts';
export { createSalesDraft } from './sales/documents.ts';
export { invoiceOrder } from './sales/order-invoicing.ts';
export { acceptQuote, refuseQuote, sendQuote } from './sales/quotes.ts';
// Letters on A4 (the refusal letter of an applicant, area 3, decision 0045).
export { type Letter, lettersPdf } from './shared/letter-pdf.ts';
export { formatRate, isKnownVatRate, vatRates } from './shared/vat-rates.ts';
