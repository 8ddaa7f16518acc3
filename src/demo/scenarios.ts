import { addDays, endOfMonth } from '../kernel/dates/index.ts';
import type { Db } from '../kernel/db/index.ts';

type DbHandle = { db: Db };

import { type OrganisationInput, organisationInput } from '../kernel/organisations/contract.ts';
import { partyInput } from '../kernel/parties/contract.ts';
import { createParty } from '../kernel/parties/party.ts';
import { ensureLedger, openFiscalYear, post } from '../ledger/index.ts';
import {
  catalogueItemInput,
  createCatalogueItem,
  createInvoiceDraft,
  invoiceDraftInput,
  invoiceSettingsInput,
  saveInvoiceSettings,
  validateInvoice,
} from '../relations/index.ts';
import { DEMO_PARTIES } from './seed.ts';

/**
 * The shipped training scenarios (issue 5 §4): a small trading company and a sports association, each
 * with a year of consistent work — invoices, purchases, receipts — made through the domain functions, so
 * numbers, ledger entries and the audit trail are those real work would leave. Deterministic: the same
 * data on every machine, for a given year. Data runs from January to November; the scenario's "today" is
 * 1 December, so students carry on the year.
 */
export type DemoScenarioKind = 'trading' | 'association';

export type DemoScenario = {
  title: string;
  description: string;
  organisation: OrganisationInput;
  build: (store: DbHandle, orgId: string, userId: string | null, year: number) => Promise<void>;
};

export function demoSimulatedStart(year: number): string {
  return `${year}-12-01`;
}

const FIRST_NAMES = ['Léa', 'Hugo', 'Inès', 'Noah', 'Chloé', 'Lucas', 'Manon', 'Adam', 'Jade', 'Louis'];
const LAST_NAMES = ['Bernard', 'Petit', 'Robert', 'Richard', 'Moreau', 'Laurent', 'Simon', 'Michel'];

/** Opens the scenario's fiscal year before anything is dated in it (the real today may be elsewhere). */
async function prepareLedger(trx: Db, orgId: string, userId: string | null, year: number) {
  const exists = await trx
    .selectFrom('ledger_fiscal_year')
    .select('id')
    .where('org_id', '=', orgId)
    .where('start_date', '=', `${year}-01-01`)
    .executeTakeFirst();
  if (!exists) await openFiscalYear(trx, orgId, { start: `${year}-01-01`, end: `${year}-12-31` }, userId);
  await ensureLedger(trx, orgId, userId);
}

const day = (year: number, month: number, d: number) =>
  `${year}-${String(month).padStart(2, '0')}-${String(d).padStart(2, '0')}`;

