import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestStore, DIALECTS, type TestStore } from '../../../test/support/test-db.ts';
import { getParty } from '../../kernel/parties/party.ts';
import { getEntry, letter, post } from '../../ledger/index.ts';
import { resolveComplaint } from '../complaints/complaint.ts';
import { deleteInvoiceDraft } from '../invoices/invoice.ts';
import { getInvoice } from '../invoices/invoice-read.ts';
import { complaint, phoneRequest } from '../records-test-helpers.ts';
import { answerRequest } from '../requests/request.ts';
import { draftInvoice, salesCustomer, salesOrganisation, validatedInvoice } from '../test-helpers.ts';
import { listConsents, recordConsent } from './consents.ts';
import { consentInput } from './contract.ts';
import { ERASED_NAME, eraseParty, erasureCheck } from './erasure.ts';
import { personalData, personalDataText } from './personal-data.ts';

describe.each(DIALECTS)('GDPR on %s', (dialect) => {
  let store: TestStore;
  beforeAll(async () => {
    store = await createTestStore(dialect);
  });
  afterAll(async () => {
    await store?.drop();
  });

  const person = (orgId: string) =>
    salesCustomer(store.db, orgId, {
      kind: 'person',
      name: 'Léa Roux',
      siren: null,
      legalForm: null,
      email: 'lea@exemple.fr',
      phone: '06 12 34 56 78',
      contacts: [{ name: 'Marc Roux', email: 'marc@exemple.fr' }],
    });

  it('keeps the history of consents and exports everything held on a person', async () => {
    const db = store.db;
    const org = await salesOrganisation(db);
    const lea = await person(org.id);
    const consent = (granted: boolean, givenOn: string) =>
      db
        .transaction()
        .execute((trx) =>
          recordConsent(
            trx,
            org.id,
            lea.id,
            consentInput.parse({ purpose: 'photos', granted, givenOn, source: 'papier' }),
            null,
          ),
        );
    await consent(true, '2026-03-01');
    const after = await consent(false, '2026-04-01');
    expect(after.current).toMatchObject([{ purpose: 'photos', granted: false, givenOn: '2026-04-01' }]);
    expect(after.history).toHaveLength(2);
    await phoneRequest(db, org.id, { partyId: lea.id, message: 'Mon message privé' });
    const data = await personalData(db, org.id, lea.id);
    expect(data.person.email).toBe('lea@exemple.fr');
    expect(data.consents).toHaveLength(2);
    expect(data.requests[0]!.message).toBe('Mon message privé');
    const text = personalDataText(data);
    expect(text).toContain('Nom : Léa Roux');
    expect(text).toContain('01/04/2026 : refus ou retrait pour droit à l’image (photos) (papier)');
    expect(text).toContain('Mon message privé');
  });

  it('refuses erasure while the law needs the data, then anonymises and keeps the issued invoices', async () => {
    const db = store.db;
    const org = await salesOrganisation(db);
    const lea = await person(org.id);
    const company = await salesCustomer(db, org.id);
    expect((await erasureCheck(db, org.id, company.id)).obstacles[0]).toContain('personnes physiques');

    const invoice = await validatedInvoice(db, org.id, lea.id, { issueDate: '2026-02-01' });
    const draft = await draftInvoice(db, org.id, lea.id);
    const request = await phoneRequest(db, org.id, { partyId: lea.id, message: 'Rappelez-moi au 06…' });
    await db
      .transaction()
      .execute((trx) => answerRequest(trx, org.id, request.id, { answer: 'Fait', close: true }, null));
    const open = await complaint(db, org.id, lea.id);
    const check = await erasureCheck(db, org.id, lea.id);
    expect(check.allowed).toBe(false);
    expect(check.obstacles).toHaveLength(3);
    expect(check.obstacles.join(' ')).toContain('brouillon');
    expect(check.obstacles.join(' ')).toContain(invoice.number!);
    expect(check.obstacles.join(' ')).toContain(open.number);
    await expect(db.transaction().execute((trx) => eraseParty(trx, org.id, lea.id, null))).rejects.toThrow(
      'Effacement impossible',
    );

    // Settle everything: delete the draft, the invoice is paid and lettered, the complaint refused.
    await db.transaction().execute((trx) => deleteInvoiceDraft(trx, org.id, draft.id, null));
    const entry = await getEntry(db, org.id, invoice.ledgerEntryId!);
    await db.transaction().execute(async (trx) => {
      const paid = await post(
        trx,
        org.id,
        {
          journal: 'BQ',
          date: '2026-02-10',
          label: 'Paiement',
          voucherRef: null,
          voucherDate: null,
          lines: [
            {
              account: '512',
              partyId: null,
              label: 'Paiement',
              debit: invoice.total,
              credit: 0,
              dueDate: null,
            },
            {
              account: '411',
              partyId: lea.id,
              label: 'Paiement',
              debit: 0,
              credit: invoice.total,
              dueDate: null,
            },
          ],
        },
        null,
      );
      await letter(
        trx,
        org.id,
        {
          lineIds: [
            entry.lines.find((l) => l.account.startsWith('411'))!.id,
            paid.lines.find((l) => l.account.startsWith('411'))!.id,
          ],
          partial: false,
        },
        null,
      );
      await resolveComplaint(
        trx,
        org.id,
        open.id,
        { resolution: 'refusal', note: 'Motif', creditNoteId: null, creditInvoiceId: null },
        null,
      );
    });

    const erased = await db.transaction().execute((trx) => eraseParty(trx, org.id, lea.id, null));
    expect(erased.kept[0]).toContain('L123-22');
    expect(erased.kept[0]).toContain('01/02/2036');
    const party = await getParty(db, org.id, lea.id);
    expect(party).toMatchObject({ name: ERASED_NAME, email: null, phone: null, contacts: [], addresses: [] });
    expect(party.archivedAt).not.toBeNull();
    const data = await personalData(db, org.id, lea.id);
    expect(JSON.stringify(data)).not.toContain('Rappelez-moi');
    expect(JSON.stringify(data)).not.toContain('lea@exemple.fr');
    expect(data.complaints[0]!.resolutionNote).not.toBe('Motif');
    // The validated invoice is untouched: its issued copy still names the customer.
    const row = await db
      .selectFrom('relations_invoice')
      .select('issued')
      .where('id', '=', invoice.id)
      .executeTakeFirstOrThrow();
    expect(String(row.issued)).toContain('Léa Roux');
    expect((await getInvoice(db, org.id, invoice.id)).number).toBe(invoice.number);
    expect((await listConsents(db, org.id, lea.id)).history).toEqual([]);
    await expect(db.transaction().execute((trx) => eraseParty(trx, org.id, lea.id, null))).rejects.toThrow(
      'déjà',
    );
  });
});
