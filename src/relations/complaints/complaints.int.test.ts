import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestStore, DIALECTS, type TestStore } from '../../../test/support/test-db.ts';
import { verifyAuditChain } from '../../kernel/audit/audit.ts';
import { publicationInput } from '../publications/contract.ts';
import { deletePublication, listPublications, savePublication } from '../publications/publication.ts';
import { complaint } from '../records-test-helpers.ts';
import { salesCustomer, salesOrganisation, validatedInvoice } from '../test-helpers.ts';
import { addComplaintStep, closeComplaint, resolveComplaint } from './complaint.ts';
import { complaintResolveInput } from './contract.ts';

describe.each(DIALECTS)('complaints and publications on %s', (dialect) => {
  let store: TestStore;
  beforeAll(async () => {
    store = await createTestStore(dialect);
  });
  afterAll(async () => {
    await store?.drop();
  });

  it('numbers without gaps, links invoices, records steps and resolves with a credit note', async () => {
    const db = store.db;
    const org = await salesOrganisation(db);
    const a = await salesCustomer(db, org.id);
    const b = await salesCustomer(db, org.id);
    const invoice = await validatedInvoice(db, org.id, a.id, { issueDate: '2026-05-04' });
    const otherInvoice = await validatedInvoice(db, org.id, b.id, { issueDate: '2026-05-04' });
    const first = await complaint(db, org.id, a.id, { receivedOn: '2026-05-10', invoiceIds: [invoice.id] });
    expect(first).toMatchObject({ number: 'RE-2026-00001', status: 'open', deadline: '2026-06-09' });
    expect(first.invoices.map((i) => i.number)).toEqual([invoice.number]);
    // A refused creation (B's invoice) gives its number back.
    await expect(
      complaint(db, org.id, a.id, { receivedOn: '2026-05-11', invoiceIds: [otherInvoice.id] }),
    ).rejects.toThrow('autre client');
    const second = await complaint(db, org.id, a.id, { receivedOn: '2026-05-12' });
    expect(second.number).toBe('RE-2026-00002');

    const stepped = await db
      .transaction()
      .execute((trx) =>
        addComplaintStep(trx, org.id, first.id, { stepDate: '2026-05-11', note: 'Appel' }, null),
      );
    expect(stepped.status).toBe('in_progress');
    expect(stepped.steps.map((s) => s.note)).toEqual(['Appel']);

    const resolve = (id: string, input: Record<string, unknown>) =>
      db
        .transaction()
        .execute((trx) => resolveComplaint(trx, org.id, id, complaintResolveInput.parse(input), null));
    await expect(resolve(second.id, { resolution: 'refusal' })).rejects.toThrow('motivé');
    await expect(
      resolve(first.id, { resolution: 'credit_note', creditInvoiceId: otherInvoice.id }),
    ).rejects.toThrow('Facture introuvable pour ce client');
    await expect(
      db.transaction().execute((trx) => closeComplaint(trx, org.id, first.id, null)),
    ).rejects.toThrow('Résolvez');
    const resolved = await resolve(first.id, { resolution: 'credit_note', creditInvoiceId: invoice.id });
    expect(resolved).toMatchObject({ status: 'resolved', resolution: 'credit_note' });
    expect(resolved.creditNote).toMatchObject({ status: 'draft', total: invoice.total });
    const refused = await resolve(second.id, { resolution: 'refusal', note: 'Hors garantie (choc).' });
    expect(refused.resolutionNote).toBe('Hors garantie (choc).');
    await expect(resolve(second.id, { resolution: 'replacement' })).rejects.toThrow('déjà traitée');
    const closed = await db.transaction().execute((trx) => closeComplaint(trx, org.id, first.id, null));
    expect(closed.status).toBe('closed');
    expect((await verifyAuditChain(db, org.id)).ok).toBe(true);
  });

  it('keeps a publication calendar: scheduled needs a date, published stays', async () => {
    const db = store.db;
    const org = await salesOrganisation(db);
    const save = (id: string | null, input: Record<string, unknown>) =>
      db.transaction().execute((trx) =>
        savePublication(
          trx,
          org.id,
          id,
          publicationInput.parse({
            channel: 'instagram',
            title: 'Soldes',
            body: 'Dès lundi',
            status: 'draft',
            ...input,
          }),
          null,
        ),
      );
    await expect(save(null, { status: 'scheduled' })).rejects.toThrow('date de publication');
    const post = await save(null, { status: 'scheduled', scheduledOn: '2026-06-01', scheduledTime: '09:30' });
    await save(null, { channel: 'newsletter', status: 'draft', scheduledOn: '2026-07-01' });
    const june = await listPublications(db, org.id, { from: '2026-06-01', to: '2026-06-30' });
    expect(june.map((p) => p.title)).toEqual(['Soldes']);
    const published = await save(post.id, { status: 'published', scheduledOn: '2026-06-01' });
    expect(published.publishedAt).not.toBeNull();
    await expect(save(post.id, { status: 'draft', scheduledOn: '2026-06-01' })).rejects.toThrow(
      'ne revient pas',
    );
    await expect(
      db.transaction().execute((trx) => deletePublication(trx, org.id, post.id, null)),
    ).rejects.toThrow('reste au calendrier');
  });
});
