import { addDays } from '../kernel/dates/index.ts';
import { partyInput } from '../kernel/parties/contract.ts';
import { createParty } from '../kernel/parties/party.ts';
import { post } from '../ledger/index.ts';
import {
  catalogueItemInput,
  createCatalogueItem,
  createInvoiceDraft,
  invoiceDraftInput,
  invoiceSettingsInput,
  saveInvoiceSettings,
  validateInvoice,
} from '../relations/index.ts';
import {
  type DbHandle,
  day,
  FIRST_NAMES,
  LAST_NAMES,
  payByTransfer,
  prepareLedger,
} from './scenario-helpers.ts';

/** The Association Sportive du Val's year: forty members and their dues, the town's grant, monthly costs. */
export async function buildAssociation(store: DbHandle, orgId: string, userId: string | null, year: number) {
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
    // Dues: each member in January (season renewal) or September (new members), paid by transfer ten days
    // later (a receipt allocated to the invoice).
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
      await payByTransfer(trx, orgId, userId, invoice, paidOn);
    }
    // The town hall's operating grant, voted in March and paid in April, and below the monthly costs: direct
    // entries, as an accountant keys them (a grant is not invoiced, and Agora has no purchases module yet).
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
