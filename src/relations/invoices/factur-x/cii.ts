import { create } from 'xmlbuilder2';
import type { XMLBuilder } from 'xmlbuilder2/lib/interfaces.js';
import { formatPlain } from '../../../kernel/money/index.ts';
import { fromScaledInteger } from '../../shared/scaled.ts';
import type { VatCategory } from '../invoice-totals.ts';
import type { PostalAddress } from '../issued.ts';
import { legalMentions } from '../legal-mentions.ts';
import type { IssuedInvoice } from './model.ts';

// The Factur-X XML (UN/CEFACT CII D16B, profile EN 16931) of an issued invoice. Pure: the same invoice
// always gives the same bytes. Element order follows the CII schema, which is a strict sequence.

export const EN16931_GUIDELINE = 'urn:cen.eu:en16931:2017';

const NS = {
  'xmlns:rsm': 'urn:un:unece:uncefact:data:standard:CrossIndustryInvoice:100',
  'xmlns:qdt': 'urn:un:unece:uncefact:data:standard:QualifiedDataType:100',
  'xmlns:ram': 'urn:un:unece:uncefact:data:standard:ReusableAggregateBusinessInformationEntity:100',
  'xmlns:udt': 'urn:un:unece:uncefact:data:standard:UnqualifiedDataType:100',
};

const amount = formatPlain;
const percent = (hundredths: number) => fromScaledInteger(hundredths, 2);
const date102 = (isoDate: string) => isoDate.replaceAll('-', '');

function leaf(parent: XMLBuilder, name: string, text: string, attributes?: Record<string, string>) {
  parent.ele(name, attributes).txt(text);
}

function dateTime(parent: XMLBuilder, name: string, isoDate: string, prefix: 'udt' | 'qdt' = 'udt') {
  parent.ele(name).ele(`${prefix}:DateTimeString`, { format: '102' }).txt(date102(isoDate));
}

function address(parent: XMLBuilder, a: PostalAddress) {
  const node = parent.ele('ram:PostalTradeAddress');
  leaf(node, 'ram:PostcodeCode', a.postalCode);
  leaf(node, 'ram:LineOne', a.line1);
  if (a.line2) leaf(node, 'ram:LineTwo', a.line2);
  leaf(node, 'ram:CityName', a.city);
  leaf(node, 'ram:CountryID', a.country);
}

/** Category and rate; "not subject to VAT" carries no rate (BR-O-05, BR-O-06, BR-48). */
function taxCategory(parent: XMLBuilder, category: VatCategory, rate: number) {
  leaf(parent, 'ram:CategoryCode', category);
  if (category !== 'O') leaf(parent, 'ram:RateApplicablePercent', percent(rate));
}

function seller(parent: XMLBuilder, invoice: IssuedInvoice, outsideVat: boolean) {
  const { seller } = invoice.issued;
  const node = parent.ele('ram:SellerTradeParty');
  leaf(node, 'ram:Name', seller.name);
  // BT-30: the SIREN, scheme 0002 (INSEE's SIRENE register).
  if (seller.siren)
    node.ele('ram:SpecifiedLegalOrganization').ele('ram:ID', { schemeID: '0002' }).txt(seller.siren);
  if (seller.address) address(node, seller.address);
  if (seller.vatNumber && !outsideVat)
    node.ele('ram:SpecifiedTaxRegistration').ele('ram:ID', { schemeID: 'VA' }).txt(seller.vatNumber);
  else if (seller.siren && seller.vatRegime === 'franchise')
    // Under the franchise there is often no VAT number; BR-E-02 then takes the local tax id (BT-32).
    node.ele('ram:SpecifiedTaxRegistration').ele('ram:ID', { schemeID: 'FC' }).txt(seller.siren);
}

function buyer(parent: XMLBuilder, invoice: IssuedInvoice, outsideVat: boolean) {
  const { customer } = invoice.issued;
  const node = parent.ele('ram:BuyerTradeParty');
  leaf(node, 'ram:Name', customer.name);
  if (customer.siren)
    node.ele('ram:SpecifiedLegalOrganization').ele('ram:ID', { schemeID: '0002' }).txt(customer.siren);
  if (customer.address) address(node, customer.address);
  if (customer.vatNumber && !outsideVat)
    node.ele('ram:SpecifiedTaxRegistration').ele('ram:ID', { schemeID: 'VA' }).txt(customer.vatNumber);
}

