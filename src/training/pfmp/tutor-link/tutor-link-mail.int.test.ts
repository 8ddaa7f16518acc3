import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildOrganisation, buildUser } from '../../../../test/support/factories.ts';
import { createTestStore, DIALECTS, type TestStore } from '../../../../test/support/test-db.ts';
import { mailSettingsInput } from '../../../kernel/mail/contract.ts';
import { saveMailSettings } from '../../../kernel/mail/index.ts';
import { placement, trainingClass } from '../../test-helpers.ts';
import { tutorLinkInput } from '../contract.ts';
import { createTutorLink, hashToken } from './links.ts';
import { NOT_CONFIGURED } from './mail.ts';
import { publicTutorAssessment } from './public.ts';

// Decision 0031: the tutor's link e-mailed through the outbox, in the link's transaction.

const NOW = new Date('2026-11-20T10:00:00.000Z');
const ORIGIN = 'https://agora.lycee-colbert.fr';

describe.each(DIALECTS)('PFMP tutor link by e-mail on %s', (dialect) => {
  let store: TestStore;
  let schoolId: string;
  let teacher: string;
  beforeAll(async () => {
    store = await createTestStore(dialect);
    const admin = await buildUser(store.db);
    schoolId = (await buildOrganisation(store.db, admin.id, { name: 'Lycée Colbert' })).id;
    teacher = (await buildUser(store.db)).id;
  });
  afterAll(async () => {
    await store?.drop();
  });

  const write = <T>(fn: (trx: TestStore['db']) => Promise<T>) => store.db.transaction().execute(fn);
  const newPlacement = async () => {
    const { scope, students } = await trainingClass(store.db, schoolId, teacher, { students: 1 });
    const agreement = await placement(store.db, scope, students[0]!.id, 'Cabinet Le Goff');
    return { scope, agreement };
  };
  const messages = () =>
    store.db.selectFrom('mail_message').selectAll().where('org_id', '=', schoolId).execute();
  const linkRows = (agreementId: string) =>
    store.db
      .selectFrom('training_pfmp_tutor_link')
      .selectAll()
      .where('org_id', '=', schoolId)
      .where('agreement_id', '=', agreementId)
      .execute();

  it('without an SMTP server: the link is made and shown, nothing queued, a French message says so', async () => {
    const { scope, agreement } = await newPlacement();
    const created = await write((trx) =>
      createTutorLink(
        trx,
        scope,
        agreement.id,
        tutorLinkInput.parse({ sendTo: 'claire.martin@legoff.example' }),
        NOW,
        ORIGIN,
      ),
    );
    expect(created.email).toEqual({
      to: 'claire.martin@legoff.example',
      status: 'not-configured',
      message: NOT_CONFIGURED,
    });
    expect(created.email!.message).toMatch(/aucun serveur d’envoi.*Paramètres › Messagerie/);
    expect(await linkRows(agreement.id)).toHaveLength(1);
    expect(await messages()).toHaveLength(0);
    expect((await publicTutorAssessment(store.db, created.token, NOW)).status).toBe('open');
  });

  it('refuses a bad address in French before anything is made', () => {
    const bad = tutorLinkInput.safeParse({ sendTo: 'claire@' });
    expect(bad.success).toBe(false);
    expect(bad.error!.issues[0]).toMatchObject({
      path: ['sendTo'],
      message: expect.stringMatching(/invalide/),
    });
    expect(tutorLinkInput.parse({}).sendTo).toBeNull();
  });

  it('queues the message with the link in the same transaction; the token is only in its body', async () => {
    await write((trx) =>
      saveMailSettings(
        trx,
        randomBytes(32),
        schoolId,
        mailSettingsInput.parse({
          host: '127.0.0.1',
          port: 2525,
          security: 'none',
          fromAddress: 'pfmp@lycee-colbert.example',
        }),
        null,
      ),
    );
    const { scope, agreement } = await newPlacement();
    const created = await write((trx) =>
      createTutorLink(
        trx,
        scope,
        agreement.id,
        tutorLinkInput.parse({ sendTo: ' Claire.Martin@LeGoff.example ', expiresInDays: 30 }),
        NOW,
        ORIGIN,
      ),
    );
    expect(created.email).toMatchObject({ to: 'claire.martin@legoff.example', status: 'queued' });
    const [message, ...others] = await messages();
    expect(others).toHaveLength(0);
    expect(JSON.parse(message!.to_addresses)).toEqual(['claire.martin@legoff.example']);
    expect(message!.status).toBe('pending');
    expect(message!.subject).toBe(`Évaluation du stage de ${'Élève1 D.'} — Lycée Colbert`);
    expect(message!.subject).not.toContain(created.token);
    expect(message!.source).toBe(`training.pfmp.tutor-link:${created.link.id}`);
    const body = message!.text_body;
    for (const part of [
      'Bonjour Claire Martin,',
      'Lycée Colbert',
      'Élève1 D.',
      'Cabinet Le Goff',
      '20/12/2026',
    ])
      expect(body).toContain(part);
    // The link in the body opens the public page: its hash is the stored one.
    const url = body.match(/https:\/\/\S+/)![0];
    expect(url).toBe(`${ORIGIN}/tuteur/${created.token}`);
    const token = url.split('/tuteur/')[1]!;
    const [row] = await linkRows(agreement.id);
    expect(hashToken(token)).toBe(row!.token_hash);
    expect(await publicTutorAssessment(store.db, token, NOW)).toMatchObject({
      status: 'open',
      hostName: 'Cabinet Le Goff',
    });
    // Audit: sent, to whom, which outbox message — never the token nor its hash.
    const events = await store.db
      .selectFrom('audit_event')
      .select(['action', 'entity_id', 'after_json'])
      .where('org_id', '=', schoolId)
      .execute();
    const emailed = events.find((e) => e.action === 'training.pfmp.tutor-link.emailed')!;
    expect(emailed.entity_id).toBe(created.link.id);
    expect(JSON.parse(emailed.after_json!)).toEqual({
      agreementId: agreement.id,
      to: 'claire.martin@legoff.example',
      outboxMessage: message!.id,
    });
    expect(events.map((e) => e.action)).toContain('mail.enqueued');
    expect(JSON.stringify(events)).not.toContain(token);
    expect(JSON.stringify(events)).not.toContain(row!.token_hash);

    // One transaction: if the link's creation fails after queuing, neither the link nor the message stays.
    const { scope: scope2, agreement: agreement2 } = await newPlacement();
    const before = (await messages()).length;
    await expect(
      write(async (trx) => {
        await createTutorLink(
          trx,
          scope2,
          agreement2.id,
          tutorLinkInput.parse({ sendTo: 'tuteur@exemple.fr' }),
          NOW,
          ORIGIN,
        );
        throw new Error('rollback');
      }),
    ).rejects.toThrow('rollback');
    expect(await messages()).toHaveLength(before);
    expect(await linkRows(agreement2.id)).toHaveLength(0);
  });
});
