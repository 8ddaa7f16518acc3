import { addDays, compareDates, todayIn } from '../kernel/dates/index.ts';
import type { Store } from '../kernel/db/index.ts';
import {
  catalogueItemInput,
  createCatalogueItem,
  createCreditNote,
  createInvoiceDraft,
  invoiceDraftInput,
  invoiceSettingsInput,
  receiptInput,
  recordReceipt,
  saveInvoiceSettings,
  updateInvoiceDraft,
  validateInvoice,
} from '../relations/index.ts';
import { buildDemoYear } from './demo-year.ts';

const CATALOGUE = [
  {
    code: 'CONS-H',
    label: 'Heure de conseil en organisation',
    kind: 'service',
    unit: 'HUR',
    unitPrice: '65',
    vatRate: '20',
  },
  {
    code: 'FORM-J',
    label: 'Journée de formation bureautique',
    kind: 'service',
    unit: 'DAY',
    unitPrice: '480',
    vatRate: '20',
  },
  {
    code: 'MAINT-M',
    label: 'Maintenance informatique mensuelle',
    kind: 'service',
    unit: 'MON',
    unitPrice: '89.9',
    vatRate: '20',
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
    code: 'RAMETTE',
    label: 'Ramette de papier A4 recyclé',
    kind: 'goods',
    unit: 'C62',
    unitPrice: '5.2',
    vatRate: '20',
    revenueAccount: '707',
  },
  {
    code: 'REPAS-SEM',
    label: 'Repas de séminaire',
    kind: 'service',
    unit: 'C62',
    unitPrice: '18.5',
    vatRate: '10',
  },
] as const;

/**
 * The demo organisation's sales: invoicing settings, a catalogue, the year's activity (demo-year.ts), then
 * a few recent validated invoices, a credit note and a first payment, made through the domain functions (numbers, ledger entries and audit as in real
 * work). Their PDFs
 * are issued at the first download. Dated in the weeks before today, within the current fiscal year.
 */
export async function seedDemoSales(store: Store, orgId: string, userId: string): Promise<void> {
  const already = await store.db
    .selectFrom('relations_catalogue_item')
    .select('id')
    .where('org_id', '=', orgId)
    .limit(1)
    .executeTakeFirst();
  if (already) return;
  const org = await store.db
    .selectFrom('organisation')
    .select('time_zone')
    .where('org_id', '=', orgId)
    .executeTakeFirstOrThrow();
  const today = todayIn(org.time_zone);
  const yearStart = `${today.slice(0, 4)}-01-01`;
  const daysAgo = (n: number) => {
    const date = addDays(today, -n);
    return compareDates(date, yearStart) < 0 ? yearStart : date;
  };
  const customers = await store.db
    .selectFrom('party')
    .select(['id', 'name'])
    .where('org_id', '=', orgId)
    .where('name', 'in', ['Boulangerie Martin', 'Mairie de Saint-Genis'])
    .execute();
  const customer = (name: string) => customers.find((c) => c.name === name)!.id;

  await store.db.transaction().execute(async (trx) => {
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
      userId,
    );
    const items = new Map<string, string>();
    for (const item of CATALOGUE)
      items.set(
        item.code,
        (await createCatalogueItem(trx, orgId, catalogueItemInput.parse(item), userId)).id,
      );
    // The year before these recent documents (demo-year.ts): it ends seven weeks before today.
    await buildDemoYear(trx, orgId, userId, { today, lastInvoiceDay: addDays(today, -50), items });
    const line = (code: string, quantity: string, extra: Record<string, unknown> = {}) => ({
      itemId: items.get(code),
      quantity,
      ...extra,
    });
    const invoices = [
      {
        customerId: customer('Boulangerie Martin'),
        issueDate: daysAgo(45),
        deliveryDate: daysAgo(47),
        lines: [line('CONS-H', '6'), line('LIV-GEST', '2')],
      },
      {
        customerId: customer('Mairie de Saint-Genis'),
        issueDate: daysAgo(30),
        customerOrderRef: 'BC-2026-118',
        documentDiscountPercent: '5',
        lines: [
          line('FORM-J', '2'),
          line('REPAS-SEM', '24'),
          line('RAMETTE', '10', { discountPercent: '10' }),
        ],
      },
      {
        customerId: customer('Boulangerie Martin'),
        issueDate: daysAgo(12),
        lines: [line('MAINT-M', '3')],
      },
    ];
    const validated = [];
    for (const input of invoices) {
      const draft = await createInvoiceDraft(trx, orgId, invoiceDraftInput.parse(input), userId);
      validated.push(await validateInvoice(trx, orgId, draft.id, userId));
    }
    // The town hall sent back five reams: a credit note on its invoice.
    const credit = await createCreditNote(trx, orgId, validated[1]!.id, userId);
    await updateInvoiceDraft(
      trx,
      orgId,
      credit.id,
      invoiceDraftInput.parse({
        customerId: invoices[1]!.customerId,
        issueDate: daysAgo(5),
        documentDiscountPercent: '5',
        lines: [line('RAMETTE', '5', { discountPercent: '10' })],
      }),
      userId,
    );
    await validateInvoice(trx, orgId, credit.id, userId);
    // The town hall paid a first instalment by transfer: a partly paid invoice, lettered partially.
    await recordReceipt(
      trx,
      orgId,
      receiptInput.parse({
        customerId: invoices[1]!.customerId,
        date: daysAgo(3),
        method: 'transfer',
        reference: 'VIR TRESOR PUBLIC',
        amount: 30000,
        allocations: [{ invoiceId: validated[1]!.id, amount: 30000 }],
      }),
      userId,
    );
    // And a draft waiting for validation.
    await createInvoiceDraft(
      trx,
      orgId,
      invoiceDraftInput.parse({ customerId: customer('Boulangerie Martin'), lines: [line('CONS-H', '3')] }),
      userId,
    );
  });
}
