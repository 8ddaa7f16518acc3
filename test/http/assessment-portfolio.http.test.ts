import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { setMembership } from '../../src/kernel/users/users.ts';
import { handOutBlankScenario, trainingClass } from '../../src/training/test-helpers.ts';
import { buildOrganisation, buildUser, TEST_PASSWORD } from '../support/factories.ts';
import { type Client, loginAs, startTestServer, type TestServer } from '../support/http.ts';
import { pdfText } from '../support/pdf-text.ts';
import { DIALECTS } from '../support/test-db.ts';

describe.each(DIALECTS)('assessment and portfolio over HTTP on %s', (dialect) => {
  let server: TestServer;
  let school: string;
  let base: string;
  let teacher: Client;
  let otherTeacher: Client;
  let lea: Client;
  let hugo: Client;
  let leaId: string;
  let hugoId: string;
  let classId: string;
  beforeAll(async () => {
    server = await startTestServer(dialect);
    const db = server.store.db;
    const owner = await buildUser(db);
    school = (await buildOrganisation(db, owner.id, { name: 'Lycée' })).id;
    base = `/api/v1/orgs/${school}/training`;
    const [t1, t2] = [await buildUser(db), await buildUser(db)];
    await db
      .transaction()
      .execute((trx) =>
        setMembership(trx, { orgId: school, userId: t2!.id, role: 'teacher', actorId: null }),
      );
    const { scope, cls, logins } = await trainingClass(db, school, t1!.id, { students: 2, joined: 2 });
    await handOutBlankScenario(server.store, scope, cls.id);
    classId = cls.id;
    teacher = await loginAs(server.app, t1!.email, TEST_PASSWORD);
    otherTeacher = await loginAs(server.app, t2!.email, TEST_PASSWORD);
    lea = await loginAs(server.app, logins[0]!.email, logins[0]!.password);
    hugo = await loginAs(server.app, logins[1]!.email, logins[1]!.password);
    leaId = logins[0]!.studentId;
    hugoId = logins[1]!.studentId;
  });
  afterAll(async () => {
    await server?.close();
  });

  const pdf = async (client: Client, url: string) => {
    const r = await server.app.inject({ method: 'GET', url, headers: { cookie: client.cookie } });
    return { status: r.statusCode, type: String(r.headers['content-type']), bytes: r.rawPayload };
  };

  it('lets a student write their own portfolio, their teacher read it, and nobody else', async () => {
    const bad = await lea.request('POST', `${base}/my/portfolio/entries`, {
      kind: 'journal',
      title: '',
      date: '2026-02-30',
    });
    expect(bad.status).toBe(400);
    expect(JSON.stringify(bad.body)).toContain('Type inconnu');
    const unknown = await lea.request('POST', `${base}/my/portfolio/entries`, {
      kind: 'other',
      title: 'X',
      date: '2026-11-02',
      competencies: ['9.9'],
    });
    expect(unknown.status).toBe(400);
    expect((await lea.request('GET', `${base}/my/portfolio`)).body.entries).toEqual([]);

    const created = await lea.request('POST', `${base}/my/portfolio/entries`, {
      kind: 'pfmp',
      title: 'Semaine au cabinet Durand',
      body: 'Accueil et prise de rendez-vous.',
      date: '2026-10-05',
      competencies: ['1.1.1'],
    });
    expect(created.status).toBe(201);
    const updated = await lea.request('PUT', `${base}/my/portfolio/entries/${created.body.id}`, {
      ...created.body,
      title: 'Deux semaines au cabinet Durand',
    });
    expect(updated.body.title).toBe('Deux semaines au cabinet Durand');
    // Hugo cannot touch it, nor read Léa's portfolio; the other teacher cannot either.
    expect(
      (await hugo.request('PUT', `${base}/my/portfolio/entries/${created.body.id}`, created.body)).status,
    ).toBe(404);
    expect((await hugo.request('DELETE', `${base}/my/portfolio/entries/${created.body.id}`)).status).toBe(
      404,
    );
    expect((await hugo.request('GET', `${base}/students/${leaId}/portfolio`)).status).toBe(404);
    expect((await pdf(hugo, `${base}/students/${leaId}/portfolio/pdf`)).status).toBe(404);
    expect((await otherTeacher.request('GET', `${base}/students/${leaId}/portfolio`)).status).toBe(404);
    // A teacher has no portfolio of their own to write in.
    expect(
      (
        await teacher.request('POST', `${base}/my/portfolio/entries`, {
          kind: 'other',
          title: 'X',
          date: '2026-11-02',
        })
      ).status,
    ).toBe(404);

    const read = await teacher.request('GET', `${base}/students/${leaId}/portfolio`);
    expect(read.status).toBe(200);
    expect(read.body.entries.map((e: { title: string }) => e.title)).toEqual([
      'Deux semaines au cabinet Durand',
    ]);
    expect((await lea.request('GET', `${base}/students/${leaId}/portfolio`)).status).toBe(200);

    const file = await pdf(lea, `${base}/my/portfolio/pdf`);
    expect(file.status).toBe(200);
    expect(file.type).toContain('application/pdf');
    const text = pdfText(file.bytes);
    expect(text).toContain('Portfolio de compétences');
    expect(text).toContain('Deux semaines au cabinet Durand');
    expect(text).toContain('Travail en PFMP · 05/10/2026');
    expect(pdfText((await pdf(teacher, `${base}/students/${leaId}/portfolio/pdf`)).bytes)).toContain(
      'Deux semaines au cabinet Durand',
    );

    expect((await lea.request('DELETE', `${base}/my/portfolio/entries/${created.body.id}`)).status).toBe(204);
    expect((await lea.request('GET', `${base}/my/portfolio`)).body.entries).toEqual([]);
  });

  it('lets the class’s teacher confirm levels and see the synthesis; students only read their own grid', async () => {
    const url = `${base}/students/${hugoId}/assessment`;
    const grid = await teacher.request('GET', url);
    expect(grid.status).toBe(200);
    expect(grid.body.blocks.map((b: { code: string }) => b.code)).toEqual(['B1', 'B2', 'B3']);

    expect((await teacher.request('PUT', `${url}/1.2.1.i1`, { level: 5 })).status).toBe(400);
    expect((await teacher.request('PUT', `${url}/0.0.0.i1`, { level: 2 })).status).toBe(400);
    expect((await hugo.request('PUT', `${url}/1.2.1.i1`, { level: 4 })).status).toBe(403);
    expect((await otherTeacher.request('PUT', `${url}/1.2.1.i1`, { level: 2 })).status).toBe(404);
    const confirmed = await teacher.request('PUT', `${url}/1.2.1.i1`, { level: 3, comment: 'Bien.' });
    expect(confirmed.status).toBe(200);
    expect(confirmed.body).toMatchObject({
      code: '1.2.1.i1',
      confirmed: 3,
      proposed: null,
      comment: 'Bien.',
    });

    const own = await hugo.request('GET', url);
    expect(own.status).toBe(200);
    const indicator = own.body.blocks[0].competencies
      .flatMap((c: { indicators: unknown[] }) => c.indicators)
      .find((i: { code: string }) => i.code === '1.2.1.i1');
    expect(indicator).toMatchObject({ confirmed: 3, comment: 'Bien.' });
    expect((await lea.request('GET', url)).status).toBe(404);
    expect((await otherTeacher.request('GET', url)).status).toBe(404);

    const synthesis = await teacher.request('GET', `${base}/classes/${classId}/assessment`);
    expect(synthesis.status).toBe(200);
    const col = synthesis.body.students.findIndex((s: { id: string }) => s.id === hugoId);
    expect(synthesis.body.rows.find((r: { code: string }) => r.code === '1.2.1').levels[col]).toBe(3);
    expect((await otherTeacher.request('GET', `${base}/classes/${classId}/assessment`)).status).toBe(404);
    expect((await hugo.request('GET', `${base}/classes/${classId}/assessment`)).status).toBe(403);
  });
});
