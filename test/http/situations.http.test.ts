import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { setMembership } from '../../src/kernel/users/users.ts';
import { handOutBlankScenario, trainingClass } from '../../src/training/test-helpers.ts';
import { buildOrganisation, buildUser, TEST_PASSWORD } from '../support/factories.ts';
import { type Client, loginAs, startTestServer, type TestServer } from '../support/http.ts';
import { DIALECTS } from '../support/test-db.ts';

describe.each(DIALECTS)('professional situations over HTTP on %s', (dialect) => {
  let server: TestServer;
  let school: string;
  let base: string;
  let teacher: Client;
  let otherTeacher: Client;
  let lea: Client;
  let hugo: Client;
  let classId: string;
  let handoutId: string;
  let students: { studentId: string }[];
  beforeAll(async () => {
    server = await startTestServer(dialect);
    const db = server.store.db;
    const owner = await buildUser(db);
    school = (await buildOrganisation(db, owner.id, { name: 'Lycée' })).id;
    base = `/api/v1/orgs/${school}/training`;
    const [t1, t2] = [await buildUser(db), await buildUser(db)];
    for (const user of [t1!, t2!])
      await db
        .transaction()
        .execute((trx) =>
          setMembership(trx, { orgId: school, userId: user.id, role: 'teacher', actorId: null }),
        );
    const made = await trainingClass(db, school, t1!.id, { students: 2, joined: 2 });
    classId = made.cls.id;
    students = made.logins;
    handoutId = (await handOutBlankScenario(server.store, made.scope, classId)).handout.id;
    teacher = await loginAs(server.app, t1!.email, TEST_PASSWORD);
    otherTeacher = await loginAs(server.app, t2!.email, TEST_PASSWORD);
    lea = await loginAs(server.app, made.logins[0]!.email, made.logins[0]!.password);
    hugo = await loginAs(server.app, made.logins[1]!.email, made.logins[1]!.password);
  });
  afterAll(async () => {
    await server?.close();
  });

  it('lets the class’s teacher build a situation; students see it once published, and only their results', async () => {
    const upload = await teacher.request(
      'POST',
      `/api/v1/orgs/${school}/documents?fileName=commande.txt`,
      'Commande de 12 baguettes',
      { 'content-type': 'text/plain' },
    );
    expect(upload.status).toBe(201);
    const body = {
      handoutId,
      title: 'Commande par e-mail',
      statement: '**Facturez** la commande jointe.',
      competencies: ['1.2.1'],
      indicators: ['1.2.1.i1'],
      dueDate: '2026-12-15',
      attachmentIds: [upload.body.id],
      checks: [
        {
          label: 'Une facture validée',
          entity: 'invoice',
          conditions: [{ field: 'status', operator: 'eq', value: 'validated' }],
          indicators: ['1.2.1.i1'],
        },
      ],
    };

    // Bad input: French errors, nothing created.
    const bad = await teacher.request('POST', `${base}/classes/${classId}/situations`, {
      ...body,
      checks: [
        { label: 'X', entity: 'invoice', conditions: [{ field: 'couleur', operator: 'eq', value: 'x' }] },
      ],
    });
    expect(bad.status).toBe(400);
    expect(JSON.stringify(bad.body)).toContain('Champ inconnu pour facture : « couleur ».');
    expect((await teacher.request('GET', `${base}/classes/${classId}/situations`)).body.items).toEqual([]);

    const created = await teacher.request('POST', `${base}/classes/${classId}/situations`, body);
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ status: 'draft', attachments: [{ fileName: 'commande.txt' }] });
    const url = `${base}/situations/${created.body.id}`;

    // Another teacher of the school, and students, reach nothing they should not.
    for (const [method, path] of [
      ['GET', url],
      ['GET', `${url}/results`],
      ['POST', `${url}/results/refresh`],
    ] as const)
      expect((await otherTeacher.request(method, path, method === 'POST' ? {} : undefined)).status).toBe(404);
    expect((await otherTeacher.request('PUT', url, body)).status).toBe(404);
    expect((await lea.request('GET', url)).status).toBe(404); // a draft
    expect((await lea.request('GET', `${base}/my/situations`)).body.items).toEqual([]);
    expect((await lea.request('PUT', url, body)).status).toBe(403);
    expect((await lea.request('GET', `${url}/results`)).status).toBe(403);

    const published = await teacher.request('PUT', url, { ...body, status: 'published' });
    expect(published.status).toBe(200);

    const mine = await lea.request('GET', `${base}/my/situations`);
    expect(mine.body.items.map((s: { id: string }) => s.id)).toEqual([created.body.id]);
    const file = await lea.request('GET', `${url}/attachments/${upload.body.id}`);
    expect(file.status).toBe(200);
    expect(file.raw).toBe('Commande de 12 baguettes');
    expect(String(file.headers['content-disposition'])).toContain('commande.txt');
    expect((await lea.request('GET', `${url}/attachments/${created.body.checks[0].id}`)).status).toBe(404);

    const checked = await lea.request('POST', `${base}/my/situations/${created.body.id}/check`, {});
    expect(checked.status).toBe(200);
    expect(checked.body.results).toEqual([
      expect.objectContaining({
        studentId: students[0]!.studentId,
        passed: false,
        explanation: expect.stringMatching(/^Aucune facture dans le bac à sable/),
      }),
    ]);
    // Hugo sees his own (none yet), never Léa's.
    const his = await hugo.request('GET', `${base}/my/situations/${created.body.id}`);
    expect(his.body.results).toEqual([]);

    const grid = await teacher.request('POST', `${url}/results/refresh`, {});
    expect(grid.status).toBe(200);
    expect(grid.body.results).toHaveLength(2);
    expect(grid.body.students.map((s: { failed: number }) => s.failed)).toEqual([1, 1]);
  });

  it('lets the class’s teacher duplicate a situation and delete a draft without results, nobody else', async () => {
    const upload = await teacher.request(
      'POST',
      `/api/v1/orgs/${school}/documents?fileName=tarifs.txt`,
      'Baguette : 1,20 €',
      { 'content-type': 'text/plain' },
    );
    const created = await teacher.request('POST', `${base}/classes/${classId}/situations`, {
      handoutId,
      title: 'Tarifs',
      statement: 'Appliquez les tarifs joints.',
      status: 'published',
      attachmentIds: [upload.body.id],
    });
    expect(created.status).toBe(201);
    const url = `${base}/situations/${created.body.id}`;

    // Another school's owner, another teacher of this school, a student: nothing.
    const elsewhere = await buildUser(server.store.db);
    const otherSchool = (await buildOrganisation(server.store.db, elsewhere.id, { name: 'Autre lycée' })).id;
    const stranger = await loginAs(server.app, elsewhere.email, TEST_PASSWORD);
    const theirUrl = `/api/v1/orgs/${otherSchool}/training/situations/${created.body.id}`;
    expect((await stranger.request('POST', `${theirUrl}/duplicate`, {})).status).toBe(404);
    expect((await stranger.request('DELETE', theirUrl)).status).toBe(404);
    expect((await otherTeacher.request('POST', `${url}/duplicate`, {})).status).toBe(404);
    expect((await otherTeacher.request('DELETE', url)).status).toBe(404);
    expect((await lea.request('POST', `${url}/duplicate`, {})).status).toBe(403);
    expect((await lea.request('DELETE', url)).status).toBe(403);
    expect((await teacher.request('GET', `${base}/classes/${classId}/situations`)).body.items).toHaveLength(
      2,
    );

    const refused = await teacher.request('DELETE', url);
    expect(refused.status).toBe(409);
    expect(refused.body.detail).toBe(
      'Une situation publiée ne peut pas être supprimée : seul un brouillon sans résultat d’élève peut l’être.',
    );

    const copy = await teacher.request('POST', `${url}/duplicate`, {});
    expect(copy.status).toBe(201);
    expect(copy.body).toMatchObject({ title: 'Tarifs (copie)', status: 'draft', classId, handoutId });
    const copyUrl = `${base}/situations/${copy.body.id}`;
    const copied = copy.body.attachments[0];
    expect(copied).toMatchObject({ fileName: 'tarifs.txt' });
    expect(copied.id).not.toBe(upload.body.id);
    expect((await teacher.request('GET', `${copyUrl}/attachments/${copied.id}`)).raw).toBe(
      'Baguette : 1,20 €',
    );

    expect((await teacher.request('DELETE', copyUrl)).status).toBe(204);
    expect((await teacher.request('GET', copyUrl)).status).toBe(404);
    const original = await teacher.request('GET', url);
    expect(original.body).toEqual(created.body);
    expect((await lea.request('GET', `${url}/attachments/${upload.body.id}`)).raw).toBe('Baguette : 1,20 €');
  });
});
