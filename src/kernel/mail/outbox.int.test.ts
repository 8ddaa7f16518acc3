import { randomBytes } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildOrganisation, partyData } from '../../../test/support/factories.ts';
import { freePort, startSmtpPeer } from '../../../test/support/smtp-peer.ts';
import { createTestStore, DIALECTS, type TestStore } from '../../../test/support/test-db.ts';
import { copyOrganisation } from '../copy/copy-organisation.ts';
import { putBytes, recordDocument } from '../documents/document-store.ts';
import { createParty } from '../parties/party.ts';
import { listParties } from '../parties/party-list.ts';
import { mailSettingsInput } from './contract.ts';
import { cancelMessage, enqueueEmail, getOutboxMessage, listOutbox, retryMessage } from './outbox.ts';
import { getMailSettingsRow, saveMailSettings } from './settings.ts';
import { backoffMs, createMailWorker, INTERRUPTED } from './worker.ts';

const key = randomBytes(32);

describe.each(DIALECTS)('outbox on %s', (dialect) => {
  let store: TestStore;
  const documentsDir = mkdtempSync(join(tmpdir(), 'agora-mail-'));

  beforeAll(async () => {
    store = await createTestStore(dialect);
  });
  afterAll(async () => {
    await store?.drop();
  });

  async function orgWithSmtp(port: number, extra: Record<string, unknown> = {}) {
    const org = await buildOrganisation(store.db, null);
    await store.db.transaction().execute((trx) =>
      saveMailSettings(
        trx,
        key,
        org.id,
        mailSettingsInput.parse({
          host: '127.0.0.1',
          port,
          security: 'none',
          fromAddress: 'contact@asso.test',
          fromName: 'Association Test',
          ...extra,
        }),
        null,
      ),
    );
    return org;
  }

  it('sends a message enqueued in a committed transaction, with its PDF attachment, once', async () => {
    const peer = await startSmtpPeer();
    try {
      const org = await orgWithSmtp(peer.port);
      const pdf = new TextEncoder().encode('%PDF-1.7 invitation');
      const sha256 = await putBytes(documentsDir, pdf);
      const { id } = await store.db.transaction().execute(async (trx) => {
        const doc = await recordDocument(trx, {
          orgId: org.id,
          sha256,
          fileName: 'invitation.pdf',
          mediaType: 'application/pdf',
          size: pdf.byteLength,
          actorId: null,
        });
        return enqueueEmail(trx, org.id, {
          to: ['Marie.Curie@Exemple.fr'],
          subject: 'Invitation aux portes ouvertes',
          text: 'Bonjour Madame,\nvous êtes invitée.',
          attachments: [{ documentId: doc.id }],
        });
      });
      const worker = createMailWorker({ db: store.db, documentsDir, key });
      expect(await worker.runOnce()).toEqual({ sent: 1, retrying: 0, failed: 0 });
      expect(await worker.runOnce()).toEqual({ sent: 0, retrying: 0, failed: 0 });
      expect(peer.received).toHaveLength(1);
      const mail = peer.received[0]!;
      expect(mail.subject).toBe('Invitation aux portes ouvertes');
      expect(mail.text).toContain('vous êtes invitée.');
      expect(mail.from?.text).toContain('contact@asso.test');
      expect(JSON.stringify(mail.to)).toContain('marie.curie@exemple.fr');
      expect(mail.attachments).toHaveLength(1);
      expect(mail.attachments[0]!.filename).toBe('invitation.pdf');
      expect(Buffer.from(mail.attachments[0]!.content).toString()).toBe('%PDF-1.7 invitation');
      const message = await getOutboxMessage(store.db, org.id, id);
      expect(message).toMatchObject({ status: 'sent', attempts: 1, lastError: null });
      await expect(
        store.db.transaction().execute((trx) => retryMessage(trx, org.id, id, null)),
      ).rejects.toThrow(/déjà été envoyé/);
    } finally {
      await peer.close();
    }
  });

  it('leaves no message when the business transaction rolls back', async () => {
    const org = await orgWithSmtp(25);
    await expect(
      store.db.transaction().execute(async (trx) => {
        await createParty(trx, org.id, partyData({ name: 'Partenaire' }), null);
        await enqueueEmail(trx, org.id, { to: ['a@exemple.fr'], subject: 'Bienvenue', text: 'Bonjour' });
        throw new Error('la suite de l’opération échoue');
      }),
    ).rejects.toThrow(/échoue/);
    expect((await listOutbox(store.db, org.id, { limit: 50, offset: 0 })).total).toBe(0);
    const parties = await listParties(store.db, org.id, {
      archived: 'include',
      sort: 'name',
      limit: 50,
      offset: 0,
    });
    expect(parties.total).toBe(0);
  });

  it('keeps the message pending with a French error while the server is down, and delivers it when it is up', async () => {
    const port = await freePort();
    const org = await orgWithSmtp(port);
    const { id } = await store.db
      .transaction()
      .execute((trx) =>
        enqueueEmail(trx, org.id, { to: ['b@exemple.fr'], subject: 'Relance', text: 'Bonjour' }),
      );
    let now = new Date();
    const worker = createMailWorker({ db: store.db, documentsDir, key, now: () => now });
    expect(await worker.runOnce()).toMatchObject({ retrying: 1, sent: 0 });
    const waiting = await getOutboxMessage(store.db, org.id, id);
    expect(waiting.status).toBe('pending');
    expect(waiting.attempts).toBe(1);
    expect(waiting.lastError).toMatch(/connexion refusée/);
    expect(Date.parse(waiting.nextAttemptAt) - now.getTime()).toBe(backoffMs(1));
    // Not due yet: nothing is tried.
    expect(await worker.runOnce()).toEqual({ sent: 0, retrying: 0, failed: 0 });

    const peer = await startSmtpPeer(port);
    try {
      // A restart: a new worker, same database.
      now = new Date(now.getTime() + backoffMs(1));
      const restarted = createMailWorker({ db: store.db, documentsDir, key, now: () => now });
      expect(await restarted.runOnce()).toMatchObject({ sent: 1 });
      expect(peer.received.map((m) => m.subject)).toEqual(['Relance']);
      expect(await getOutboxMessage(store.db, org.id, id)).toMatchObject({ status: 'sent', attempts: 2 });
    } finally {
      await peer.close();
    }
  });

  it('fails at once on a refused recipient; retry now and cancel follow the rules', async () => {
    const peer = await startSmtpPeer(0, { rejectRecipient: 'inconnu@exemple.fr' });
    try {
      const org = await orgWithSmtp(peer.port);
      const { id } = await store.db
        .transaction()
        .execute((trx) =>
          enqueueEmail(trx, org.id, { to: ['inconnu@exemple.fr'], subject: 'Essai', text: 'Bonjour' }),
        );
      const worker = createMailWorker({ db: store.db, documentsDir, key });
      expect(await worker.runOnce()).toMatchObject({ failed: 1 });
      const failed = await getOutboxMessage(store.db, org.id, id);
      expect(failed.status).toBe('failed');
      expect(failed.lastError).toMatch(/Destinataire refusé|refusé le message/);
      await store.db.transaction().execute((trx) => retryMessage(trx, org.id, id, null));
      expect((await getOutboxMessage(store.db, org.id, id)).status).toBe('pending');
      await store.db.transaction().execute((trx) => cancelMessage(trx, org.id, id, null));
      expect(await worker.runOnce()).toEqual({ sent: 0, retrying: 0, failed: 0 });
      expect((await getOutboxMessage(store.db, org.id, id)).status).toBe('cancelled');
      expect(peer.received).toHaveLength(0);
    } finally {
      await peer.close();
    }
  });

  it('sends with SMTP login using the sealed password; a copied organisation can neither read it nor resend', async () => {
    const peer = await startSmtpPeer(0, { requireAuth: { user: 'asso', pass: 'S3cret!' } });
    try {
      const org = await orgWithSmtp(peer.port, { username: 'asso', password: 'S3cret!' });
      const row = await getMailSettingsRow(store.db, org.id);
      expect(row?.password_sealed).toBeTruthy();
      expect(row?.password_sealed).not.toContain('S3cret');
      await store.db
        .transaction()
        .execute((trx) =>
          enqueueEmail(trx, org.id, { to: ['c@exemple.fr'], subject: 'Connecté', text: 'x' }),
        );
      const copy = await store.db
        .transaction()
        .execute((trx) => copyOrganisation(trx, dialect, { sourceOrgId: org.id, actorId: null }));
      const worker = createMailWorker({ db: store.db, documentsDir, key });
      const report = await worker.runOnce();
      expect(report.sent).toBe(1);
      expect(peer.received.map((m) => m.subject)).toEqual(['Connecté']);
      const copied = await listOutbox(store.db, copy.orgId, { limit: 50, offset: 0 });
      expect(copied.items[0]).toMatchObject({ status: 'failed' });
      expect(copied.items[0]!.lastError).toMatch(/copié/);
    } finally {
      await peer.close();
    }
  });

  it('never sends again a message left "sending" by a crash: it is shown as failed', async () => {
    const org = await orgWithSmtp(25);
    const { id } = await store.db
      .transaction()
      .execute((trx) => enqueueEmail(trx, org.id, { to: ['d@exemple.fr'], subject: 'Coupure', text: 'x' }));
    const past = new Date(Date.now() - 3600_000).toISOString();
    await store.db
      .updateTable('mail_message')
      .set({ status: 'sending', claimed_at: past, claim_token: 'crashed', attempts: 1 })
      .where('org_id', '=', org.id)
      .where('id', '=', id)
      .execute();
    await createMailWorker({ db: store.db, documentsDir, key }).runOnce();
    expect(await getOutboxMessage(store.db, org.id, id)).toMatchObject({
      status: 'failed',
      lastError: INTERRUPTED,
    });
  });

  it('two workers racing over the same messages send each one once', async () => {
    const peer = await startSmtpPeer();
    try {
      const org = await orgWithSmtp(peer.port);
      await store.db.transaction().execute(async (trx) => {
        for (let i = 0; i < 6; i++)
          await enqueueEmail(trx, org.id, { to: [`e${i}@exemple.fr`], subject: `Course ${i}`, text: 'x' });
      });
      const a = createMailWorker({ db: store.db, documentsDir, key });
      const b = createMailWorker({ db: store.db, documentsDir, key });
      const [ra, rb] = await Promise.all([a.runOnce(), b.runOnce()]);
      expect(ra.sent + rb.sent).toBe(6);
      expect(peer.received.map((m) => m.subject).sort()).toEqual(
        [0, 1, 2, 3, 4, 5].map((i) => `Course ${i}`),
      );
    } finally {
      await peer.close();
    }
  });
});