async function buildTrading(store: DbHandle, orgId: string, userId: string | null, year: number) {
  await store.db.transaction().execute(async (trx) => {
    await prepareLedger(trx, orgId, userId, year);
    const customers: string[] = [];
    const suppliers: string[] = [];
    for (const party of DEMO_PARTIES) {
      const created = await createParty(trx, orgId, partyInput.parse(party), userId);
      if (party.roles.includes('customer' as never)) customers.push(created.id);
      if (party.roles.includes('supplier' as never) || party.roles.includes('provider' as never))
        suppliers.push(created.id);
    }
    for (let i = 0; i < 10; i++) {
      const created = await createParty(
        trx,
        orgId,
        partyInput.parse({
          // Private customers: a French company customer would need its SIREN on the invoice.
          kind: 'person',
          name: `${FIRST_NAMES[i]} ${LAST_NAMES[i % 8]}`,
          roles: ['customer'],
          email: `client${i + 1}@example.org`,
          addresses: [
            { kind: 'billing', line1: `${i + 3} rue du Marché`, postalCode: '69003', city: 'Lyon' },
          ],
        }),
        userId,
      );
      customers.push(created.id);
    }
    await saveInvoiceSettings(
      trx,
      orgId,
      invoiceSettingsInput.parse({
        paymentTermsDays: 30,
        shareCapital: 1_000_000,
        rcsCity: 'Lyon',
        iban: 'FR7630006000011234567890189',
        bic: 'AGRIFRPP',
      }),
      userId ?? '',
    );
    const items: string[] = [];
    for (const item of [
      {
        code: 'BUR-A4',
        label: 'Ramette de papier A4 recyclé',
        kind: 'goods',
        unit: 'C62',
        unitPrice: '5.2',
        vatRate: '20',
        revenueAccount: '707',
      },
      {
        code: 'BUR-CLAS',
        label: 'Classeur à levier dos 80 mm',
        kind: 'goods',
        unit: 'C62',
        unitPrice: '3.9',
        vatRate: '20',
        revenueAccount: '707',
      },
      {
        code: 'BUR-STYLO',
        label: 'Boîte de 50 stylos bille',
        kind: 'goods',
        unit: 'C62',
        unitPrice: '14.5',
        vatRate: '20',
        revenueAccount: '707',
      },
      {
        code: 'LIV-GEST',
        label: 'Guide « Gérer son atelier »',
        kind: 'goods',
        unit: 'C62',
        unitPrice: '18.96',
        vatRate: '5.5',
        revenueAccount: '707',
      },
      {
        code: 'LIVR',
        label: 'Livraison sur site',
        kind: 'service',
        unit: 'C62',
        unitPrice: '25',
        vatRate: '20',
      },
    ])
      items.push((await createCatalogueItem(trx, orgId, catalogueItemInput.parse(item), userId ?? '')).id);

    for (let month = 1; month <= 11; month++) {
      // Sales: four invoices a month, paid thirty days later (the bank journal records the receipt).
      for (let k = 0; k < 4; k++) {
        const customerId = customers[(month * 4 + k) % customers.length]!;
        const issueDate = day(year, month, 3 + k * 6);
        const draft = await createInvoiceDraft(
          trx,
          orgId,
          invoiceDraftInput.parse({
            customerId,
            issueDate,
            lines: [
              { itemId: items[(month + k) % 3], quantity: String(5 + ((month * 7 + k) % 20)) },
              { itemId: items[3], quantity: String(1 + (k % 3)) },
              ...(k % 2 === 0 ? [{ itemId: items[4], quantity: '1' }] : []),
            ],
          }),
          userId ?? '',
        );
        const invoice = await validateInvoice(trx, orgId, draft.id, userId ?? '');
        const paidOn = addDays(issueDate, 30);
        if (paidOn <= day(year, 11, 30))
          await post(
            trx,
            orgId,
            {
              journal: 'BQ',
              date: paidOn,
              label: `Règlement facture ${invoice.number}`,
              voucherRef: invoice.number,
              voucherDate: paidOn,
              lines: [
                {
                  account: '512',
                  partyId: null,
                  label: null,
                  debit: invoice.total,
                  credit: 0,
                  dueDate: null,
                },
                {
                  account: '411',
                  partyId: customerId,
                  label: null,
                  debit: 0,
                  credit: invoice.total,
                  dueDate: null,
                },
              ],
            },
            userId,
          );
      }
      // Purchases of goods for resale and a bank fee, paid at the end of the month.
      const supplierId = suppliers[month % suppliers.length]!;
      const net = 120_000 + month * 3_500;
      const vat = Math.round(net * 0.2);
      const purchaseDate = day(year, month, 5);
      await post(
        trx,
        orgId,
        {
          journal: 'AC',
          date: purchaseDate,
          label: `Achat de marchandises ${month}/${year}`,
          voucherRef: `FA-${year}-${String(month).padStart(2, '0')}`,
          voucherDate: purchaseDate,
          lines: [
            { account: '607', partyId: null, label: null, debit: net, credit: 0, dueDate: null },
            { account: '44566', partyId: null, label: null, debit: vat, credit: 0, dueDate: null },
            { account: '401', partyId: supplierId, label: null, debit: 0, credit: net + vat, dueDate: null },
          ],
        },
        userId,
      );
      const endOf = endOfMonth(purchaseDate);
      await post(
        trx,
        orgId,
        {
          journal: 'BQ',
          date: endOf,
          label: `Paiement fournisseur et frais bancaires ${month}/${year}`,
          voucherRef: `RLV-${year}-${String(month).padStart(2, '0')}`,
          voucherDate: endOf,
          lines: [
            { account: '401', partyId: supplierId, label: null, debit: net + vat, credit: 0, dueDate: null },
            {
              account: '627',
              partyId: null,
              label: 'Frais de tenue de compte',
              debit: 1_250,
              credit: 0,
              dueDate: null,
            },
            {
              account: '512',
              partyId: null,
              label: null,
              debit: 0,
              credit: net + vat + 1_250,
              dueDate: null,
            },
          ],
        },
        userId,
      );
    }
  });
}

