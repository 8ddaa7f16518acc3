import { describe, expect, it } from 'vitest';
import { SAMPLE_ISSUED, SAMPLES, sampleInvoice } from './factur-x/samples.test-support.ts';
import { FRANCHISE_MENTION, needsSiren } from './issued.ts';
import { LEGAL_PENALTY_MENTION, legalMentions, RECOVERY_FEE_MENTION } from './legal-mentions.ts';

const texts = (invoice = sampleInvoice()) => legalMentions(invoice).map((m) => m.text);

describe('legal mentions', () => {
  it('prints what L441-9 and 242 nonies A ask of a business invoice', () => {
    const all = texts();
    // formatAmount groups with the narrow no-break spaces of French typography.
    expect(all.some((t) => /^SARL au capital de 10\s000,00\s€ · RCS Lyon 812345676$/u.test(t))).toBe(true);
    expect(all).toContain('Date de la vente : 10/03/2026.');
    expect(all).toContain('Nature des opérations : livraisons de biens et prestations de services.');
    expect(all).toContain('Date d’échéance du paiement : 14/04/2026.');
    expect(all).toContain('Pas d’escompte pour paiement anticipé.');
    expect(all).toContain(LEGAL_PENALTY_MENTION);
    expect(all).toContain(RECOVERY_FEE_MENTION);
    expect(all).toContain('Votre commande n° BC-778.');
  });

  it('leaves penalties and the 40 € fee out for a consumer, and names the franchise', () => {
    const all = texts(SAMPLES.franchise!());
    expect(all).toContain(FRANCHISE_MENTION);
    expect(all).not.toContain(RECOVERY_FEE_MENTION);
  });

  it('writes a chosen penalty rate and the option for VAT on debits', () => {
    const all = texts(
      sampleInvoice({
        issued: {
          ...SAMPLE_ISSUED,
          settings: { ...SAMPLE_ISSUED.settings, latePenaltyRate: '12.15', vatOnDebits: true },
        },
      }),
    );
    expect(all.join('\n')).toContain('taux annuel de 12,15 %');
    expect(all).toContain('Option pour le paiement de la taxe d’après les débits');
  });

  it('references the credited invoice on a credit note', () => {
    expect(texts(SAMPLES['credit note']!())).toContain(
      'Avoir sur la facture n° FA-2026-00001 du 15/03/2026.',
    );
  });

  it('asks a SIREN of French companies, not of persons, associations or foreign companies', () => {
    const company = {
      kind: 'organisation' as const,
      legalForm: 'SAS',
      address: SAMPLE_ISSUED.customer.address,
    };
    expect(needsSiren(company)).toBe(true);
    expect(needsSiren({ ...company, kind: 'person' })).toBe(false);
    expect(needsSiren({ ...company, legalForm: 'Association loi 1901' })).toBe(false);
    expect(needsSiren({ ...company, address: { ...company.address!, country: 'BE' } })).toBe(false);
  });
});
