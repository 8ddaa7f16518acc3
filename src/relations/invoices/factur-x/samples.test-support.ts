// Representative issued invoices for the Factur-X tests (pure data, no database).
import { DEFAULT_INVOICE_SETTINGS } from '../../invoice-settings/invoice-settings.ts';
import type { Issued } from '../issued.ts';
import { buildIssuedInvoice, type IssuedInvoiceInput } from './issued-invoice.ts';
import type { IssuedInvoice } from './model.ts';

export const SAMPLE_ISSUED: Issued = {
  seller: {
    name: 'Les Ateliers du Val',
    legalForm: 'SARL',
    siren: '812345676',
    siret: '81234567600017',
    vatNumber: 'FR19812345676',
    address: {
      line1: '25 rue des Artisans',
      line2: null,
      postalCode: '69100',
      city: 'Villeurbanne',
      country: 'FR',
    },
    email: 'contact@ateliers-du-val.example',
    phone: '04 72 00 00 00',
    vatRegime: 'normal_monthly',
  },
  customer: {
    name: 'Boulangerie Martin',
    kind: 'organisation',
    legalForm: 'SARL',
    siren: '901456780',
    siret: '90145678000013',
    vatNumber: 'FR70901456780',
    address: {
      line1: '12 rue de la République',
      line2: null,
      postalCode: '69002',
      city: 'Lyon',
      country: 'FR',
    },
    email: null,
  },
  settings: {
    ...DEFAULT_INVOICE_SETTINGS,
    shareCapital: 1_000_000,
    rcsCity: 'Lyon',
    iban: 'FR7630006000011234567890189',
    bic: 'AGRIFRPP',
  },
};

const line = (over: Partial<IssuedInvoiceInput['lines'][number]>): IssuedInvoiceInput['lines'][number] => ({
  code: null,
  label: 'Prestation',
  description: null,
  kind: 'service',
  unit: 'HUR',
  quantity: 1000,
  unitPrice: 500_000,
  discount: 0,
  vatRate: 2000,
  vatExemptionReason: null,
  ...over,
});

export function sampleInvoice(over: Partial<IssuedInvoiceInput> = {}): IssuedInvoice {
  return buildIssuedInvoice({
    kind: 'invoice',
    number: 'FA-2026-00001',
    issueDate: '2026-03-15',
    deliveryDate: '2026-03-10',
    dueDate: '2026-04-14',
    paymentTerms: 'Paiement à 30 jours date de facture, par virement.',
    customerOrderRef: 'BC-778',
    deliveryAddress: null,
    notes: null,
    documentDiscount: 0,
    credited: null,
    issued: SAMPLE_ISSUED,
    validatedAt: '2026-03-15T09:30:00.000Z',
    lines: [
      line({
        code: 'CONS-H',
        label: 'Conseil en organisation',
        quantity: 7500,
        unitPrice: 650_000,
        discount: 1000,
      }),
      line({
        code: 'LIV-01',
        label: 'Livre « Gérer son atelier »',
        kind: 'goods',
        unit: 'C62',
        quantity: 3000,
        unitPrice: 189_000,
        vatRate: 550,
      }),
      line({
        label: 'Repas de séminaire',
        kind: 'service',
        unit: 'C62',
        quantity: 12_000,
        unitPrice: 185_000,
        vatRate: 1000,
      }),
    ],
    ...over,
  });
}

export const SAMPLES: Record<string, () => IssuedInvoice> = {
  'several rates, line discount': () => sampleInvoice(),
  'document discount, delivery address': () =>
    sampleInvoice({
      number: 'FA-2026-00002',
      documentDiscount: 500,
      deliveryAddress: {
        line1: '4 place Bellecour',
        line2: 'Entrepôt B',
        postalCode: '69002',
        city: 'Lyon',
        country: 'FR',
      },
    }),
  'credit note': () =>
    sampleInvoice({
      kind: 'credit_note',
      number: 'AV-2026-00001',
      credited: { number: 'FA-2026-00001', issueDate: '2026-03-15' },
      dueDate: null,
      paymentTerms: 'Montant à déduire de votre prochain règlement.',
    }),
  franchise: () =>
    sampleInvoice({
      number: 'FA-2026-00003',
      issued: {
        ...SAMPLE_ISSUED,
        seller: { ...SAMPLE_ISSUED.seller, vatNumber: null, vatRegime: 'franchise', legalForm: 'EI' },
        customer: {
          ...SAMPLE_ISSUED.customer,
          kind: 'person',
          siren: null,
          siret: null,
          vatNumber: null,
          legalForm: null,
        },
      },
    }),
};
