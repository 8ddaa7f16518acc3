import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildUser } from '../../../test/support/factories.ts';
import { createTestStore, DIALECTS, type TestStore } from '../../../test/support/test-db.ts';
import { DomainError } from '../../kernel/errors/domain-error.ts';
import { setMembership } from '../../kernel/users/users.ts';
import { openRequestForm, phoneRequest } from '../records-test-helpers.ts';
import { salesCustomer, salesOrganisation } from '../test-helpers.ts';
import { fillTemplate, publicRequestInput, requestUpdateInput } from './contract.ts';
import { answerRequest, listRequests, updateRequest } from './request.ts';
import { formToken, MIN_FILL_MS, publicRequestForm, submitPublicRequest } from './request-form.ts';

describe('answer templates', () => {
  it('fills the known placeholders and leaves the others visible', () => {
    expect(
      fillTemplate('Bonjour {{nom}}, au sujet de « {{ objet }} » {{inconnu}}', {
        nom: 'Léa',
        objet: 'Devis',
      }),
    ).toBe('Bonjour Léa, au sujet de « Devis » {{inconnu}}');
  });
});

describe.each(DIALECTS)('requests on %s', (dialect) => {
  let store: TestStore;
  beforeAll(async () => {
    store = await createTestStore(dialect);
  });
  afterAll(async () => {
    await store?.drop();
  });

  it('logs, assigns, answers and closes a request; lists it by status', async () => {
    const db = store.db;
    const org = await salesOrganisation(db);
    const member = await buildUser(db, { name: 'Aline Accueil' });
    await db
      .transaction()
      .execute((trx) =>
        setMembership(trx, { orgId: org.id, userId: member.id, role: 'assistant', actorId: null }),
      );
    const customer = await salesCustomer(db, org.id);
    const request = await phoneRequest(db, org.id, { partyId: customer.id, category: 'Information' });
    expect(request).toMatchObject({
      status: 'new',
      channel: 'phone',
      partyName: customer.name,
      answer: null,
    });
    expect(request.dueDate).not.toBeNull();
    const stranger = await buildUser(db);
    const update = (input: Record<string, unknown>) =>
      db
        .transaction()
        .execute((trx) =>
          updateRequest(
            trx,
            org.id,
            request.id,
            requestUpdateInput.parse({ ...request, status: 'in_progress', ...input }),
            null,
          ),
        );
    await expect(update({ assigneeId: stranger.id })).rejects.toThrow('membre de l’organisation');
    await expect(update({ status: 'answered' })).rejects.toThrow('Rédigez la réponse');
    const assigned = await update({ assigneeId: member.id });
    expect(assigned).toMatchObject({ status: 'in_progress', assigneeName: 'Aline Accueil' });
    const answered = await db
      .transaction()
      .execute((trx) => answerRequest(trx, org.id, request.id, { answer: 'Oui.', close: true }, member.id));
    expect(answered).toMatchObject({ status: 'closed', answer: 'Oui.' });
    await expect(
      db
        .transaction()
        .execute((trx) => answerRequest(trx, org.id, request.id, { answer: 'Encore', close: false }, null)),
    ).rejects.toThrow('close');
    expect((await listRequests(db, org.id, { status: 'closed', limit: 10, offset: 0 })).total).toBe(1);
    expect((await listRequests(db, org.id, { status: 'new', limit: 10, offset: 0 })).total).toBe(0);
    expect((await listRequests(db, org.id, { q: 'HORAIRES', limit: 10, offset: 0 })).total).toBe(1);
  });

  it('refuses an unknown sender with no way to answer them', async () => {
    const org = await salesOrganisation(store.db);
    await expect(phoneRequest(store.db, org.id, { senderName: null })).rejects.toBeInstanceOf(DomainError);
  });

  it('takes the public form: honeypot, fill time, matching party, disabled form', async () => {
    const db = store.db;
    const org = await salesOrganisation(db);
    await expect(publicRequestForm(db, org.id)).rejects.toThrow('pas disponible');
    await openRequestForm(db, org.id);
    const customer = await salesCustomer(db, org.id, { email: 'contact@client.fr' });
    const form = await publicRequestForm(db, org.id);
    expect(form.organisationName).toBe(org.name);
    expect(form.categories).toEqual(['Information', 'Devis']);
    const now = Date.now();
    const secret = (
      await db
        .selectFrom('relations_request_form')
        .select('secret')
        .where('org_id', '=', org.id)
        .executeTakeFirstOrThrow()
    ).secret;
    const body = (input: Record<string, unknown>) =>
      publicRequestInput.parse({
        name: 'Paul Client',
        email: 'Contact@client.fr',
        subject: 'Devis',
        message: 'Pouvez-vous me rappeler ?',
        category: 'Devis',
        token: formToken(secret, org.id, now - MIN_FILL_MS - 1000),
        ...input,
      });
    const count = async () => (await listRequests(db, org.id, { limit: 50, offset: 0 })).total;
    // Posted at once: a robot.
    await expect(submitPublicRequest(db, org.id, body({ token: form.token }))).rejects.toThrow('trop vite');
    await expect(submitPublicRequest(db, org.id, body({ token: `${now - 10_000}.forged` }))).rejects.toThrow(
      'expiré',
    );
    // Another organisation's token does not open this form.
    await expect(
      submitPublicRequest(db, org.id, body({ token: formToken(secret, 'autre', now - 10_000) })),
    ).rejects.toThrow('expiré');
    expect(await submitPublicRequest(db, org.id, body({ website: 'http://spam' }))).toEqual({
      recorded: false,
    });
    expect(await count()).toBe(0);
    expect(await submitPublicRequest(db, org.id, body({}))).toEqual({ recorded: true });
    const [recorded] = (await listRequests(db, org.id, { limit: 50, offset: 0 })).items;
    expect(recorded).toMatchObject({
      channel: 'web_form',
      partyId: customer.id,
      senderName: 'Paul Client',
      category: 'Devis',
      status: 'new',
    });
    await openRequestForm(db, org.id, { enabled: false });
    await expect(submitPublicRequest(db, org.id, body({}))).rejects.toThrow('pas disponible');
  });
});
