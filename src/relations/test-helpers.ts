// Builders for the relations module's own tests (integration tests on both databases) and for the copy
// test's populate step. Through the domain functions, as real work would go.
import type { Db } from '../kernel/db/index.ts';
import { organisationInput } from '../kernel/organisations/contract.ts';
import {
  createOrganisation,
  getOrganisation,
  updateOrganisation,
} from '../kernel/organisations/organisation.ts';
import { partyInput } from '../kernel/parties/contract.ts';
import { createParty } from '../kernel/parties/party.ts';
import { ensureLedger, openFiscalYear } from '../ledger/index.ts';
import { createCatalogueItem } from './catalogue/catalogue.ts';
import { catalogueItemInput } from './catalogue/contract.ts';
import { eventInput } from './events/contract.ts';
import { addGuests, createEvent } from './events/event.ts';
import { invoiceSettingsInput } from './invoice-settings/contract.ts';
import { saveInvoiceSettings } from './invoice-settings/invoice-settings.ts';
import { invoiceDraftInput } from './invoices/contract.ts';
import { createCreditNote, createInvoiceDraft } from './invoices/invoice.ts';
import { issueInvoiceDocument } from './invoices/invoice-document.ts';
import { validateInvoice } from './invoices/invoice-validation.ts';
import { addTargets, createCampaign } from './prospecting/campaign.ts';
import { sendCampaignMailing } from './prospecting/campaign-letters.ts';
import { actionInput, campaignInput, mailingInput, targetFilterInput } from './prospecting/contract.ts';
import { quoteForTarget, recordAction } from './prospecting/prospect-actions.ts';
import { depositSlipInput, receiptInput } from './receipts/contract.ts';
import { createDepositSlip } from './receipts/deposit-slip.ts';
import { recordReceipt } from './receipts/receipt.ts';
import { reminderInput } from './reminders/contract.ts';
import { createReminder } from './reminders/reminder.ts';
import { issueReminderDocument } from './reminders/reminder-issue.ts';
import { quoteInput } from './sales/contract.ts';

let counter = 0;

export const SELLER = {
  legalForm: 'SARL',
  kind: 'company',
  siren: '812345676',
  siret: '81234567600017',
  vatNumber: 'FR19812345676',
  addressLine1: '25 rue des Artisans',
  postalCode: '69100',
  city: 'Villeurbanne',
  vatRegime: 'normal_monthly',
} as const;

/**
 * A company ready to invoice: address, SIREN, VAT number, chart, journals and the fiscal year 2026 (opened
 * explicitly: tests must not depend on today's date).
 */
export async function salesOrganisation(
  db: Db,
  overrides: Record<string, unknown> = {},
  ownerId: string | null = null,
) {
  return db.transaction().execute(async (trx) => {
    const org = await createOrganisation(
      trx,
      organisationInput.parse({
        name: `Ventes ${Date.now().toString(36)}${counter++}`,
        ...SELLER,
        ...overrides,
      }),
      ownerId,
    );
    await openFiscalYear(trx, org.id, { start: '2026-01-01', end: '2026-12-31' }, null);
    await ensureLedger(trx, org.id);
    return org;
  });
}

export async function salesCustomer(db: Db, orgId: string, overrides: Record<string, unknown> = {}) {
  return db.transaction().execute((trx) =>
    createParty(
      trx,
      orgId,
      partyInput.parse({
        kind: 'organisation',
        name: `Client ${counter++}`,
        roles: ['customer'],
        legalForm: 'SAS',
        siren: '901456780',
        addresses: [{ kind: 'billing', line1: '12 rue de la République', postalCode: '69002', city: 'Lyon' }],
        ...overrides,
      }),
      null,
    ),
  );
}

export async function catalogueItem(db: Db, orgId: string, overrides: Record<string, unknown> = {}) {
  return db.transaction().execute((trx) =>
    createCatalogueItem(
      trx,
      orgId,
      catalogueItemInput.parse({
        code: `ART-${counter++}`,
        label: 'Heure de conseil',
        kind: 'service',
        unit: 'HUR',
        unitPrice: '65',
        vatRate: '20',
        ...overrides,
      }),
      null,
    ),
  );
}

/** A draft invoice parsed as the API would (defaults, scaled decimals). */
export function draft(customerId: string, input: Record<string, unknown> = {}) {
  return invoiceDraftInput.parse({
    customerId,
    lines: [{ label: 'Prestation', quantity: '1', unitPrice: '100', vatRate: '20' }],
    ...input,
  });
}

export async function draftInvoice(
  db: Db,
  orgId: string,
  customerId: string,
  input: Record<string, unknown> = {},
) {
  return db.transaction().execute((trx) => createInvoiceDraft(trx, orgId, draft(customerId, input), null));
}

export async function validate(db: Db, orgId: string, invoiceId: string) {
  return db.transaction().execute((trx) => validateInvoice(trx, orgId, invoiceId, null));
}