async function buildAssociation(store: DbHandle, orgId: string, userId: string | null, year: number) {
  await store.db.transaction().execute(async (trx) => {
    await prepareLedger(trx, orgId, userId, year);
    const members: string[] = [];
    for (let i = 0; i < 40; i++) {
      const first = FIRST_NAMES[i % FIRST_NAMES.length]!;
      const last = LAST_NAMES[(i * 3) % LAST_NAMES.length]!;
      const created = await createParty(
        trx,
        orgId,
        partyInput.parse({
          kind: 'person',
          name: `${first} ${last}`,
          roles: ['member'],
          email: `adherent${i + 1}@example.org`,
          addresses: [
            {
              kind: 'billing',
              line1: `${i + 1} allée des Sports`,
              postalCode: '69100',
              city: 'Villeurbanne',
            },
          ],
        }),
        userId,
      );
      members.push(created.id);
    }
    const townHall = await createParty(
      trx,
      orgId,
      partyInput.parse({
        kind: 'organisation',
        name: 'Ville de Villeurbanne',
        roles: ['customer'],
        legalForm: 'Commune',
      }),
      userId,
    );
    await saveInvoiceSettings(trx, orgId, invoiceSettingsInput.parse({ paymentTermsDays: 15 }), userId ?? '');
    // Not liable to VAT (non-profit management, dues and activities of members): invoices carry no VAT.
    const [licence, course] = [
      await createCatalogueItem(
        trx,
        orgId,
        catalogueItemInput.parse({
          code: 'ADH-LIC',
          label: 'Adhésion et licence annuelle',
          kind: 'service',
          unit: 'C62',
          unitPrice: '145',
          vatRate: '0',
          revenueAccount: '706',
        }),
        userId ?? '',
      ),
      await createCatalogueItem(
        trx,
        orgId,
        catalogueItemInput.parse({
          code: 'STAGE',
          label: 'Stage sportif des vacances (journée)',
          kind: 'service',
          unit: 'DAY',
          unitPrice: '22',
          vatRate: '0',
          revenueAccount: '706',
        }),
        userId ?? '',
      ),
    ];
    // Dues: each member in January (season renewal) or September (new members), paid within a fortnight.
    // Invoices are numbered in date order, so they are made in date order.
    const dues = members
      .map((memberId, i) => ({ memberId, i, issueDate: day(year, i % 4 === 0 ? 9 : 1, 4 + (i % 20)) }))
      .sort((a, b) => a.issueDate.localeCompare(b.issueDate));
    for (const { memberId, i, issueDate } of dues) {
      const lines = [{ itemId: licence.id, quantity: '1' }];
      if (i % 5 === 0) lines.push({ itemId: course.id, quantity: String(2 + (i % 3)) });
      const draft = await createInvoiceDraft(
        trx,
        orgId,
        invoiceDraftInput.parse({ customerId: memberId, issueDate, lines }),
        userId ?? '',
      );
      const invoice = await validateInvoice(trx, orgId, draft.id, userId ?? '');
      const paidOn = addDays(issueDate, 10);
      await post(
        trx,
        orgId,
        {
          journal: 'BQ',
          date: paidOn,
          label: `Cotisation ${invoice.number}`,
          voucherRef: invoice.number,
          voucherDate: paidOn,
          lines: [
            {
              account: '512',
              partyId: null,
              label: null,
              debit: invoice.total,
              credit: 0,
              dueDate: null,
            },
            {
              account: '411',
              partyId: memberId,
              label: null,
              debit: 0,
              credit: invoice.total,
              dueDate: null,
            },
          ],
        },
        userId,
      );
    }
    // The town hall's operating grant, voted in March and paid in April.
    const grant = 450_000;
    await post(
      trx,
      orgId,
      {
        journal: 'OD',
        date: day(year, 3, 20),
        label: 'Subvention de fonctionnement de la ville',
        voucherRef: `DEL-${year}-014`,
        voucherDate: day(year, 3, 20),
        lines: [
          { account: '441', partyId: null, label: null, debit: grant, credit: 0, dueDate: null },
          { account: '741', partyId: null, label: null, debit: 0, credit: grant, dueDate: null },
        ],
      },
      userId,
    );
    await post(
      trx,
      orgId,
      {
        journal: 'BQ',
        date: day(year, 4, 12),
        label: 'Versement de la subvention',
        voucherRef: `VIR-${year}-0412`,
        voucherDate: day(year, 4, 12),
        lines: [
          { account: '512', partyId: null, label: null, debit: grant, credit: 0, dueDate: null },
          { account: '441', partyId: null, label: null, debit: 0, credit: grant, dueDate: null },
        ],
      },
      userId,
    );
    void townHall;
    // Monthly costs: gym rental, equipment, insurance once a year.
    for (let month = 1; month <= 11; month++) {
      const date = day(year, month, 28);
      const equipment = 18_000 + (month % 4) * 6_500;
      await post(
        trx,
        orgId,
        {
          journal: 'BQ',
          date,
          label: `Location du gymnase et matériel ${month}/${year}`,
          voucherRef: `REL-${year}-${String(month).padStart(2, '0')}`,
          voucherDate: date,
          lines: [
            {
              account: '613',
              partyId: null,
              label: 'Location du gymnase',
              debit: 32_000,
              credit: 0,
              dueDate: null,
            },
            {
              account: '606',
              partyId: null,
              label: 'Petit matériel sportif',
              debit: equipment,
              credit: 0,
              dueDate: null,
            },
            ...(month === 2
              ? [
                  {
                    account: '616',
                    partyId: null,
                    label: 'Assurance responsabilité civile',
                    debit: 68_000,
                    credit: 0,
                    dueDate: null,
                  },
                ]
              : []),
            {
              account: '512',
              partyId: null,
              label: null,
              debit: 0,
              credit: 32_000 + equipment + (month === 2 ? 68_000 : 0),
              dueDate: null,
            },
          ],
        },
        userId,
      );
    }
  });
}