function line(parent: XMLBuilder, l: IssuedInvoice['lines'][number]) {
  const item = parent.ele('ram:IncludedSupplyChainTradeLineItem');
  leaf(item.ele('ram:AssociatedDocumentLineDocument'), 'ram:LineID', String(l.position + 1));
  const product = item.ele('ram:SpecifiedTradeProduct');
  if (l.code) leaf(product, 'ram:SellerAssignedID', l.code);
  leaf(product, 'ram:Name', l.label);
  if (l.description) leaf(product, 'ram:Description', l.description);
  // The discount is a line allowance (BG-27), so the net price is the catalogue price (BT-146).
  leaf(
    item.ele('ram:SpecifiedLineTradeAgreement').ele('ram:NetPriceProductTradePrice'),
    'ram:ChargeAmount',
    fromScaledInteger(l.unitPrice, 4),
  );
  leaf(item.ele('ram:SpecifiedLineTradeDelivery'), 'ram:BilledQuantity', fromScaledInteger(l.quantity, 3), {
    unitCode: l.unit,
  });
  const settlement = item.ele('ram:SpecifiedLineTradeSettlement');
  const tax = settlement.ele('ram:ApplicableTradeTax');
  leaf(tax, 'ram:TypeCode', 'VAT');
  taxCategory(tax, l.vat.category, l.vat.rate);
  if (l.amounts.discountAmount !== 0) {
    const allowance = settlement.ele('ram:SpecifiedTradeAllowanceCharge');
    allowance.ele('ram:ChargeIndicator').ele('udt:Indicator').txt('false');
    leaf(allowance, 'ram:CalculationPercent', percent(l.discount));
    leaf(allowance, 'ram:BasisAmount', amount(l.amounts.gross));
    leaf(allowance, 'ram:ActualAmount', amount(l.amounts.discountAmount));
    leaf(allowance, 'ram:Reason', 'Remise');
  }
  leaf(
    settlement.ele('ram:SpecifiedTradeSettlementLineMonetarySummation'),
    'ram:LineTotalAmount',
    amount(l.amounts.net),
  );
}

/** BT-8: when VAT falls due. 5 = on the invoice (option for debits), 72 = on payment (services). */
function vatDueDateCode(invoice: IssuedInvoice): string | null {
  if (invoice.issued.settings.vatOnDebits) return '5';
  return invoice.nature === 'services' ? '72' : null;
}

function settlement(parent: XMLBuilder, invoice: IssuedInvoice) {
  const { totals, issued } = invoice;
  const node = parent.ele('ram:ApplicableHeaderTradeSettlement');
  leaf(node, 'ram:PaymentReference', invoice.number);
  leaf(node, 'ram:InvoiceCurrencyCode', 'EUR');
  if (issued.settings.iban && invoice.kind === 'invoice') {
    const means = node.ele('ram:SpecifiedTradeSettlementPaymentMeans');
    leaf(means, 'ram:TypeCode', '58'); // SEPA credit transfer
    leaf(means, 'ram:Information', 'Virement SEPA');
    leaf(means.ele('ram:PayeePartyCreditorFinancialAccount'), 'ram:IBANID', issued.settings.iban);
    if (issued.settings.bic)
      leaf(means.ele('ram:PayeeSpecifiedCreditorFinancialInstitution'), 'ram:BICID', issued.settings.bic);
  }
  const dueCode = vatDueDateCode(invoice);
  for (const group of totals.vatBreakdown) {
    const reasons = invoice.lines
      .filter((l) => l.vat.category === group.category && l.vat.rate === group.rate)
      .map((l) => l.vat);
    const reason = [...new Set(reasons.map((r) => r.exemptionReason).filter(Boolean))].join(' ; ');
    const code = reasons.find((r) => r.exemptionCode)?.exemptionCode;
    const tax = node.ele('ram:ApplicableTradeTax');
    leaf(tax, 'ram:CalculatedAmount', amount(group.vatAmount));
    leaf(tax, 'ram:TypeCode', 'VAT');
    if (group.category !== 'S' && reason) leaf(tax, 'ram:ExemptionReason', reason);
    leaf(tax, 'ram:BasisAmount', amount(group.taxableAmount));
    leaf(tax, 'ram:CategoryCode', group.category);
    if (group.category !== 'S' && code) leaf(tax, 'ram:ExemptionReasonCode', code);
    if (dueCode && group.category === 'S') leaf(tax, 'ram:DueDateTypeCode', dueCode);
    if (group.category !== 'O') leaf(tax, 'ram:RateApplicablePercent', percent(group.rate));
  }
  for (const group of totals.vatBreakdown) {
    if (group.allowance === 0) continue;
    const allowance = node.ele('ram:SpecifiedTradeAllowanceCharge');
    allowance.ele('ram:ChargeIndicator').ele('udt:Indicator').txt('false');
    leaf(allowance, 'ram:CalculationPercent', percent(invoice.documentDiscount));
    leaf(allowance, 'ram:BasisAmount', amount(group.lineTotal));
    leaf(allowance, 'ram:ActualAmount', amount(group.allowance));
    leaf(allowance, 'ram:Reason', 'Remise globale');
    const category = allowance.ele('ram:CategoryTradeTax');
    leaf(category, 'ram:TypeCode', 'VAT');
    taxCategory(category, group.category, group.rate);
  }
  if (invoice.paymentTerms || invoice.dueDate) {
    const terms = node.ele('ram:SpecifiedTradePaymentTerms');
    if (invoice.paymentTerms) leaf(terms, 'ram:Description', invoice.paymentTerms);
    if (invoice.dueDate) dateTime(terms, 'ram:DueDateDateTime', invoice.dueDate);
  }
  const sums = node.ele('ram:SpecifiedTradeSettlementHeaderMonetarySummation');
  leaf(sums, 'ram:LineTotalAmount', amount(totals.lineTotal));
  leaf(sums, 'ram:ChargeTotalAmount', amount(totals.chargeTotal));
  leaf(sums, 'ram:AllowanceTotalAmount', amount(totals.allowanceTotal));
  leaf(sums, 'ram:TaxBasisTotalAmount', amount(totals.taxBasisTotal));
  leaf(sums, 'ram:TaxTotalAmount', amount(totals.vatTotal), { currencyID: 'EUR' });
  leaf(sums, 'ram:GrandTotalAmount', amount(totals.grandTotal));
  leaf(sums, 'ram:TotalPrepaidAmount', amount(totals.prepaidAmount));
  leaf(sums, 'ram:DuePayableAmount', amount(totals.duePayable));
  if (invoice.credited) {
    const reference = node.ele('ram:InvoiceReferencedDocument');
    leaf(reference, 'ram:IssuerAssignedID', invoice.credited.number);
    dateTime(reference, 'ram:FormattedIssueDateTime', invoice.credited.issueDate, 'qdt');
  }
}

