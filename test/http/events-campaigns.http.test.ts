import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildOrganisation, buildParty, buildUser, TEST_PASSWORD } from '../support/factories.ts';
import { type Client, loginAs, startTestServer, type TestServer } from '../support/http.ts';
import { pdfText } from '../support/pdf-text.ts';
import { type SmtpPeer, startSmtpPeer } from '../support/smtp-peer.ts';
import { DIALECTS } from '../support/test-db.ts';

// The whole path of activity 1.1 over HTTP, with the outbox worker running inside the server as in
// production and a real SMTP server receiving the invitations.
describe.each(DIALECTS)('events and campaigns over HTTP on %s', (dialect) => {
  let server: TestServer;
  let owner: Client;
  let base: string;
  let peer: SmtpPeer;
  const ids: Record<string, string> = {};

  beforeAll(async () => {
    server = await startTestServer(dialect, { mailWorker: true });
    peer = await startSmtpPeer();
    const user = await buildUser(server.store.db);
    const orgId = (await buildOrganisation(server.store.db, user.id, { name: 'Maison des Associations' })).id;
    base = `/api/v1/orgs/${orgId}`;
    owner = await loginAs(server.app, user.email, TEST_PASSWORD);
    const address = [{ kind: 'billing', line1: '2 rue du Port', postalCode: '13002', city: 'Marseille' }];
    ids.ana = (
      await buildParty(server.store.db, orgId, {
        kind: 'person',
        name: 'Ana Lopez',
        roles: ['member'],
        email: 'ana@exemple.fr',
        addresses: address,
      })
    ).id;
    ids.ben = (
      await buildParty(server.store.db, orgId, {
        kind: 'person',
        name: 'Ben Kader',
        roles: ['prospect'],
        email: 'ben@exemple.fr',
        addresses: address,
      })
    ).id;
  });
  afterAll(async () => {
    await server?.close();
    await peer?.close();
  });

  it('creates an event, invites by e-mail (delivered by the worker), marks attendance, prints the sheet', async () => {
    const saved = await owner.request('PUT', `${base}/mail/settings`, {
      host: '127.0.0.1',
      port: peer.port,
      security: 'none',
      fromAddress: 'contact@mda.fr',
    });
    expect(saved.status).toBe(200);
    const bad = await owner.request('POST', `${base}/events`, {
      kind: 'fête',
      title: '',
      date: '2026-02-30',
      costs: [{ label: 'x', amount: 1.5 }],
    });
    expect(bad.status).toBe(400);
    expect(JSON.stringify(bad.body)).toMatch(/Type d’événement inconnu/);
    const created = await owner.request('POST', `${base}/events`, {
      kind: 'general_assembly',
      title: 'AG ordinaire',
      date: '2026-05-30',
      startTime: '18:00',
      place: 'Grande salle',
      capacity: 1,
      costs: [{ label: 'Salle', amount: 12000 }],
    });
    expect(created.status).toBe(201);
    const event = `${base}/events/${created.body.id}`;
    expect(
      (await owner.request('POST', `${event}/guests`, { partyIds: [ids.ana, ids.ben] })).body.guests,
    ).toHaveLength(2);
    const invited = await owner.request('POST', `${event}/invitations`, {
      subject: '{{evenement}} le {{date_evenement}}',
      text: '{{civilite}},\nvenez à {{lieu}} {{heure}}.',
    });
    expect(invited.body).toEqual({ queued: 2, withoutEmail: [] });
    await expect.poll(() => peer.received.length, { timeout: 15_000, interval: 250 }).toBe(2);
    expect(peer.received.map((m) => m.subject)).toEqual([
      'AG ordinaire le 30/05/2026',
      'AG ordinaire le 30/05/2026',
    ]);
    expect(peer.received[0]!.text).toContain('venez à Grande salle à 18 h 00.');
    const outbox = await owner.request('GET', `${base}/mail/outbox?status=sent`);
    expect(outbox.body.total).toBe(2);

    expect((await owner.request('PUT', `${event}/guests/${ids.ana}`, { status: 'registered' })).status).toBe(
      200,
    );
    const full = await owner.request('PUT', `${event}/guests/${ids.ben}`, { status: 'attended' });
    expect(full.status).toBe(422);
    expect(full.body.detail).toMatch(/Capacité atteinte/);
    await owner.request('PUT', `${event}/guests/${ids.ana}`, { status: 'attended' });
    await owner.request('PUT', `${event}/guests/${ids.ben}`, { status: 'absent' });
    const sheet = await server.app.inject({
      method: 'GET',
      url: `${event}/attendance-sheet`,
      headers: { cookie: owner.cookie },
    });
    expect(sheet.headers['content-type']).toBe('application/pdf');
    const text = pdfText(sheet.rawPayload);
    expect(text).toMatch(/Ana Lopez Marseille Présent/);
    expect(text).toMatch(/Ben Kader Marseille Absent/);
  });

  it('runs a campaign: targets, an action, conversion, letters in one PDF', async () => {
    const created = await owner.request('POST', `${base}/campaigns`, {
      name: 'Adhésions 2026',
      letterSubject: 'Adhésion',
      letterText: '{{civilite}},\n{{nom}}, à {{ville}}, rejoignez {{organisation}}.',
    });
    expect(created.status).toBe(201);
    const campaign = `${base}/campaigns/${created.body.id}`;
    const added = await owner.request('POST', `${campaign}/targets`, {
      roles: ['prospect'],
      postalCodePrefix: '13',
    });
    expect(added.body.added).toBe(1);
    const acted = await owner.request('POST', `${campaign}/targets/${ids.ben}/actions`, {
      kind: 'call',
      date: '2026-01-15',
      outcome: 'interested',
    });
    expect(acted.body.targets[0].outcome).toBe('interested');
    const converted = await owner.request('POST', `${campaign}/targets/${ids.ben}/convert`);
    expect(converted.body.converted).toBe(1);
    const party = await owner.request('GET', `${base}/parties/${ids.ben}`);
    expect(party.body.roles).toContain('customer');
    const letters = await server.app.inject({
      method: 'GET',
      url: `${campaign}/letters`,
      headers: { cookie: owner.cookie },
    });
    expect(letters.statusCode).toBe(200);
    expect(pdfText(letters.rawPayload, false).replace(/\s+/g, ' ')).toContain(
      'Ben Kader, à Marseille, rejoignez Maison des Associations.',
    );
    // « Établir un devis »: a quote draft for the target, linked to it; no line is a French 400.
    const empty = await owner.request('POST', `${campaign}/targets/${ids.ben}/quote`, { lines: [] });
    expect(empty.status).toBe(400);
    expect(JSON.stringify(empty.body)).toContain('Un devis compte au moins une ligne.');
    const notTarget = await owner.request('POST', `${campaign}/targets/${ids.ana}/quote`, {
      lines: [{ label: 'Adhésion', quantity: '1', unitPrice: '30', vatRate: '0' }],
    });
    expect(notTarget.status).toBe(404);
    const quoted = await owner.request(
      'POST',
      `${campaign}/targets/${ids.ben}/quote`,
      { lines: [{ label: 'Adhésion annuelle', quantity: '1', unitPrice: '30', vatRate: '20' }] },
      { 'idempotency-key': 'campaign-quote-0001' },
    );
    expect(quoted.status).toBe(201);
    expect(quoted.body.quote).toMatchObject({ kind: 'quote', status: 'draft', partyId: ids.ben });
    expect(quoted.body.campaign.quoted).toBe(1);
    expect(quoted.body.campaign.targets[0].quote).toMatchObject({
      id: quoted.body.quote.id,
      status: 'draft',
    });
    const again = await owner.request('POST', `${campaign}/targets/${ids.ben}/quote`, {
      lines: [{ label: 'Adhésion annuelle', quantity: '1', unitPrice: '30', vatRate: '20' }],
    });
    expect(again.status).toBe(409);
    const shown = await owner.request('GET', campaign);
    expect(shown.body.targets[0].quote.id).toBe(quoted.body.quote.id);
    const wrong = await owner.request('PUT', campaign, { name: 'x', letterText: '{{inconnu}}' });
    expect(wrong.status).toBe(400);
    expect(JSON.stringify(wrong.body)).toMatch(/Champ de fusion inconnu : \{\{inconnu\}\}/);
  });
});