export const DEMO_SCENARIOS: Record<DemoScenarioKind, DemoScenario> = {
  trading: {
    title: 'Les Ateliers du Val — négoce de fournitures',
    description:
      'Petite entreprise de négoce de fournitures de bureau : clients, fournisseurs, catalogue, une année de factures, d’achats et de règlements.',
    organisation: organisationInput.parse({
      name: 'Les Ateliers du Val',
      legalForm: 'SARL',
      kind: 'company',
      siren: '812345676',
      siret: '81234567600017',
      vatNumber: 'FR19812345676',
      addressLine1: '25 rue des Artisans',
      postalCode: '69100',
      city: 'Villeurbanne',
      email: 'contact@ateliers-du-val.example',
      vatRegime: 'normal_monthly',
    }),
    build: buildTrading,
  },
  association: {
    title: 'Association Sportive du Val — club omnisports',
    description:
      'Association loi 1901 : quarante adhérents, cotisations et licences sans TVA, subvention de la ville, location du gymnase, une année d’écritures.',
    organisation: organisationInput.parse({
      name: 'Association Sportive du Val',
      legalForm: 'Association loi 1901',
      kind: 'association',
      // Fictitious, with valid check digits (an association that invoices has a SIREN).
      siren: '784512345',
      siret: '78451234500017',
      addressLine1: '2 allée des Sports',
      postalCode: '69100',
      city: 'Villeurbanne',
      email: 'contact@as-du-val.example',
      vatRegime: 'not_liable',
    }),
    build: buildAssociation,
  },
};
