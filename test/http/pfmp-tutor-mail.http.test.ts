import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { setMembership } from '../../src/kernel/users/users.ts';
import { hashToken } from '../../src/training/pfmp/tutor-link/links.ts';
import { placement, trainingClass } from '../../src/training/test-helpers.ts';
import { buildOrganisation, buildUser, TEST_PASSWORD } from '../support/factories.ts';
import { type Client, loginAs, startTestServer, type TestServer } from '../support/http.ts';
import { type SmtpPeer, startSmtpPeer } from '../support/smtp-peer.ts';
import { DIALECTS } from '../support/test-db.ts';

// Decision 0031 over HTTP: the teacher asks for the tutor's link to be e-mailed; with no SMTP server the
// link is still made and the answer says why nothing was sent; with one, the outbox worker (running in
// the server, as in production) delivers it to a real SMTP server, and the link in the e-mail opens the
// tutor's public page.

describe.each(DIALECTS)('PFMP tutor link e-mailed over HTTP on %s', (dialect) => {
  let server: TestServer;
  let peer: SmtpPeer;
  let owner: Client;
  let teacher: Client;
  let schoolId: string;
  let agreementId: string;
  beforeAll(async () => {
    server = await startTestServer(dialect, { mailWorker: true });
    peer = await startSmtpPeer();
    const db = server.store.db;
    const admin = await buildUser(db);
    schoolId = (await buildOrganisation(db, admin.id, { name: 'Lycée Colbert' })).id;
    const user = await buildUser(db);
    await db
      .transaction()
      .execute((trx) =>
        setMembership(trx, { orgId: schoolId, userId: user.id, role: 'teacher', actorId: null }),
      );
    const { scope, students } = await trainingClass(db, schoolId, user.id, { students: 1 });
    agreementId = (await placement(db, scope, students[0]!.id, 'Cabinet Le Goff')).id;
    owner = await loginAs(server.app, admin.email, TEST_PASSWORD);
    teacher = await loginAs(server.app, user.email, TEST_PASSWORD);
  });
  afterAll(async () => {
    await server?.close();
    await peer?.close();
  });

  const linkUrl = () => `/api/v1/orgs/${schoolId}/training/pfmp/agreements/${agreementId}/tutor-link`;
  const origin = { origin: 'https://agora.lycee-colbert.fr' };
  const outboxCount = async () =>
    (await server.store.db.selectFrom('mail_message').select('id').where('org_id', '=', schoolId).execute())
      .length;

  it('refuses a bad address in French and makes nothing', async () => {
    const bad = await teacher.request('POST', linkUrl(), { sendTo: 'claire@' }, origin);
    expect(bad.status).toBe(400);
    expect(JSON.stringify(bad.body)).toMatch(/L’adresse électronique est invalide/);
    expect((await teacher.request('GET', linkUrl())).body.link).toBeNull();
  });

  it('without an SMTP server: the link is made, shown, and the answer says it was not sent', async () => {
    const created = await teacher.request('POST', linkUrl(), { sendTo: 'claire@legoff.example' }, origin);
    expect(created.status).toBe(201);
    expect(created.body.path).toBe(`/tuteur/${created.body.token}`);
    expect(created.body.email).toMatchObject({ to: 'claire@legoff.example', status: 'not-configured' });
    expect(created.body.email.message).toMatch(/Paramètres › Messagerie/);
    expect(await outboxCount()).toBe(0);
    const page = await server.app.inject({
      method: 'GET',
      url: `/api/v1/public/pfmp/tutor-assessments/${created.body.token}`,
    });
    expect(page.statusCode).toBe(200);
  });

  it('delivers the e-mail to the tutor through a real SMTP server; its link opens the public page', async () => {
    const saved = await owner.request('PUT', `/api/v1/orgs/${schoolId}/mail/settings`, {
      host: '127.0.0.1',
      port: peer.port,
      security: 'none',
      fromAddress: 'pfmp@lycee-colbert.example',
    });
    expect(saved.status).toBe(200);
    const created = await teacher.request(
      'POST',
      linkUrl(),
      { sendTo: 'claire@legoff.example', expiresInDays: 10 },
      origin,
    );
    expect(created.status).toBe(201);
    expect(created.body.email).toMatchObject({ to: 'claire@legoff.example', status: 'queued' });
    await expect.poll(() => peer.received.length, { timeout: 15_000, interval: 250 }).toBe(1);
    const mail = peer.received[0]!;
    expect((Array.isArray(mail.to) ? mail.to[0] : mail.to)?.text).toBe('claire@legoff.example');
    expect(mail.subject).toBe('Évaluation du stage de Élève1 D. — Lycée Colbert');
    const url = mail.text!.match(/https:\/\/\S+/)![0];
    expect(url).toBe(`https://agora.lycee-colbert.fr/tuteur/${created.body.token}`);
    const token = url.split('/tuteur/')[1]!;
    const row = await server.store.db
      .selectFrom('training_pfmp_tutor_link')
      .select('token_hash')
      .where('org_id', '=', schoolId)
      .where('id', '=', created.body.link.id)
      .executeTakeFirstOrThrow();
    expect(hashToken(token)).toBe(row.token_hash);
    const page = await server.app.inject({
      method: 'GET',
      url: `/api/v1/public/pfmp/tutor-assessments/${token}`,
    });
    expect(page.statusCode).toBe(200);
    expect(page.json()).toMatchObject({
      status: 'open',
      schoolName: 'Lycée Colbert',
      hostName: 'Cabinet Le Goff',
    });
    // The outbox screen shows the message, not its text (the token stays in the body only).
    const outbox = await owner.request('GET', `/api/v1/orgs/${schoolId}/mail/outbox`);
    expect(outbox.status).toBe(200);
    expect(outbox.raw).toContain('claire@legoff.example');
    expect(outbox.raw).not.toContain(token);
  });
});
