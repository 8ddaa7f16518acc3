// What the two shipped scenarios share: names for made-up people, dates, the scenario's fiscal year, how a
// customer pays an invoice.
import type { Db } from '../kernel/db/index.ts';
import { partyInput } from '../kernel/parties/contract.ts';
import { createParty } from '../kernel/parties/party.ts';
import { ensureLedger, openFiscalYear } from '../ledger/index.ts';
import { type InvoiceDto, receiptInput, recordReceipt } from '../relations/index.ts';

export type DbHandle = { db: Db };

export const FIRST_NAMES = [
  'Léa',
  'Hugo',
  'Inès',
  'Noah',
  'Chloé',
  'Lucas',
  'Manon',
  'Adam',
  'Jade',
  'Louis',
];
export const LAST_NAMES = ['Bernard', 'Petit', 'Robert', 'Richard', 'Moreau', 'Laurent', 'Simon', 'Michel'];

/** Opens the scenario's fiscal year before anything is dated in it (the real today may be elsewhere). */
export async function prepareLedger(trx: Db, orgId: string, userId: string | null, year: number) {
  const exists = await trx
    .selectFrom('ledger_fiscal_year')
    .select('id')
    .where('org_id', '=', orgId)
    .where('start_date', '=', `${year}-01-01`)
    .executeTakeFirst();
  if (!exists) await openFiscalYear(trx, orgId, { start: `${year}-01-01`, end: `${year}-12-31` }, userId);
  await ensureLedger(trx, orgId, userId);
}

export const day = (year: number, month: number, d: number) =>
  `${year}-${String(month).padStart(2, '0')}-${String(d).padStart(2, '0')}`;

/**
 * Private customers (people: a French company customer would need its SIREN on the invoice), shared by the
 * trading scenario and the demo organisation's year.
 */
export async function createPrivateCustomers(trx: Db, orgId: string, userId: string | null, count: number) {
  const ids: string[] = [];
  for (let i = 0; i < count; i++) {
    const created = await createParty(
      trx,
      orgId,
      partyInput.parse({
        kind: 'person',
        name: `${FIRST_NAMES[i % FIRST_NAMES.length]} ${LAST_NAMES[i % LAST_NAMES.length]}`,
        roles: ['customer'],
        email: `client${i + 1}@example.org`,
        addresses: [{ kind: 'billing', line1: `${i + 3} rue du Marché`, postalCode: '69003', city: 'Lyon' }],
      }),
      userId,
    );
    ids.push(created.id);
  }
  return ids;
}

/**
 * The customer pays the whole invoice by transfer on `date`, recorded as at Relations › Encaissements: a
 * validated receipt allocated to the invoice, which posts its own bank entry (512 / 411) and letters the
 * invoice, so the invoice is paid in area 1 and the aged receivables agree with account 411.
 */
export async function payByTransfer(
  trx: Db,
  orgId: string,
  userId: string | null,
  invoice: Pick<InvoiceDto, 'id' | 'customerId' | 'number' | 'total'>,
  date: string,
) {
  return recordReceipt(
    trx,
    orgId,
    receiptInput.parse({
      customerId: invoice.customerId,
      date,
      method: 'transfer',
      reference: `VIR ${invoice.number}`,
      amount: invoice.total,
      allocations: [{ invoiceId: invoice.id, amount: invoice.total }],
    }),
    userId,
  );
}