/** The CII XML of an issued invoice or credit note (UTF-8 text). */
export function invoiceToCii(invoice: IssuedInvoice): string {
  const outsideVat = invoice.lines.some((l) => l.vat.category === 'O');
  const root = create({ version: '1.0', encoding: 'UTF-8' }).ele('rsm:CrossIndustryInvoice', NS);
  leaf(
    root.ele('rsm:ExchangedDocumentContext').ele('ram:GuidelineSpecifiedDocumentContextParameter'),
    'ram:ID',
    EN16931_GUIDELINE,
  );
  const document = root.ele('rsm:ExchangedDocument');
  leaf(document, 'ram:ID', invoice.number);
  // UNTDID 1001: 380 commercial invoice, 381 credit note, 386 prepayment (down payment) invoice.
  leaf(
    document,
    'ram:TypeCode',
    invoice.kind === 'credit_note' ? '381' : invoice.downPayment ? '386' : '380',
  );
  dateTime(document, 'ram:IssueDateTime', invoice.issueDate);
  for (const mention of legalMentions(invoice)) {
    const note = document.ele('ram:IncludedNote');
    leaf(note, 'ram:Content', mention.text);
    leaf(note, 'ram:SubjectCode', mention.subject);
  }
  const transaction = root.ele('rsm:SupplyChainTradeTransaction');
  for (const l of invoice.lines) line(transaction, l);
  const agreement = transaction.ele('ram:ApplicableHeaderTradeAgreement');
  seller(agreement, invoice, outsideVat);
  buyer(agreement, invoice, outsideVat);
  if (invoice.customerOrderRef)
    leaf(agreement.ele('ram:BuyerOrderReferencedDocument'), 'ram:IssuerAssignedID', invoice.customerOrderRef);
  const delivery = transaction.ele('ram:ApplicableHeaderTradeDelivery');
  if (invoice.deliveryAddress) {
    const shipTo = delivery.ele('ram:ShipToTradeParty');
    leaf(shipTo, 'ram:Name', invoice.issued.customer.name);
    address(shipTo, invoice.deliveryAddress);
  }
  if (invoice.deliveryDate)
    dateTime(
      delivery.ele('ram:ActualDeliverySupplyChainEvent'),
      'ram:OccurrenceDateTime',
      invoice.deliveryDate,
    );
  settlement(transaction, invoice);
  return root.end({ prettyPrint: true });
}
