// Builders for the sales pipeline's tests and for the copy test's populate step, through the domain.
import type { Db } from '../../kernel/db/index.ts';
import { contractInput } from '../contracts/contract.ts';
import { createContract } from '../contracts/contracts.ts';
import { generateContractInvoices } from '../contracts/periodic-invoicing.ts';
import { validateInvoice } from '../invoices/invoice-validation.ts';
import { catalogueItem, salesCustomer } from '../test-helpers.ts';
import { deliveryInput, downPaymentInput, quoteInput } from './contract.ts';
import { createDeliveryNote } from './delivery-notes.ts';
import { createSalesDraft } from './documents.ts';
import { createDownPaymentInvoice, invoiceOrder } from './order-invoicing.ts';
import { acceptQuote, sendQuote } from './quotes.ts';

const tx = <T>(db: Db, work: (trx: Db) => Promise<T>) => db.transaction().execute(work);

export function quote(partyId: string, input: Record<string, unknown> = {}) {
  return quoteInput.parse({
    partyId,
    issueDate: '2026-03-02',
    validityDate: '2099-12-31',
    lines: [{ label: 'Prestation', quantity: '1', unitPrice: '100', vatRate: '20' }],
    ...input,
  });
}

export const draftQuote = (db: Db, orgId: string, partyId: string, input: Record<string, unknown> = {}) =>
  tx(db, (trx) => createSalesDraft(trx, orgId, 'quote', quote(partyId, input), null));

/** A quote sent and accepted: returns the confirmed order. */
export async function acceptedOrder(
  db: Db,
  orgId: string,
  partyId: string,
  input: Record<string, unknown> = {},
) {
  const q = await draftQuote(db, orgId, partyId, input);
  await tx(db, (trx) => sendQuote(trx, orgId, q.id, null));
  return (await tx(db, (trx) => acceptQuote(trx, orgId, q.id, null))).order;
}

export const deliver = (db: Db, orgId: string, orderId: string, input: Record<string, unknown> = {}) =>
  tx(db, (trx) => createDeliveryNote(trx, orgId, orderId, deliveryInput.parse(input), null));

export const downPayment = (db: Db, orgId: string, orderId: string, input: Record<string, unknown>) =>
  tx(db, (trx) => createDownPaymentInvoice(trx, orgId, orderId, downPaymentInput.parse(input), null));

export const invoiceFromOrder = (db: Db, orgId: string, orderId: string) =>
  tx(db, (trx) => invoiceOrder(trx, orgId, orderId, null));

export const validateDraft = (db: Db, orgId: string, invoiceId: string) =>
  tx(db, (trx) => validateInvoice(trx, orgId, invoiceId, null));

/**
 * Rows in every sales table of an organisation that populateRelations prepared (address, SIREN, 2026):
 * a quote turned into an order, delivered in part, a down payment, an order invoice, a contract period.
 */
export async function populateSales(db: Db, orgId: string): Promise<void> {
  const customer = await salesCustomer(db, orgId);
  const item = await catalogueItem(db, orgId, { kind: 'goods', unit: 'C62', unitPrice: '40' });
  const order = await acceptedOrder(db, orgId, customer.id, {
    lines: [{ itemId: item.id, quantity: '4' }],
  });
  await deliver(db, orgId, order.id, { lines: [{ orderLineId: order.lines[0]!.id, quantity: '2' }] });
  const down = await downPayment(db, orgId, order.id, { percent: '30' });
  await validateDraft(db, orgId, down.id);
  await invoiceFromOrder(db, orgId, order.id);
  await tx(db, (trx) =>
    createContract(
      trx,
      orgId,
      contractInput.parse({
        partyId: customer.id,
        label: 'Contrat de maintenance',
        periodicity: 'monthly',
        startDate: '2026-01-01',
        lines: [{ label: 'Maintenance', quantity: '1', unitPrice: '50', vatRate: '20' }],
      }),
      null,
    ),
  );
  await tx(db, (trx) => generateContractInvoices(trx, orgId, { upTo: '2026-01-15' }, null));
}
