import { describe, expect, it } from 'vitest';
import {
  checkFacturXPdf,
  EXTERNAL_CHECKS,
  extractFacturXml,
  inPairs,
  validateCii,
} from '../../../../test/support/validators.ts';
import { invoiceToCii } from './cii.ts';
import { facturXPdf } from './factur-x.ts';
import { buildIssuedInvoice } from './issued-invoice.ts';
import { SAMPLE_ISSUED, SAMPLES, sampleInvoice } from './samples.test-support.ts';

// Representative invoices through the external oracles: several VAT rates (20, 10 and 5,5 %), line and
// document discounts, a delivery address, a credit note, the franchise (E, VATEX-FR-FRANCHISE), a body
// not liable to VAT (O), and a line table long enough to run over several pages.
const all = {
  ...SAMPLES,
  'not liable to VAT': () =>
    sampleInvoice({
      number: 'FA-2026-00004',
      issued: {
        ...SAMPLE_ISSUED,
        seller: {
          ...SAMPLE_ISSUED.seller,
          vatNumber: null,
          vatRegime: 'not_liable',
          legalForm: 'Association',
        },
      },
    }),
  'multi-page': () => {
    const base = sampleInvoice();
    return buildIssuedInvoice({
      ...base,
      number: 'FA-2026-00005',
      lines: Array.from({ length: 70 }, (_, k) => ({
        code: `ART-${k}`,
        label: `Article n° ${k} au libellé assez long pour tenir sur deux lignes de la colonne désignation`,
        description: k % 4 === 0 ? 'Détail de l’article, sur une ligne à part.' : null,
        kind: k % 2 ? ('goods' as const) : ('service' as const),
        unit: k % 2 ? 'C62' : 'HUR',
        quantity: 1000 + k * 250,
        unitPrice: 12_345 + k * 1000,
        discount: k % 5 === 0 ? 250 : 0,
        vatRate: [2000, 1000, 550][k % 3]!,
        vatExemptionReason: null,
      })),
    });
  },
};

describe('Factur-X', () => {
  it('is pure: the same invoice gives the same XML and the same PDF bytes', async () => {
    const invoice = sampleInvoice();
    expect(invoiceToCii(invoice)).toBe(invoiceToCii(sampleInvoice()));
    const [a, b] = [await facturXPdf(invoice), await facturXPdf(sampleInvoice())];
    expect(Buffer.from(a.pdf).equals(Buffer.from(b.pdf))).toBe(true);
  });

  it('writes the totals and the VAT breakdown the norm asks for', () => {
    const xml = invoiceToCii(SAMPLES['document discount, delivery address']!());
    expect(xml).toContain('<ram:ID>urn:cen.eu:en16931:2017</ram:ID>');
    expect(xml).toMatch(/<ram:RateApplicablePercent>5.50<\/ram:RateApplicablePercent>/);
    expect(xml).toContain('<ram:ShipToTradeParty>');
    expect(xml).toContain('<ram:ID schemeID="0002">901456780</ram:ID>'); // customer SIREN
    expect(invoiceToCii(SAMPLES['credit note']!())).toContain('<ram:TypeCode>381</ram:TypeCode>');
    expect(invoiceToCii(SAMPLES.franchise!())).toContain('VATEX-FR-FRANCHISE');
  });

  it.runIf(EXTERNAL_CHECKS)(
    'every sample passes validate-cii.sh, check-facturx-pdf.sh, and its PDF gives its XML back',
    async () => {
      const made = await Promise.all(
        Object.entries(all).map(async ([name, make]) => ({ name, ...(await facturXPdf(make())) })),
      );
      const failures: string[] = [];
      await inPairs(made, async ({ name, xml, pdf }) => {
        // check-facturx-pdf.sh runs validate-cii.sh on the embedded XML, which must be the generated XML;
        // two samples also go through validate-cii.sh directly.
        if (name === 'credit note' || name === 'franchise') {
          const cii = await validateCii(xml);
          if (!cii.ok) failures.push(`${name}: validate-cii.sh\n${cii.output}`);
        }
        const checked = await checkFacturXPdf(pdf);
        if (!checked.ok) failures.push(`${name}: check-facturx-pdf.sh\n${checked.output}`);
        if ((await extractFacturXml(pdf)) !== xml) failures.push(`${name}: the embedded XML differs`);
      });
      expect(failures).toEqual([]);
    },
    300_000,
  );
});
