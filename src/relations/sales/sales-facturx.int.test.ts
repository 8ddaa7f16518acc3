import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestStore, type TestStore } from '../../../test/support/test-db.ts';
import { checkFacturXPdf, EXTERNAL_CHECKS, inPairs, validateCii } from '../../../test/support/validators.ts';
import { contractInput } from '../contracts/contract.ts';
import { createContract } from '../contracts/contracts.ts';
import { generateContractInvoices } from '../contracts/periodic-invoicing.ts';
import { invoiceToCii } from '../invoices/factur-x/cii.ts';
import { facturXPdf } from '../invoices/factur-x/factur-x.ts';
import { issuedInvoiceOf, loadInvoice } from '../invoices/invoice-read.ts';
import { catalogueItem, salesCustomer, salesOrganisation } from '../test-helpers.ts';
import {
  acceptedOrder,
  deliver,
  downPayment,
  invoiceFromOrder,
  validateDraft,
} from './sales-test-helpers.ts';

// The invoices of the sales pipeline through the external oracles (EN 16931 Schematron, Factur-X XSD
// and PDF/A-3 checks): a down payment invoice (386), the final invoice deducting it with several VAT
// rates and line discounts, an order invoice with a document discount, and members' dues exempt of VAT.
describe('sales invoices through the Factur-X validators', () => {
  let store: TestStore;
  beforeAll(async () => {
    store = await createTestStore('sqlite');
  });
  afterAll(async () => {
    await store?.drop();
  });

  it.runIf(EXTERNAL_CHECKS)(
    'down payment, final invoice, discounted order invoice and dues pass validate-cii.sh and check-facturx-pdf.sh',
    async () => {
      const org = await salesOrganisation(store.db);
      const customer = await salesCustomer(store.db, org.id);
      const chair = await catalogueItem(store.db, org.id, {
        kind: 'goods',
        unit: 'C62',
        label: 'Chaise',
        unitPrice: '80',
        revenueAccount: '707',
      });
      const order = await acceptedOrder(store.db, org.id, customer.id, {
        lines: [
          { itemId: chair.id, quantity: '6', discountPercent: '7.5' },
          { label: 'Livres', kind: 'goods', quantity: '10', unitPrice: '18.90', vatRate: '5.5' },
          { label: 'Repas', quantity: '12', unitPrice: '18.5', vatRate: '10', discountPercent: '5' },
        ],
      });
      const down = await validateDraft(
        store.db,
        org.id,
        (await downPayment(store.db, org.id, order.id, { amount: '500' })).id,
      );
      await deliver(store.db, org.id, order.id);
      const final = await validateDraft(
        store.db,
        org.id,
        (await invoiceFromOrder(store.db, org.id, order.id)).id,
      );

      const discounted = await acceptedOrder(store.db, org.id, customer.id, {
        documentDiscountPercent: '3',
        lines: [
          { label: 'Conseil', quantity: '3.5', unitPrice: '65', vatRate: '20', unit: 'HUR' },
          { label: 'Formation', quantity: '1', unitPrice: '420', vatRate: '20', discountPercent: '10' },
        ],
      });
      const discountedInvoice = await validateDraft(
        store.db,
        org.id,
        (await invoiceFromOrder(store.db, org.id, discounted.id)).id,
      );

      await store.db.transaction().execute(async (trx) => {
        await createContract(
          trx,
          org.id,
          contractInput.parse({
            partyId: customer.id,
            label: 'Cotisation annuelle',
            periodicity: 'yearly',
            startDate: '2026-01-01',
            lines: [
              {
                label: 'Cotisation de membre',
                quantity: '1',
                unitPrice: '35',
                vatRate: '0',
                vatExemptionReason: 'Exonération de TVA, article 261, 7-1° du CGI',
              },
            ],
          }),
          null,
        );
        return generateContractInvoices(trx, org.id, { upTo: '2026-06-30' }, null);
      });
      const duesDraft = await store.db
        .selectFrom('relations_sales_invoice')
        .select('invoice_id')
        .where('org_id', '=', org.id)
        .where('purpose', '=', 'contract')
        .executeTakeFirstOrThrow();
      const dues = await validateDraft(store.db, org.id, duesDraft.invoice_id);

      const issued = await Promise.all(
        [down, final, discountedInvoice, dues].map(async (i) =>
          issuedInvoiceOf(await loadInvoice(store.db, org.id, i.id), null),
        ),
      );
      expect(invoiceToCii(issued[0]!)).toContain('<ram:TypeCode>386</ram:TypeCode>');
      expect(invoiceToCii(issued[1]!)).toContain('<ram:TypeCode>380</ram:TypeCode>');
      const results = await inPairs(issued, async (invoice) => {
        const { pdf, xml } = await facturXPdf(invoice);
        return { number: invoice.number, cii: await validateCii(xml), pdf: await checkFacturXPdf(pdf) };
      });
      for (const r of results) {
        expect(r.cii.ok, `${r.number} CII\n${r.cii.output}`).toBe(true);
        expect(r.pdf.ok, `${r.number} PDF\n${r.pdf.output}`).toBe(true);
        expect(r.pdf.output).toContain('RESULT: PASS');
      }
    },
    600_000,
  );
});
