import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { setMembership } from '../../src/kernel/users/users.ts';
import { buildOrganisation, buildUser, TEST_PASSWORD } from '../support/factories.ts';
import { type Client, loginAs, startTestServer, type TestServer } from '../support/http.ts';
import { DIALECTS } from '../support/test-db.ts';

const CSV = 'prénom;nom;e-mail\nLéa;Dupont;\nHugo;Martin;hugo@eleves.test\n';

describe.each(DIALECTS)('training over HTTP on %s', (dialect) => {
  let server: TestServer;
  let teacher: Client;
  let otherTeacher: Client;
  let school: string;
  let base: string;
  beforeAll(async () => {
    server = await startTestServer(dialect);
    const owner = await buildUser(server.store.db);
    school = (await buildOrganisation(server.store.db, owner.id, { name: 'Lycée' })).id;
    base = `/api/v1/orgs/${school}/training`;
    const users = [await buildUser(server.store.db), await buildUser(server.store.db)];
    for (const user of users)
      await server.store.db
        .transaction()
        .execute((trx) =>
          setMembership(trx, { orgId: school, userId: user.id, role: 'teacher', actorId: null }),
        );
    teacher = await loginAs(server.app, users[0]!.email, TEST_PASSWORD);
    otherTeacher = await loginAs(server.app, users[1]!.email, TEST_PASSWORD);
  });
  afterAll(async () => {
    await server?.close();
  });

  const join = (code: string, email: string) =>
    server.app.inject({
      method: 'POST',
      url: '/api/v1/auth/join',
      payload: { code, email, password: 'Bonjour-Agora-2026' },
    });

  it('runs a class from the CSV list to the students’ sandboxes, with access kept to each one’s own', async () => {
    const cls = await teacher.request('POST', `${base}/classes`, {
      name: 'Terminale AGOrA',
      level: 'terminale',
      schoolYear: '2026-2027',
    });
    expect(cls.status).toBe(201);
    const classUrl = `${base}/classes/${cls.body.id}`;

    // All or nothing: a bad line refuses the whole file, naming the line.
    const bad = await teacher.request('POST', `${classUrl}/students/import`, {
      csv: `${CSV}Zoé;Petit;pas-une-adresse\n`,
    });
    expect(bad.status).toBe(400);
    expect(JSON.stringify(bad.body.errors)).toContain('Ligne 4');
    const imported = await teacher.request('POST', `${classUrl}/students/import`, { csv: CSV });
    expect(imported.status).toBe(201);
    expect(
      imported.body.items.map(
        (s: { firstName: string; lastInitial: string }) => `${s.firstName} ${s.lastInitial}`,
      ),
    ).toEqual(['Léa D', 'Hugo M']);
    const codes = Object.fromEntries(
      imported.body.items.map((s: { firstName: string; invitationCode: string }) => [
        s.firstName,
        s.invitationCode,
      ]),
    );

    // Another teacher of the school does not see this class.
    expect((await otherTeacher.request('GET', classUrl)).status).toBe(404);
    expect((await otherTeacher.request('GET', `${base}/classes`)).body.items).toEqual([]);

    const scenario = await teacher.request('POST', `${base}/scenarios`, {
      title: 'Reprise au 1er décembre',
      source: 'blank',
      simulatedStart: '2026-12-01',
    });
    expect(scenario.status).toBe(201);
    const handout = await teacher.request('POST', `${classUrl}/handouts`, { scenarioId: scenario.body.id });
    expect(handout.status).toBe(202);
    let progress = handout.body;
    for (let i = 0; i < 100 && progress.status === 'running'; i++) {
      await new Promise((resolve) => setTimeout(resolve, 50));
      progress = (await teacher.request('GET', `${base}/handouts/${handout.body.id}`)).body;
    }
    expect(progress).toMatchObject({ status: 'done', done: 2, total: 2 });
    const sandboxes = (await teacher.request('GET', `${classUrl}/sandboxes`)).body.items;
    expect(sandboxes).toHaveLength(2);

    // Léa joins with her code: her login is made, she is in her class and her sandbox, with its "today".
    const joined = await join(codes.Léa, 'lea@eleves.test');
    expect(joined.statusCode).toBe(200);
    const me = joined.json();
    const sandboxOfLea = sandboxes.find((s: { studentName: string }) => s.studentName === 'Léa D.');
    const sandboxOfHugo = sandboxes.find((s: { studentName: string }) => s.studentName === 'Hugo M.');
    expect(me.organisations).toEqual(
      expect.arrayContaining([
        // `copy` tells the interface where a student works (the sandbox) and where she only reads training.
        expect.objectContaining({ id: school, role: 'student', copy: false }),
        expect.objectContaining({
          id: sandboxOfLea.sandboxOrgId,
          role: 'student',
          simulatedToday: '2026-12-01',
          copy: true,
        }),
      ]),
    );
    expect(me.organisations.some((o: { id: string }) => o.id === sandboxOfHugo.sandboxOrgId)).toBe(false);
    expect((await join(codes.Léa, 'autre@eleves.test')).statusCode).toBe(404);

    const lea = await loginAs(server.app, 'lea@eleves.test', 'Bonjour-Agora-2026');
    const mine = await lea.request('GET', `${base}/my`);
    expect(mine.body.sandboxes.map((s: { id: string }) => s.id)).toEqual([sandboxOfLea.id]);
    expect((await lea.request('GET', `${classUrl}/students`)).status).toBe(403);
    expect((await lea.request('GET', `/api/v1/orgs/${sandboxOfHugo.sandboxOrgId}`)).status).toBe(404);
    expect((await lea.request('POST', `${base}/sandboxes/${sandboxOfHugo.id}/reset`, {})).status).toBe(404);
    const reset = await lea.request('POST', `${base}/sandboxes/${sandboxOfLea.id}/reset`, {});
    expect(reset.body).toMatchObject({ sandboxOrgId: sandboxOfLea.sandboxOrgId, resetCount: 1 });
    const org = await lea.request('GET', `/api/v1/orgs/${sandboxOfLea.sandboxOrgId}`);
    expect(org.body).toMatchObject({ simulatedToday: '2026-12-01', isTemplate: false });
    // In her sandbox Léa works with every screen; in the school itself she reads her training and the
    // school's name, nothing of the school's own records or documents.
    expect((await lea.request('GET', `/api/v1/orgs/${sandboxOfLea.sandboxOrgId}/parties`)).status).toBe(200);
    // Area 3 too: she hires a (simulated) employee in her sandbox.
    const hired = await lea.request('POST', `/api/v1/orgs/${sandboxOfLea.sandboxOrgId}/employees`, {
      lastName: 'Durand',
      firstName: 'Paul',
      sex: 'M',
      birthDate: '1990-01-15',
      nationality: 'Française',
      jobTitle: 'Vendeur',
      category: 'employee',
      contractType: 'cdi',
      weeklyHours: 3500,
      monthlyGross: 190000,
      hireDate: '2026-11-02',
    });
    expect(hired.status).toBe(201);
    expect((await lea.request('GET', `/api/v1/orgs/${school}`)).status).toBe(200);
    for (const path of [
      'parties',
      'invoices',
      'ledger/accounts',
      'employees',
      `documents/${sandboxOfLea.id}`,
    ])
      expect((await lea.request('GET', `/api/v1/orgs/${school}/${path}`)).status, path).toBe(403);

    // The teacher moves the scenario's "today" forward for Léa only.
    const moved = await teacher.request('PUT', `${base}/sandboxes/${sandboxOfLea.id}/date`, {
      simulatedToday: '2027-01-10',
    });
    expect(moved.body.simulatedToday).toBe('2027-01-10');
    expect(
      (
        await lea.request('PUT', `${base}/sandboxes/${sandboxOfLea.id}/date`, {
          simulatedToday: '2027-01-11',
        })
      ).status,
    ).toBe(403);

    // Privacy: export to the class's teachers only, then erasure — Léa can no longer sign in.
    const studentId = sandboxOfLea.studentId;
    expect((await otherTeacher.request('GET', `${base}/students/${studentId}/export`)).status).toBe(404);
    const exported = await teacher.request('GET', `${base}/students/${studentId}/export`);
    expect(exported.status).toBe(200);
    expect(String(exported.headers['content-disposition'])).toContain('attachment');
    expect(exported.body.account.email).toBe('lea@eleves.test');
    const erased = await teacher.request('DELETE', `${base}/students/${studentId}`);
    expect(erased.body).toEqual({ sandboxesDeleted: 1, accountErased: true });
    const again = await server.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { email: 'lea@eleves.test', password: 'Bonjour-Agora-2026' },
    });
    expect(again.statusCode).toBe(401);
  });

  it('serves the référentiel and its coverage to any signed-in user, and nothing to strangers', async () => {
    const list = await teacher.request('GET', '/api/v1/referentiels');
    expect(list.body.items).toEqual([expect.objectContaining({ id: 'agora', code: 'AGOrA' })]);
    const referentiel = await teacher.request('GET', '/api/v1/referentiels/agora');
    expect(referentiel.body.areas).toHaveLength(3);
    expect((await teacher.request('GET', '/api/v1/referentiels/inconnu')).status).toBe(404);
    const coverage = await teacher.request('GET', '/api/v1/referentiels/agora/coverage');
    // What no screen or operation serves yet: coordination plannings, social and cultural actions.
    expect(coverage.body.unservedTasks).toEqual(['2.1.t4', '3.3.t2']);
    expect((await server.app.inject({ method: 'GET', url: '/api/v1/referentiels/agora' })).statusCode).toBe(
      401,
    );
  });
});
