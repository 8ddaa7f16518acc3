import { addDays, endOfMonth } from '../kernel/dates/index.ts';
import { partyInput } from '../kernel/parties/contract.ts';
import { createParty } from '../kernel/parties/party.ts';
import { post } from '../ledger/index.ts';
import { billInput, createBill, payBill, paymentInput, validateBill } from '../production/index.ts';
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
  createPrivateCustomers,
  type DbHandle,
  day,
  payByTransfer,
  prepareLedger,
} from './scenario-helpers.ts';
import { DEMO_PARTIES } from './seed.ts';

/** Les Ateliers du Val's year: sixteen parties, a catalogue, four invoices a month, purchases, receipts. */
export async function buildTrading(store: DbHandle, orgId: string, userId: string | null, year: number) {
  await store.db.transaction().execute(async (trx) => {
    await prepareLedger(trx, orgId, userId, year);
    const customers: string[] = [];
    const suppliers: string[] = [];
    for (const party of DEMO_PARTIES) {
      const created = await createParty(trx, orgId, partyInput.parse(party), userId);
      if (party.roles.includes('customer' as never)) customers.push(created.id);
      // Goods for resale come from the suppliers (a supplier bill needs the role: decision 0032).
      if (party.roles.includes('supplier' as never)) suppliers.push(created.id);
    }
    customers.push(...(await createPrivateCustomers(trx, orgId, userId, 10)));
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
      // Sales: four invoices a month, paid by transfer thirty days later (a receipt allocated to the invoice).
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
        if (paidOn <= day(year, 11, 30)) await payByTransfer(trx, orgId, userId, invoice, paidOn);
      }
      // Purchases of goods for resale, entered as supplier bills of area 2 (AC: 607 / 44566 / 401) and paid
      // by transfer at the end of the month (BQ: 401 / 512); the bank's account fee is a bank entry of its own.
      const supplierId = suppliers[month % suppliers.length]!;
      const net = 120_000 + month * 3_500;
      const purchaseDate = day(year, month, 5);
      const endOf = endOfMonth(purchaseDate);
      const draftBill = await createBill(
        trx,
        orgId,
        billInput.parse({
          supplierId,
          supplierRef: `FA-${year}-${String(month).padStart(2, '0')}`,
          billDate: purchaseDate,
          dueDate: endOf,
          lines: [
            {
              label: `Achat de marchandises ${month}/${year}`,
              account: '607',
              netAmount: net,
              vatRate: 2000,
            },
          ],
        }),
        userId,
      );
      const bill = await validateBill(trx, orgId, draftBill.id, userId);
      await payBill(
        trx,
        orgId,
        bill.id,
        paymentInput.parse({
          date: endOf,
          method: 'transfer',
          amount: bill.total,
          reference: `RLV-${year}-${String(month).padStart(2, '0')}`,
        }),
        userId,
      );
      await post(
        trx,
        orgId,
        {
          journal: 'BQ',
          date: endOf,
          label: `Frais bancaires ${month}/${year}`,
          voucherRef: `RLV-${year}-${String(month).padStart(2, '0')}`,
          voucherDate: endOf,
          lines: [
            {
              account: '627',
              partyId: null,
              label: 'Frais de tenue de compte',
              debit: 1_250,
              credit: 0,
              dueDate: null,
            },
            { account: '512', partyId: null, label: null, debit: 0, credit: 1_250, dueDate: null },
          ],
        },
        userId,
      );
    }
  });
}
