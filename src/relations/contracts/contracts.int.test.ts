import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestStore, DIALECTS, type TestStore } from '../../../test/support/test-db.ts';
import { deleteInvoiceDraft } from '../invoices/invoice.ts';
import { getInvoice } from '../invoices/invoice-read.ts';
import { salesCustomer, salesOrganisation } from '../test-helpers.ts';
import { contractInput } from './contract.ts';
import { createContract, getContract, listContracts } from './contracts.ts';
import { generateContractInvoices, periodsUpTo } from './periodic-invoicing.ts';

describe('contract periods', () => {
  it('cuts months, quarters and years from the start date, within the end date', () => {
    expect(
      periodsUpTo({ start_date: '2026-01-31', end_date: null, periodicity: 'monthly' }, '2026-03-31'),
    ).toEqual([
      { start: '2026-01-31', end: '2026-02-27' },
      { start: '2026-02-28', end: '2026-03-30' },
      { start: '2026-03-31', end: '2026-04-29' },
    ]);
    expect(
      periodsUpTo(
        { start_date: '2026-01-01', end_date: '2026-08-15', periodicity: 'quarterly' },
        '2027-01-01',
      ),
    ).toEqual([
      { start: '2026-01-01', end: '2026-03-31' },
      { start: '2026-04-01', end: '2026-06-30' },
      { start: '2026-07-01', end: '2026-08-15' },
    ]);
    expect(
      periodsUpTo({ start_date: '2026-09-01', end_date: null, periodicity: 'yearly' }, '2026-08-31'),
    ).toEqual([]);
  });
});

describe.each(DIALECTS)('contracts on %s', (dialect) => {
  let store: TestStore;
  beforeAll(async () => {
    store = await createTestStore(dialect);
  });
  afterAll(async () => {
    await store?.drop();
  });

  const generate = (orgId: string, upTo: string) =>
    store.db.transaction().execute((trx) => generateContractInvoices(trx, orgId, { upTo }, null));

  it('generates each period’s invoice draft once, whatever the number of runs', async () => {
    const org = await salesOrganisation(store.db, { kind: 'association', legalForm: 'Association loi 1901' });
    const member = await salesCustomer(store.db, org.id, {
      kind: 'person',
      name: 'Camille Martin',
      legalForm: null,
      siren: null,
      roles: ['member'],
    });
    const contract = await store.db.transaction().execute((trx) =>
      createContract(
        trx,
        org.id,
        contractInput.parse({
          partyId: member.id,
          label: 'Cotisation trimestrielle',
          periodicity: 'quarterly',
          startDate: '2026-01-01',
          lines: [
            {
              label: 'Cotisation',
              quantity: '1',
              unitPrice: '15',
              vatRate: '0',
              vatExemptionReason: 'Exonération de TVA, article 261, 7-1° du CGI',
            },
          ],
        }),
        null,
      ),
    );
    expect(contract).toMatchObject({ totalNet: 1500, total: 1500, periodicity: 'quarterly' });

    const first = await generate(org.id, '2026-05-10');
    expect(first.created.map((c) => c.periodStart)).toEqual(['2026-01-01', '2026-04-01']);
    expect((await generate(org.id, '2026-05-10')).created).toEqual([]);
    const later = await generate(org.id, '2026-07-01');
    expect(later.created.map((c) => [c.periodStart, c.periodEnd])).toEqual([['2026-07-01', '2026-09-30']]);

    const invoice = await getInvoice(store.db, org.id, first.created[0]!.invoiceId);
    expect(invoice).toMatchObject({ status: 'draft', customerId: member.id, deliveryDate: '2026-03-31' });
    expect(invoice.lines[0]!.description).toBe('Période du 01/01/2026 au 31/03/2026');
    expect(invoice.notes).toContain('Cotisation trimestrielle');

    // The database refuses a second invoice for the same period even if the loop were bypassed.
    await expect(
      store.db
        .insertInto('relations_sales_invoice')
        .values({
          org_id: org.id,
          invoice_id: later.created[0]!.invoiceId,
          purpose: 'contract',
          order_id: null,
          contract_id: contract.id,
          period_start: '2026-01-01',
          period_end: '2026-03-31',
        })
        .execute(),
    ).rejects.toThrow();

    // Deleting a period's draft frees the period; the next run makes it again.
    await store.db
      .transaction()
      .execute((trx) => deleteInvoiceDraft(trx, org.id, first.created[1]!.invoiceId, null));
    expect((await generate(org.id, '2026-07-01')).created.map((c) => c.periodStart)).toEqual(['2026-04-01']);
    const stored = await getContract(store.db, org.id, contract.id);
    expect(stored.invoices.map((i) => i.periodStart)).toEqual(['2026-01-01', '2026-04-01', '2026-07-01']);
    expect((await listContracts(store.db, org.id, { limit: 50, offset: 0 })).total).toBe(1);
  });

  it('two runs at the same moment make each period once', async () => {
    const org = await salesOrganisation(store.db);
    const customer = await salesCustomer(store.db, org.id);
    await store.db.transaction().execute((trx) =>
      createContract(
        trx,
        org.id,
        contractInput.parse({
          partyId: customer.id,
          label: 'Maintenance',
          periodicity: 'monthly',
          startDate: '2026-01-01',
          lines: [{ label: 'Maintenance', quantity: '1', unitPrice: '50', vatRate: '20' }],
        }),
        null,
      ),
    );
    const runs = await Promise.all([generate(org.id, '2026-06-30'), generate(org.id, '2026-06-30')]);
    expect(runs.map((r) => r.created.length).sort()).toEqual([0, 6]);
  });

  it('refuses bad input with French errors and changes nothing', async () => {
    const org = await salesOrganisation(store.db);
    const customer = await salesCustomer(store.db, org.id);
    expect(() =>
      contractInput.parse({
        partyId: customer.id,
        label: 'X',
        periodicity: 'weekly',
        startDate: '2026-01-01',
        lines: [],
      }),
    ).toThrow(/Périodicité inconnue/);
    await expect(
      store.db.transaction().execute((trx) =>
        createContract(
          trx,
          org.id,
          contractInput.parse({
            partyId: customer.id,
            label: 'Maintenance',
            periodicity: 'monthly',
            startDate: '2026-05-01',
            endDate: '2026-04-01',
            lines: [{ label: 'Maintenance', quantity: '1', unitPrice: '50', vatRate: '20' }],
          }),
          null,
        ),
      ),
    ).rejects.toThrow(/date de fin précède/);
    expect((await listContracts(store.db, org.id, { limit: 50, offset: 0 })).total).toBe(0);
  });
});
