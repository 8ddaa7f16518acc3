import type { OrganisationDto } from '../../kernel/organisations/contract.ts';
import type { PartyDto } from '../../kernel/parties/contract.ts';
import type { InvoiceSettingsDto } from '../invoice-settings/contract.ts';
import type { VatCategory } from './invoice-totals.ts';

// What an invoice says about the seller and the customer is frozen at validation: editing the party or
// the organisation later must not change an issued invoice. Pure helpers, shared by validation, the
// DTO, the Factur-X XML and the PDF.

export type PostalAddress = {
  line1: string;
  line2: string | null;
  postalCode: string;
  city: string;
  country: string;
};

export type IssuedSeller = {
  name: string;
  legalForm: string | null;
  siren: string | null;
  siret: string | null;
  vatNumber: string | null;
  address: PostalAddress | null;
  email: string | null;
  phone: string | null;
  vatRegime: OrganisationDto['vatRegime'];
};

export type IssuedCustomer = {
  name: string;
  kind: PartyDto['kind'];
  legalForm: string | null;
  siren: string | null;
  siret: string | null;
  vatNumber: string | null;
  address: PostalAddress | null;
  email: string | null;
};

export type Issued = { seller: IssuedSeller; customer: IssuedCustomer; settings: InvoiceSettingsDto };

export function sellerOf(org: OrganisationDto): IssuedSeller {
  const complete = org.addressLine1 && org.postalCode && org.city;
  return {
    name: org.name,
    legalForm: org.legalForm,
    siren: org.siren,
    siret: org.siret,
    vatNumber: org.vatNumber,
    address: complete
      ? {
          line1: org.addressLine1!,
          line2: org.addressLine2,
          postalCode: org.postalCode!,
          city: org.city!,
          country: org.country,
        }
      : null,
    email: org.email,
    phone: org.phone,
    vatRegime: org.vatRegime,
  };
}

/** The billing address, else the head office, else the first address of the party. */
export function customerOf(party: PartyDto): IssuedCustomer {
  const address =
    party.addresses.find((a) => a.kind === 'billing') ??
    party.addresses.find((a) => a.kind === 'head_office') ??
    party.addresses[0];
  return {
    name: party.name,
    kind: party.kind,
    legalForm: party.legalForm,
    siren: party.siren,
    siret: party.siret,
    vatNumber: party.vatNumber,
    address: address
      ? {
          line1: address.line1,
          line2: address.line2,
          postalCode: address.postalCode,
          city: address.city,
          country: address.country,
        }
      : null,
    email: party.email,
  };
}

/** A customer that is a business (not a consumer): penalties and the 40 € fee then apply (C. com. L441-10). */
export function isBusinessCustomer(customer: Pick<IssuedCustomer, 'kind'>): boolean {
  return customer.kind === 'organisation';
}

/**
 * A company established in France must be named by its SIREN on the invoice (e-invoicing reform). An
 * association without economic activity may have none (RNA only), so a legal form saying "association"
 * is let through.
 */
export function needsSiren(customer: Pick<IssuedCustomer, 'kind' | 'legalForm' | 'address'>): boolean {
  const inFrance = (customer.address?.country ?? 'FR') === 'FR';
  const association = /association/i.test(customer.legalForm ?? '');
  return customer.kind === 'organisation' && inFrance && !association;
}

export const FRANCHISE_MENTION = 'TVA non applicable, art. 293 B du CGI';
export const NOT_LIABLE_MENTION = 'Non soumis à la TVA (organisme non assujetti)';
export const DEBITS_MENTION = 'Option pour le paiement de la taxe d’après les débits';

/**
 * The VAT a line really carries under the seller's regime: everything is exempt under the franchise
 * (CGI art. 293 B), outside the scope of VAT for a body that is not liable, else standard-rated when the
 * rate is positive and exempt at 0 %.
 */
export function effectiveVat(
  regime: IssuedSeller['vatRegime'],
  line: { vatRate: number; vatExemptionReason: string | null },
): { category: VatCategory; rate: number; exemptionReason: string | null; exemptionCode: string | null } {
  if (regime === 'franchise')
    return {
      category: 'E',
      rate: 0,
      exemptionReason: FRANCHISE_MENTION,
      exemptionCode: 'VATEX-FR-FRANCHISE',
    };
  if (regime === 'not_liable')
    return { category: 'O', rate: 0, exemptionReason: NOT_LIABLE_MENTION, exemptionCode: 'VATEX-EU-O' };
  if (line.vatRate > 0)
    return { category: 'S', rate: line.vatRate, exemptionReason: null, exemptionCode: null };
  return { category: 'E', rate: 0, exemptionReason: line.vatExemptionReason, exemptionCode: null };
}

export type OperationNature = 'goods' | 'services' | 'mixed';

export function natureOf(kinds: readonly ('goods' | 'service')[]): OperationNature {
  const goods = kinds.includes('goods');
  const services = kinds.includes('service');
  return goods && services ? 'mixed' : goods ? 'goods' : 'services';
}

export const NATURE_LABELS: Record<OperationNature, string> = {
  goods: 'livraisons de biens',
  services: 'prestations de services',
  mixed: 'livraisons de biens et prestations de services',
};
