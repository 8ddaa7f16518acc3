import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { enqueueEmail } from '../../src/kernel/mail/outbox.ts';
import { setMembership } from '../../src/kernel/users/users.ts';
import { buildOrganisation, buildUser, TEST_PASSWORD } from '../support/factories.ts';
import { type Client, loginAs, startTestServer, type TestServer } from '../support/http.ts';
import { type SmtpPeer, startSmtpPeer } from '../support/smtp-peer.ts';
import { DIALECTS } from '../support/test-db.ts';

describe.each(DIALECTS)('mail settings and outbox over HTTP on %s', (dialect) => {
  let server: TestServer;
  let owner: Client;
  let assistant: Client;
  let orgId: string;
  let base: string;
  let peer: SmtpPeer;

  beforeAll(async () => {
    server = await startTestServer(dialect);
    peer = await startSmtpPeer(0, { requireAuth: { user: 'asso', pass: 'mot de passe' } });
    const user = await buildUser(server.store.db);
    orgId = (await buildOrganisation(server.store.db, user.id)).id;
    const helper = await buildUser(server.store.db);
    await server.store.db
      .transaction()
      .execute((trx) => setMembership(trx, { orgId, userId: helper.id, role: 'assistant', actorId: null }));
    owner = await loginAs(server.app, user.email, TEST_PASSWORD);
    assistant = await loginAs(server.app, helper.email, TEST_PASSWORD);
    base = `/api/v1/orgs/${orgId}`;
  });
  afterAll(async () => {
    await peer?.close();
    await server?.close();
  });

  it('saves the SMTP settings without ever returning the password, and sends a test message', async () => {
    const empty = await owner.request('GET', `${base}/mail/settings`);
    expect(empty.body).toMatchObject({ configured: false, hasPassword: false });
    const saved = await owner.request('PUT', `${base}/mail/settings`, {
      host: '127.0.0.1',
      port: peer.port,
      security: 'none',
      username: 'asso',
      password: 'mot de passe',
      fromAddress: 'Contact@Asso.test',
      fromName: 'Association',
    });
    expect(saved.status).toBe(200);
    expect(saved.body).toMatchObject({
      configured: true,
      hasPassword: true,
      fromAddress: 'contact@asso.test',
    });
    expect(saved.raw).not.toContain('mot de passe');
    // Saving again without a password keeps it.
    const again = await owner.request('PUT', `${base}/mail/settings`, { ...saved.body, port: peer.port });
    expect(again.body.hasPassword).toBe(true);
    const test = await owner.request('POST', `${base}/mail/settings/test`, { to: 'moi@exemple.fr' });
    expect(test.body.ok).toBe(true);
    expect(peer.received.at(-1)?.subject).toBe('Agora : message d’essai');
  });

  it('reports a refused login in French without a 500', async () => {
    await owner.request('PUT', `${base}/mail/settings`, {
      host: '127.0.0.1',
      port: peer.port,
      security: 'none',
      username: 'asso',
      password: 'faux',
      fromAddress: 'contact@asso.test',
    });
    const test = await owner.request('POST', `${base}/mail/settings/test`, { to: 'moi@exemple.fr' });
    expect(test.status).toBe(200);
    expect(test.body).toMatchObject({ ok: false });
    expect(test.body.message).toMatch(/mot de passe SMTP refusé/);
    await owner.request('PUT', `${base}/mail/settings`, {
      host: '127.0.0.1',
      port: peer.port,
      security: 'none',
      username: 'asso',
      password: 'mot de passe',
      fromAddress: 'contact@asso.test',
    });
  });

  it('refuses bad settings with French field messages and keeps the SMTP account to the owner', async () => {
    const bad = await owner.request('PUT', `${base}/mail/settings`, {
      host: 'smtp exemple',
      port: 70000,
      security: 'ssl',
      fromAddress: 'pas-une-adresse',
    });
    expect(bad.status).toBe(400);
    expect(JSON.stringify(bad.body)).toMatch(/Port entre 1 et 65535/);
    expect((await assistant.request('GET', `${base}/mail/settings`)).status).toBe(403);
  });

  it('lists the outbox; retry now and cancel act on pending messages only', async () => {
    const { id } = await server.store.db
      .transaction()
      .execute((trx) => enqueueEmail(trx, orgId, { to: ['x@exemple.fr'], subject: 'Bonjour', text: 'x' }));
    const list = await assistant.request('GET', `${base}/mail/outbox?status=pending`);
    expect(list.status).toBe(200);
    expect(list.body.items.map((m: { id: string }) => m.id)).toContain(id);
    const retried = await assistant.request('POST', `${base}/mail/outbox/${id}/retry`);
    expect(retried.body.status).toBe('pending');
    const cancelled = await assistant.request('POST', `${base}/mail/outbox/${id}/cancel`);
    expect(cancelled.body.status).toBe('cancelled');
    const twice = await assistant.request('POST', `${base}/mail/outbox/${id}/cancel`);
    expect(twice.status).toBe(409);
  });
});
