// Realistic data for the load test, written through the domain functions as real work would be: an
// invoicing company, 2,000 customers (each with a contact and a billing address) and 1,000 invoices of
// three lines (half of them validated, the rest drafts).
import { todayIn } from '../../src/kernel/dates/index.ts';
import type { Store } from '../../src/kernel/db/index.ts';
import { organisationInput } from '../../src/kernel/organisations/contract.ts';
import { createOrganisation } from '../../src/kernel/organisations/organisation.ts';
import { partyInput } from '../../src/kernel/parties/contract.ts';
import { createParty } from '../../src/kernel/parties/party.ts';
import { createUser } from '../../src/kernel/users/users.ts';
import { ensureLedger, openFiscalYear } from '../../src/ledger/index.ts';
import { invoiceDraftInput } from '../../src/relations/invoices/contract.ts';
import { createInvoiceDraft } from '../../src/relations/invoices/invoice.ts';
import { validateInvoice } from '../../src/relations/invoices/invoice-validation.ts';
import { SELLER } from '../../src/relations/test-helpers.ts';

export const LOAD_EMAIL = 'mesure@agora.test';
export const LOAD_PASSWORD = 'Vingt-Mille-Requetes-7';

export type Seeded = { orgId: string; customerIds: string[]; validated: number };

/** The lines of every invoice of the test, seeded or created under load. */
export function invoiceBody(customerId: string) {
  return {
    customerId,
    lines: [
      { label: 'Heure de conseil', quantity: '7.5', unitPrice: '65', vatRate: '20', discountPercent: '10' },
      { label: 'Livre', kind: 'goods', quantity: '3', unitPrice: '18.90', vatRate: '5.5' },
      { label: 'Repas', quantity: '12', unitPrice: '18.5', vatRate: '10' },
    ],
  };
}

export async function seedLoadData(
  store: Store,
  { parties = 2000, invoices = 1000 }: { parties?: number; invoices?: number } = {},
): Promise<Seeded> {
  const user = await createUser(store.db, {
    email: LOAD_EMAIL,
    name: 'Lucie Martin',
    password: LOAD_PASSWORD,
  });
  const year = todayIn().slice(0, 4);
  const org = await store.db.transaction().execute(async (trx) => {
    const o = await createOrganisation(
      trx,
      organisationInput.parse({ name: 'Charge SARL', ...SELLER }),
      user.id,
    );
    await openFiscalYear(trx, o.id, { start: `${year}-01-01`, end: `${year}-12-31` }, null);
    await ensureLedger(trx, o.id);
    return o;
  });
  const customerIds: string[] = [];
  let validated = 0;
  // Batches of 250 per transaction: one long transaction on PostgreSQL is fine, but SQLite readers of
  // the same file (none here) would wait; batches keep the seed close to real use.
  for (let start = 0; start < parties; start += 250) {
    await store.db.transaction().execute(async (trx) => {
      for (let i = start; i < Math.min(parties, start + 250); i++) {
        const party = await createParty(
          trx,
          org.id,
          partyInput.parse({
            kind: 'organisation',
            name: `Client ${String(i).padStart(4, '0')} ${['Dupont', 'Martin', 'Bernard', 'Petit'][i % 4]}`,
            roles: i % 5 === 0 ? ['customer', 'supplier'] : ['customer'],
            legalForm: 'SAS',
            siren: '901456780',
            email: `client${i}@example.fr`,
            phone: '04 78 00 00 00',
            contacts: [{ name: `Contact ${i}`, jobTitle: 'Comptable', email: `compta${i}@example.fr` }],
            addresses: [
              { kind: 'billing', line1: `${i} rue de la République`, postalCode: '69002', city: 'Lyon' },
            ],
          }),
          user.id,
        );
        customerIds.push(party.id);
      }
    });
  }
  for (let start = 0; start < invoices; start += 100) {
    await store.db.transaction().execute(async (trx) => {
      for (let i = start; i < Math.min(invoices, start + 100); i++) {
        const draft = await createInvoiceDraft(
          trx,
          org.id,
          invoiceDraftInput.parse(invoiceBody(customerIds[i % customerIds.length]!)),
          user.id,
        );
        if (i % 2 === 0) {
          await validateInvoice(trx, org.id, draft.id, user.id);
          validated++;
        }
      }
    });
  }
  return { orgId: org.id, customerIds, validated };
}