export async function validatedInvoice(
  db: Db,
  orgId: string,
  customerId: string,
  input: Record<string, unknown> = {},
) {
  const invoice = await draftInvoice(db, orgId, customerId, input);
  return validate(db, orgId, invoice.id);
}

/**
 * Rows in every relations table of an organisation that populateLedger already gave a chart and a 2026
 * fiscal year: settings, a catalogue item, a validated invoice with its stored PDF, a credit note draft.
 */
export async function populateRelations(
  db: Db,
  orgId: string,
  documentsDir: string,
  actorId: string,
): Promise<void> {
  const org = await getOrganisation(db, orgId);
  await db.transaction().execute(async (trx) => {
    await updateOrganisation(
      trx,
      orgId,
      organisationInput.parse({
        name: org.name,
        kind: org.kind,
        legalForm: org.legalForm,
        siren: org.siren ?? '812345676',
        vatRegime: org.vatRegime,
        addressLine1: '1 place du Marché',
        postalCode: '69001',
        city: 'Lyon',
      }),
      actorId,
    );
    await saveInvoiceSettings(trx, orgId, invoiceSettingsInput.parse({ rcsCity: 'Lyon' }), null);
  });
  const customer = await salesCustomer(db, orgId);
  const item = await catalogueItem(db, orgId);
  const invoice = await validatedInvoice(db, orgId, customer.id, {
    issueDate: '2026-05-04',
    lines: [{ itemId: item.id, quantity: '2' }],
  });
  await issueInvoiceDocument(db, documentsDir, orgId, invoice.id, null);
  await db.transaction().execute((trx) => createCreditNote(trx, orgId, invoice.id, null));
  // A cheque paying part of it, deposited at the bank; then a reminder for the rest, with its letter.
  const cheque = await receipt(db, orgId, {
    customerId: customer.id,
    date: '2026-05-10',
    method: 'cheque',
    reference: '1234567',
    amount: 1000,
    allocations: [{ invoiceId: invoice.id, amount: 1000 }],
  });
  await db
    .transaction()
    .execute((trx) =>
      createDepositSlip(
        trx,
        orgId,
        depositSlipInput.parse({ date: '2026-05-11', receiptIds: [cheque.id] }),
        actorId,
      ),
    );
  const reminder = await db
    .transaction()
    .execute((trx) =>
      createReminder(
        trx,
        orgId,
        reminderInput.parse({ customerId: customer.id, level: 1, date: '2026-07-15', channel: 'letter' }),
        actorId,
      ),
    );
  await issueReminderDocument(db, documentsDir, orgId, reminder.id, actorId);
  await populateEventsAndProspecting(db, orgId, documentsDir);
}

/** A receipt parsed as the API would. */
export async function receipt(db: Db, orgId: string, input: Record<string, unknown>) {
  return db
    .transaction()
    .execute((trx) => recordReceipt(trx, orgId, receiptInput.parse({ method: 'transfer', ...input }), null));
}

/** An event with a cost and a guest; a campaign with a target, an action and an e-mailed letter (outbox). */
async function populateEventsAndProspecting(db: Db, orgId: string, documentsDir: string) {
  const prospect = await salesCustomer(db, orgId, { roles: ['prospect'], email: 'prospect@exemple.fr' });
  await db
    .transaction()
    .execute(async (trx) => {
      const event = await createEvent(
        trx,
        orgId,
        eventInput.parse({
          kind: 'trade_show',
          title: 'Salon des artisans',
          date: '2026-10-10',
          costs: [{ label: 'Stand', amount: 45000 }],
        }),
        null,
      );
      await addGuests(trx, orgId, event.id, [prospect.id], null);
      const campaign = await createCampaign(
        trx,
        orgId,
        campaignInput.parse({
          name: 'Rentrée',
          letterText: '{{civilite}}, {{nom}} : découvrez nos services.',
        }),
        null,
      );
      await addTargets(trx, orgId, campaign.id, targetFilterInput.parse({ partyIds: [prospect.id] }), null);
      await recordAction(
        trx,
        orgId,
        campaign.id,
        prospect.id,
        actionInput.parse({ kind: 'call', date: '2026-09-01', outcome: 'interested' }),
        null,
      );
      // « Établir un devis »: the target points at its quote (a reference the copy must keep).
      await quoteForTarget(
        trx,
        orgId,
        campaign.id,
        prospect.id,
        quoteInput.omit({ partyId: true }).parse({
          issueDate: '2026-09-02',
          lines: [{ label: 'Diagnostic', quantity: '1', unitPrice: '90', vatRate: '20' }],
        }),
        null,
      );
      return campaign.id;
    })
    .then((campaignId) =>
      sendCampaignMailing(
        db,
        documentsDir,
        orgId,
        campaignId,
        mailingInput.parse({ attachLetter: true }),
        null,
      ),
    );
}
