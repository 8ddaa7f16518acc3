import { formatDateFr } from '../../kernel/dates/index.ts';
import { formatAmount } from '../../kernel/money/index.ts';
import { formatRate } from '../shared/vat-rates.ts';
import type { IssuedInvoice } from './factur-x/model.ts';
import { DEBITS_MENTION, isBusinessCustomer, NATURE_LABELS } from './issued.ts';

// The mentions French law asks on an invoice (C. com. art. L441-9, CGI art. 242 nonies A, décret
// 2022-1299 for the e-invoicing reform), computed from the issued invoice. The identities of the seller
// and the customer, the lines and the VAT per rate are printed in their own blocks of the PDF.

export const RECOVERY_FEE_MENTION =
  'Indemnité forfaitaire pour frais de recouvrement en cas de retard de paiement : 40 € (C. com. art. L441-10 et D441-5).';
export const LEGAL_PENALTY_MENTION =
  'Pénalités de retard : taux d’intérêt appliqué par la Banque centrale européenne à son opération de refinancement la plus récente, majoré de 10 points de pourcentage (C. com. art. L441-10), exigibles dès le lendemain de l’échéance.';

export type LegalMention = {
  /** UNTDID 4451 subject code of the Factur-X note (BT-21). */
  subject: 'AAI' | 'PMD' | 'PMT' | 'AAB' | 'REG' | 'TXD';
  text: string;
};

/** "SARL au capital de 10 000,00 € · RCS Lyon": the seller's registration mentions. */
export function sellerRegistration(invoice: IssuedInvoice): string | null {
  const { seller, settings } = invoice.issued;
  const parts = [
    seller.legalForm && settings.shareCapital !== null
      ? `${seller.legalForm} au capital de ${formatAmount(settings.shareCapital)}`
      : seller.legalForm,
    settings.rcsCity && seller.siren ? `RCS ${settings.rcsCity} ${seller.siren}` : null,
  ].filter(Boolean);
  return parts.length ? parts.join(' · ') : null;
}

export function legalMentions(invoice: IssuedInvoice): LegalMention[] {
  const { seller, customer, settings } = invoice.issued;
  const mentions: LegalMention[] = [];
  const registration = sellerRegistration(invoice);
  if (registration) mentions.push({ subject: 'REG', text: registration });
  if (invoice.credited)
    mentions.push({
      subject: 'AAI',
      text: `Avoir sur la facture n° ${invoice.credited.number} du ${formatDateFr(invoice.credited.issueDate)}.`,
    });
  mentions.push({
    subject: 'AAI',
    text: `Date de la ${invoice.nature === 'services' ? 'prestation' : 'vente'} : ${formatDateFr(
      invoice.deliveryDate ?? invoice.issueDate,
    )}.`,
  });
  mentions.push({ subject: 'AAI', text: `Nature des opérations : ${NATURE_LABELS[invoice.nature]}.` });
  if (invoice.customerOrderRef)
    mentions.push({ subject: 'AAI', text: `Votre commande n° ${invoice.customerOrderRef}.` });
  if (invoice.kind === 'invoice') {
    if (invoice.dueDate)
      mentions.push({
        subject: 'AAI',
        text: `Date d’échéance du paiement : ${formatDateFr(invoice.dueDate)}.`,
      });
    mentions.push({
      subject: 'AAB',
      text: settings.earlyPaymentDiscount ?? 'Pas d’escompte pour paiement anticipé.',
    });
    if (isBusinessCustomer(customer)) {
      mentions.push({
        subject: 'PMD',
        text:
          settings.latePenaltyRate === null
            ? LEGAL_PENALTY_MENTION
            : `Pénalités de retard au taux annuel de ${formatRate(
                Math.round(Number(settings.latePenaltyRate) * 100),
              )} %, exigibles dès le lendemain de l’échéance (C. com. art. L441-10).`,
      });
      mentions.push({ subject: 'PMT', text: RECOVERY_FEE_MENTION });
    }
  }
  const reasons = new Set(invoice.lines.map((l) => l.vat.exemptionReason).filter((r): r is string => !!r));
  for (const reason of reasons) mentions.push({ subject: 'TXD', text: reason });
  if (settings.vatOnDebits && seller.vatRegime !== 'franchise' && seller.vatRegime !== 'not_liable')
    mentions.push({ subject: 'TXD', text: DEBITS_MENTION });
  if (invoice.notes) mentions.push({ subject: 'AAI', text: invoice.notes });
  return mentions;
}
