import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { setMembership } from '../../src/kernel/users/users.ts';
import { createEmployee, employeeInput } from '../../src/personnel/index.ts';
import { buildOrganisation, buildUser, TEST_PASSWORD } from '../support/factories.ts';
import { type Client, loginAs, startTestServer, type TestServer } from '../support/http.ts';
import { pdfText } from '../support/pdf-text.ts';
import { countRows } from '../support/schema.ts';
import { type SmtpPeer, startSmtpPeer } from '../support/smtp-peer.ts';
import { DIALECTS } from '../support/test-db.ts';

// Decision 0044 over HTTP: meetings and notices, French errors, 404 across organisations, permissions,
// and the convocation delivered by the outbox worker to a real SMTP server with its PDF and .ics.

describe.each(DIALECTS)('meetings and notices over HTTP on %s', (dialect) => {
  let server: TestServer;
  let peer: SmtpPeer;
  let owner: Client;
  let viewer: Client;
  let stranger: Client;
  let orgId: string;
  let otherOrgId: string;
  let employeeId: string;
  let base: string;

  beforeAll(async () => {
    server = await startTestServer(dialect, { mailWorker: true });
    peer = await startSmtpPeer();
    const db = server.store.db;
    const user = await buildUser(db);
    orgId = (await buildOrganisation(db, user.id, { name: 'Association Les Tilleuls' })).id;
    const reader = await buildUser(db);
    await db
      .transaction()
      .execute((trx) => setMembership(trx, { orgId, userId: reader.id, role: 'viewer', actorId: null }));
    const other = await buildUser(db);
    otherOrgId = (await buildOrganisation(db, other.id)).id;
    employeeId = (
      await db.transaction().execute((trx) =>
        createEmployee(
          trx,
          orgId,
          employeeInput.parse({
            lastName: 'Roux',
            firstName: 'Inès',
            sex: 'F',
            birthDate: '1988-10-02',
            nationality: 'Française',
            jobTitle: 'Coordinatrice',
            category: 'employee',
            contractType: 'cdi',
            weeklyHours: 3500,
            monthlyGross: 230000,
            hireDate: '2025-06-02',
            email: 'ines.roux@tilleuls.example',
          }),
          null,
        ),
      )
    ).id;
    owner = await loginAs(server.app, user.email, TEST_PASSWORD);
    viewer = await loginAs(server.app, reader.email, TEST_PASSWORD);
    stranger = await loginAs(server.app, other.email, TEST_PASSWORD);
    base = `/api/v1/orgs/${orgId}/meetings`;
  });
  afterAll(async () => {
    await server?.close();
    await peer?.close();
  });

  const assembly = {
    title: 'Assemblée générale ordinaire 2026',
    kind: 'general_assembly',
    date: '2026-12-12',
    startTime: '14:00',
    endTime: '17:00',
    mode: 'hybrid',
    room: 'Salle polyvalente',
    link: 'https://visio.tilleuls.example/ag',
    organiser: 'La présidente',
    agenda: [
      { title: 'Rapport moral', presenter: 'La présidente', durationMinutes: 30 },
      { title: 'Approbation des comptes', presenter: 'Le trésorier', durationMinutes: 45 },
    ],
  };

  it('plans, refuses bad input and a double-booked room in French, changes nothing', async () => {
    const bad = await owner.request('POST', base, {
      ...assembly,
      mode: 'in_person',
      room: '',
      endTime: '13:00',
    });
    expect(bad.status).toBe(400);
    expect(bad.raw).toContain('La fin doit suivre le début.');
    expect(bad.raw).toContain('Salle ou lieu : obligatoire en présentiel.');
    const created = await owner.request(
      'POST',
      base,
      {
        ...assembly,
        participants: [{ employeeId }, { name: 'Jean Adhérent', email: 'jean@adherent.example' }],
      },
      { 'idempotency-key': 'ag-2026-tilleuls' },
    );
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ status: 'planned', quorum: { members: 2, required: 1 } });
    const replay = await owner.request(
      'POST',
      base,
      { ...assembly, participants: [] },
      { 'idempotency-key': 'ag-2026-tilleuls' },
    );
    expect(replay.body.id).toBe(created.body.id);
    const before = await countRows(server.store.db, 'production_meeting', orgId);
    const clash = await owner.request('POST', base, {
      ...assembly,
      title: 'Conseil d’administration',
      kind: 'board',
      startTime: '16:30',
      endTime: '18:00',
    });
    expect(clash.status).toBe(409);
    expect(clash.body.detail ?? clash.raw).toMatch(
      /La salle « Salle polyvalente » est déjà réservée le 12\/12\/2026 de 14:00 à 17:00/,
    );
    expect(await countRows(server.store.db, 'production_meeting', orgId)).toBe(before);
    expect((await owner.request('GET', base)).body.items).toHaveLength(1);
  });

  it('answers 404 across organisations and 403 to a reader who writes', async () => {
    const id = (await owner.request('GET', base)).body.items[0].id;
    const foreign = `/api/v1/orgs/${otherOrgId}/meetings/${id}`;
    expect((await stranger.request('GET', foreign)).status).toBe(404);
    expect((await stranger.request('GET', `${foreign}/convocation`)).status).toBe(404);
    expect((await stranger.request('POST', `${foreign}/convene`, {})).status).toBe(404);
    expect((await stranger.request('GET', `${base}/${id}`)).status).toBe(404);
    expect((await viewer.request('GET', `${base}/${id}`)).status).toBe(200);
    expect((await viewer.request('POST', `${base}/${id}/cancel`, { reason: 'x' })).status).toBe(403);
    expect((await viewer.request('POST', base, assembly)).status).toBe(403);
    expect((await viewer.request('POST', `/api/v1/orgs/${orgId}/notices`, {})).status).toBe(403);
  });

  it('e-mails the convocation with its PDF and .ics through a real SMTP server', async () => {
    const id = (await owner.request('GET', base)).body.items[0].id;
    const refused = await owner.request('POST', `${base}/${id}/convene`, { sendEmails: true });
    expect(refused.status).toBe(400);
    expect(refused.raw).toMatch(/Aucun serveur d’envoi n’est configuré/);
    expect((await owner.request('GET', `${base}/${id}`)).body.status).toBe('planned');
    const saved = await owner.request('PUT', `/api/v1/orgs/${orgId}/mail/settings`, {
      host: '127.0.0.1',
      port: peer.port,
      security: 'none',
      fromAddress: 'secretariat@tilleuls.example',
    });
    expect(saved.status).toBe(200);
    const convened = await owner.request('POST', `${base}/${id}/convene`, { sendEmails: true });
    expect(convened.status).toBe(200);
    expect(convened.body).toMatchObject({ status: 'convened', queued: 2, convocationEmails: 2 });
    await expect.poll(() => peer.received.length, { timeout: 15_000, interval: 250 }).toBe(2);
    const mail = peer.received.find(
      (m) => m.text?.includes('Assemblée générale') && JSON.stringify(m.to).includes('ines.roux'),
    )!;
    expect(mail.subject).toBe('Convocation – Assemblée générale ordinaire 2026 – 12/12/2026');
    expect(mail.text).toContain('1. Rapport moral');
    const names = mail.attachments.map((a) => a.filename);
    expect(names).toEqual(['convocation-2026-12-12-assemblee-generale-ordinaire-2026.pdf', 'invitation.ics']);
    const pdf = pdfText(mail.attachments[0]!.content);
    expect(pdf).toContain('Convocation — Assemblée générale ordinaire 2026');
    expect(pdf).toContain('samedi 12 décembre 2026, de 14:00 à 17:00');
    expect(pdf).toContain('Approbation des comptes (Le trésorier, 45 min)');
    expect(pdf).toContain('Pouvoir');
    const ics = mail.attachments[1]!.content.toString('utf8');
    expect(ics).toMatch(/^BEGIN:VCALENDAR\r\nVERSION:2\.0\r\n/);
    expect(ics).toContain('DTSTART:20261212T130000Z\r\n');
    expect(ics).toContain(`UID:${id}@agora\r\n`);
    const download = await owner.request('GET', `${base}/${id}/invitation.ics`);
    expect(download.headers['content-type']).toMatch(/^text\/calendar/);
    expect(download.raw).toContain('LOCATION:Salle polyvalente');
  });

  it('records attendance and minutes, exports the procès-verbal and follows the actions', async () => {
    const id = (await owner.request('GET', base)).body.items[0].id;
    const meeting = (await owner.request('GET', `${base}/${id}`)).body;
    const [ines, jean] = meeting.participants;
    const self = await owner.request('PUT', `${base}/${meeting.id}/attendance`, {
      entries: [{ participantId: ines.id, attendance: 'represented', proxyHolderId: ines.id }],
    });
    expect(self.status).toBe(400);
    const held = await owner.request('PUT', `${base}/${meeting.id}/attendance`, {
      entries: [
        { participantId: ines.id, attendance: 'present' },
        { participantId: jean.id, attendance: 'represented', proxyHolderId: ines.id },
      ],
    });
    expect(held.status).toBe(200);
    expect(held.body.quorum).toMatchObject({ counted: 2, met: true });
    const minutes = await owner.request('PUT', `${base}/${meeting.id}/minutes`, {
      summary: 'L’assemblée s’est tenue dans la bonne humeur.',
      decisions: [{ agendaItemId: meeting.agenda[1].id, decision: 'Comptes approuvés à l’unanimité.' }],
      actions: [{ description: 'Déposer les comptes', owner: 'Le trésorier', dueDate: '2027-01-15' }],
    });
    expect(minutes.status).toBe(200);
    expect((await owner.request('POST', `${base}/${meeting.id}/approve-minutes`)).body.status).toBe(
      'minutes_approved',
    );
    const pv = await server.app.inject({
      method: 'GET',
      url: `${base}/${meeting.id}/minutes`,
      headers: { cookie: owner.cookie },
    });
    expect(pv.headers['content-type']).toBe('application/pdf');
    const text = pdfText(pv.rawPayload);
    expect(text).toContain('Procès-verbal — Assemblée générale ordinaire 2026');
    expect(text).toContain('Jean Adhérent : représenté(e) (pouvoir à Inès Roux)');
    expect(text).toContain('Décision : Comptes approuvés à l’unanimité.');
    expect(text).toContain('le quorum est atteint');
    expect(text).toContain('Déposer les comptes — responsable : Le trésorier, échéance : 15/01/2027');
    const actions = await viewer.request('GET', `/api/v1/orgs/${orgId}/meeting-actions?open=true`);
    expect(actions.body.items.map((a: { description: string }) => a.description)).toEqual([
      'Déposer les comptes',
    ]);
    const foreignAction = `/api/v1/orgs/${otherOrgId}/meeting-actions/${actions.body.items[0].id}/done`;
    expect((await stranger.request('POST', foreignAction, { done: true })).status).toBe(404);
  });

  it('publishes a numbered notice, records who read it, prints it; lists the postings', async () => {
    const notices = `/api/v1/orgs/${orgId}/notices`;
    const bad = await owner.request('POST', notices, {
      title: '',
      category: 'social',
      audience: 'service',
      author: 'RH',
      body: 'x',
      publishOn: '2026-11-31',
    });
    expect(bad.status).toBe(400);
    expect(bad.raw).toContain('Objet : champ obligatoire.');
    expect(bad.raw).toContain('Date de publication : date réelle au format AAAA-MM-JJ attendue.');
    const draft = await owner.request('POST', notices, {
      title: 'Mutuelle d’entreprise : nouveau contrat',
      category: 'social',
      audience: 'staff',
      author: 'La présidente',
      body: 'À compter du 1er janvier, la mutuelle change.\n\nLes cartes seront distribuées en décembre.',
      publishOn: '2026-11-27',
      pinned: true,
    });
    expect(draft.status).toBe(201);
    const published = await owner.request('POST', `${notices}/${draft.body.id}/publish`);
    expect(published.body).toMatchObject({ number: 'NS-2026-001', status: 'published' });
    expect(published.body.unread.map((u: { name: string }) => u.name)).toEqual(['Inès Roux']);
    const read = await owner.request('POST', `${notices}/${draft.body.id}/acknowledgements`, { employeeId });
    expect(read.body.readers.map((r: { name: string }) => r.name)).toEqual(['Inès Roux']);
    expect(read.body.unread).toEqual([]);
    expect(
      (await owner.request('PUT', `${notices}/${draft.body.id}`, { ...draft.body, expiresOn: null })).status,
    ).toBe(409);
    expect(
      (await stranger.request('GET', `/api/v1/orgs/${otherOrgId}/notices/${draft.body.id}`)).status,
    ).toBe(404);
    const pdf = await server.app.inject({
      method: 'GET',
      url: `${notices}/${draft.body.id}/pdf`,
      headers: { cookie: owner.cookie },
    });
    const text = pdfText(pdf.rawPayload);
    expect(text).toContain('Note de service n° NS-2026-001');
    expect(text).toContain('Mutuelle d’entreprise : nouveau contrat');
    expect(text).toContain('Les cartes seront distribuées en décembre.');
    const postings = `/api/v1/orgs/${orgId}/staff-postings`;
    const put = await owner.request('PUT', `${postings}/occupational_health`, {
      postedOn: '2026-11-02',
      location: 'Salle de pause',
    });
    expect(put.status).toBe(200);
    const list = await viewer.request('GET', postings);
    expect(list.body.items.find((i: { code: string }) => i.code === 'occupational_health')).toMatchObject({
      state: 'posted',
      location: 'Salle de pause',
    });
    expect((await owner.request('PUT', `${postings}/unknown`, { postedOn: '2026-11-02' })).status).toBe(404);
  });
});
