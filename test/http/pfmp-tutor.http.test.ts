import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { setMembership } from '../../src/kernel/users/users.ts';
import { LINK_UNAVAILABLE } from '../../src/training/pfmp/tutor-link/public.ts';
import { placement, trainingClass } from '../../src/training/test-helpers.ts';
import { buildOrganisation, buildUser, TEST_PASSWORD } from '../support/factories.ts';
import { type Client, loginAs, startTestServer, type TestServer } from '../support/http.ts';
import { DIALECTS } from '../support/test-db.ts';

// The PFMP tutor's link over HTTP: the class's teacher makes and revokes it; the tutor's page and its
// sending need no session and no anti-CSRF token, answer the same 404 for any link that does not work,
// 409 for a second sending, and are limited per address.

describe.each(DIALECTS)('PFMP tutor link over HTTP on %s', (dialect) => {
  let server: TestServer;
  let teacher: Client;
  let student: Client;
  let stranger: Client;
  let schoolId: string;
  let strangerOrgId: string;
  let agreementId: string;
  beforeAll(async () => {
    server = await startTestServer(dialect, { publicTutorRateLimit: { max: 4, timeWindowMs: 60_000 } });
    const db = server.store.db;
    const owner = await buildUser(db);
    schoolId = (await buildOrganisation(db, owner.id, { name: 'Lycée Colbert' })).id;
    const user = await buildUser(db);
    await db
      .transaction()
      .execute((trx) =>
        setMembership(trx, { orgId: schoolId, userId: user.id, role: 'teacher', actorId: null }),
      );
    const { scope, students, logins } = await trainingClass(db, schoolId, user.id, {
      students: 1,
      joined: 1,
    });
    agreementId = (await placement(db, scope, students[0]!.id)).id;
    teacher = await loginAs(server.app, user.email, TEST_PASSWORD);
    student = await loginAs(server.app, logins[0]!.email, logins[0]!.password);
    const outsider = await buildUser(db);
    strangerOrgId = (await buildOrganisation(db, outsider.id, { name: 'Autre lycée' })).id;
    stranger = await loginAs(server.app, outsider.email, TEST_PASSWORD);
  });
  afterAll(async () => {
    await server?.close();
  });

  const linkUrl = (orgId = schoolId, id = agreementId) =>
    `/api/v1/orgs/${orgId}/training/pfmp/agreements/${id}/tutor-link`;
  const publicUrl = (token: string) => `/api/v1/public/pfmp/tutor-assessments/${token}`;
  const anonymous = (method: 'GET' | 'POST', url: string, ip: string, payload?: object) =>
    server.app.inject({ method, url, payload, remoteAddress: ip });
  const sending = {
    tutorName: 'Claire Martin',
    tutorFunction: 'Assistante de direction',
    certified: true,
    comment: 'Très bon stage.',
    items: [
      { indicatorCode: '1.1.1.i1', level: 3, comment: 'Bon accueil.' },
      { indicatorCode: '1.3.1.i2', level: 4 },
    ],
  };

  it('lets the teacher make, read and revoke a link; others get 404 or 403', async () => {
    const tooLong = await teacher.request('POST', linkUrl(), { expiresInDays: 91 });
    expect(tooLong.status).toBe(400);
    expect(tooLong.body.errors).toEqual([
      { field: 'expiresInDays', message: 'Durée de validité : de 1 à 90 jours.' },
    ]);
    const created = await teacher.request('POST', linkUrl(), {});
    expect(created.status).toBe(201);
    expect(created.body.path).toBe(`/tuteur/${created.body.token}`);
    expect(created.body.link.status).toBe('active');
    const read = await teacher.request('GET', linkUrl());
    expect(read.status).toBe(200);
    expect(read.body.link).toMatchObject({ id: created.body.link.id, status: 'active' });
    // Shown once: reading the link back never gives the token.
    expect(read.raw).not.toContain(created.body.token);

    // Another organisation's member, through their own organisation or ours: 404, nothing made.
    expect((await stranger.request('POST', linkUrl(strangerOrgId), {})).status).toBe(404);
    expect((await stranger.request('POST', linkUrl(), {})).status).toBe(404);
    // The student may not manage links at all.
    expect((await student.request('POST', linkUrl(), {})).status).toBe(403);

    const revoked = await teacher.request('DELETE', linkUrl());
    expect(revoked.status).toBe(200);
    expect(revoked.body.status).toBe('revoked');
    const gone = await anonymous('GET', publicUrl(created.body.token), '198.51.100.1');
    expect(gone.statusCode).toBe(404);
    expect(gone.json().detail).toBe(LINK_UNAVAILABLE);
    const again = await teacher.request('DELETE', linkUrl());
    expect(again.status).toBe(422);
    expect(again.body.detail).toBe('Aucun lien d’évaluation actif pour cette convention.');
  });

  it('serves the tutor without a session, takes one sending, then answers 409', async () => {
    const { token } = (await teacher.request('POST', linkUrl(), { expiresInDays: 10 })).body;
    const ip = '198.51.100.2';
    const unknown = await anonymous('GET', publicUrl('x'.repeat(43)), ip);
    expect(unknown.statusCode).toBe(404);
    expect(unknown.headers['content-type']).toContain('application/problem+json');
    expect(unknown.json()).toMatchObject({ title: 'Ressource introuvable', detail: LINK_UNAVAILABLE });

    const page = await anonymous('GET', publicUrl(token), ip);
    expect(page.statusCode).toBe(200);
    expect(page.json()).toMatchObject({
      status: 'open',
      studentName: 'Élève1 D.',
      hostName: 'Cabinet Martin',
    });
    // The page's address must not leak to other sites through the Referer header.
    expect(page.headers['referrer-policy']).toBe('no-referrer');

    // Bad input: French messages per field, nothing written.
    const bad = await anonymous('POST', publicUrl(token), ip, { ...sending, certified: false, items: [] });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors).toEqual([
      { field: 'certified', message: 'Cochez la case pour certifier cette évaluation.' },
      { field: 'items', message: 'Évaluez au moins un indicateur.' },
    ]);
    expect((await teacher.request('GET', linkUrl())).body.link.status).toBe('active');

    // A signed-in member's cookie without the anti-CSRF header: the public route uses no session.
    const sent = await server.app.inject({
      method: 'POST',
      url: publicUrl(token),
      payload: sending,
      remoteAddress: '198.51.100.3',
      headers: { cookie: teacher.cookie },
    });
    expect(sent.statusCode).toBe(201);
    expect(sent.json().message).toContain('bien été enregistrée');
    const twice = await anonymous('POST', publicUrl(token), '198.51.100.3', sending);
    expect(twice.statusCode).toBe(409);
    expect(twice.json().title).toBe('Conflit');
    expect(twice.json().detail).toContain('Cette évaluation a déjà été envoyée le');

    const pfmp = await teacher.request(
      'GET',
      `/api/v1/orgs/${schoolId}/training/pfmp/students/${
        (await teacher.request('GET', `/api/v1/orgs/${schoolId}/training/pfmp/students`)).body.items[0].id
      }`,
    );
    const assessment = pfmp.body.agreements[0].assessment;
    expect(assessment.source).toBe('tutor');
    expect(assessment.items.map((i: { indicatorCode: string }) => i.indicatorCode)).toEqual([
      '1.1.1.i1',
      '1.3.1.i2',
    ]);
    expect((await teacher.request('GET', linkUrl())).body.link).toMatchObject({
      status: 'used',
      signerName: 'Claire Martin',
    });
    const thanks = await anonymous('GET', publicUrl(token), '198.51.100.3');
    expect(thanks.json()).toMatchObject({ status: 'submitted', submitted: { signerName: 'Claire Martin' } });
  });

  it('limits the public routes per address, before validation', async () => {
    const ip = '203.0.113.9';
    const statuses: number[] = [];
    for (let i = 0; i < 5; i++) statuses.push((await anonymous('GET', publicUrl(`t${i}`), ip)).statusCode);
    expect(statuses).toEqual([404, 404, 404, 404, 429]);
    const limited = await anonymous('GET', publicUrl('t'), ip);
    expect(limited.json().title).toBe('Trop de tentatives');
    // Sendings are counted apart, malformed ones too; another address still gets through.
    const posts: number[] = [];
    for (let i = 0; i < 5; i++) posts.push((await anonymous('POST', publicUrl('t'), ip, {})).statusCode);
    expect(posts).toEqual([400, 400, 400, 400, 429]);
    expect((await anonymous('GET', publicUrl('t'), '203.0.113.10')).statusCode).toBe(404);
  });
});
