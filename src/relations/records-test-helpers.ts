// Builders for the requests, complaints, publications and privacy tests, and rows for the copy test's
// populate step. Through the domain functions, as real work would go.
import type { Db } from '../kernel/db/index.ts';
import { addComplaintStep, createComplaint } from './complaints/complaint.ts';
import { complaintInput } from './complaints/contract.ts';
import { recordConsent } from './privacy/consents.ts';
import { consentInput } from './privacy/contract.ts';
import { publicationInput } from './publications/contract.ts';
import { savePublication } from './publications/publication.ts';
import { requestFormSettingsInput, requestInput, requestTemplateInput } from './requests/contract.ts';
import { answerRequest, createRequest } from './requests/request.ts';
import { saveRequestFormSettings } from './requests/request-form.ts';
import { saveRequestTemplate } from './requests/request-templates.ts';

export async function phoneRequest(db: Db, orgId: string, input: Record<string, unknown> = {}) {
  return db.transaction().execute((trx) =>
    createRequest(
      trx,
      orgId,
      requestInput.parse({
        channel: 'phone',
        senderName: 'Claire Martin',
        subject: 'Horaires d’ouverture',
        message: 'Êtes-vous ouverts le samedi ?',
        ...input,
      }),
      null,
    ),
  );
}

export async function openRequestForm(db: Db, orgId: string, input: Record<string, unknown> = {}) {
  return db
    .transaction()
    .execute((trx) =>
      saveRequestFormSettings(
        trx,
        orgId,
        requestFormSettingsInput.parse({ enabled: true, categories: ['Information', 'Devis'], ...input }),
        null,
      ),
    );
}

export async function complaint(db: Db, orgId: string, partyId: string, input: Record<string, unknown> = {}) {
  return db
    .transaction()
    .execute((trx) =>
      createComplaint(
        trx,
        orgId,
        complaintInput.parse({ partyId, subject: 'Colis abîmé', description: 'Carton écrasé', ...input }),
        null,
      ),
    );
}

/**
 * Rows in every table of requests, complaints, publications and consents, for an organisation that
 * populateRelations already gave a customer, a validated invoice and a document.
 */
export async function populateRecords(db: Db, orgId: string, actorId: string): Promise<void> {
  const invoice = await db
    .selectFrom('relations_invoice')
    .select(['id', 'customer_id'])
    .where('org_id', '=', orgId)
    .where('kind', '=', 'invoice')
    .where('status', '=', 'validated')
    .executeTakeFirstOrThrow();
  const document = await db
    .selectFrom('document')
    .select('id')
    .where('org_id', '=', orgId)
    .executeTakeFirstOrThrow();
  await openRequestForm(db, orgId);
  const request = await phoneRequest(db, orgId, { partyId: invoice.customer_id, assigneeId: actorId });
  await db.transaction().execute(async (trx) => {
    await answerRequest(trx, orgId, request.id, { answer: 'Oui, de 9 h à 12 h.', close: false }, actorId);
    await saveRequestTemplate(
      trx,
      orgId,
      null,
      requestTemplateInput.parse({ name: 'Accusé de réception', body: 'Bonjour {{nom}}, bien reçu.' }),
      actorId,
    );
    await savePublication(
      trx,
      orgId,
      null,
      publicationInput.parse({
        channel: 'facebook',
        title: 'Portes ouvertes',
        body: 'Samedi 10 h',
        scheduledOn: '2026-06-06',
        status: 'scheduled',
      }),
      actorId,
    );
    await recordConsent(
      trx,
      orgId,
      invoice.customer_id,
      consentInput.parse({ purpose: 'newsletter', granted: true, source: 'formulaire papier' }),
      actorId,
    );
  });
  const opened = await complaint(db, orgId, invoice.customer_id, {
    invoiceIds: [invoice.id],
    documentIds: [document.id],
  });
  await db
    .transaction()
    .execute((trx) =>
      addComplaintStep(trx, orgId, opened.id, { stepDate: null, note: 'Photos reçues' }, actorId),
    );
}
