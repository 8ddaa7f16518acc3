import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { setMembership } from '../../src/kernel/users/users.ts';
import { trainingClass } from '../../src/training/test-helpers.ts';
import { buildOrganisation, buildUser, TEST_PASSWORD } from '../support/factories.ts';
import { type Client, loginAs, startTestServer, type TestServer } from '../support/http.ts';
import { pdfText } from '../support/pdf-text.ts';
import { DIALECTS } from '../support/test-db.ts';

// PFMP over HTTP: the class's teacher manages, the student reads their own and ticks tasks, anyone else
// gets 404 (or 403 where the role itself may not manage), bad input answers in French and changes nothing.

describe.each(DIALECTS)('PFMP over HTTP on %s', (dialect) => {
  let server: TestServer;
  let teacher: Client;
  let otherTeacher: Client;
  let student: Client;
  let classmate: Client;
  let stranger: Client;
  let base: string;
  let studentId: string;
  let classmateId: string;
  beforeAll(async () => {
    server = await startTestServer(dialect);
    const db = server.store.db;
    const owner = await buildUser(db);
    const school = (await buildOrganisation(db, owner.id, { name: 'Lycée Colbert' })).id;
    base = `/api/v1/orgs/${school}/training/pfmp`;
    const [t1, t2] = [await buildUser(db), await buildUser(db)];
    for (const user of [t1!, t2!])
      await db
        .transaction()
        .execute((trx) =>
          setMembership(trx, { orgId: school, userId: user.id, role: 'teacher', actorId: null }),
        );
    const { students, logins } = await trainingClass(db, school, t1!.id, { students: 2, joined: 2 });
    studentId = students[0]!.id;
    classmateId = students[1]!.id;
    teacher = await loginAs(server.app, t1!.email, TEST_PASSWORD);
    otherTeacher = await loginAs(server.app, t2!.email, TEST_PASSWORD);
    student = await loginAs(server.app, logins[0]!.email, logins[0]!.password);
    classmate = await loginAs(server.app, logins[1]!.email, logins[1]!.password);
    // Someone from another organisation altogether.
    const outsider = await buildUser(db);
    await buildOrganisation(db, outsider.id, { name: 'Autre lycée' });
    stranger = await loginAs(server.app, outsider.email, TEST_PASSWORD);
  });
  afterAll(async () => {
    await server?.close();
  });

  it('runs a placement from the host to the attestation, with access kept to each one’s own', async () => {
    const host = await teacher.request('POST', `${base}/hosts`, {
      name: 'Cabinet Lenoir',
      siret: '732 829 320 00074',
      address: '12 quai de la Fosse, 44000 Nantes',
      sector: 'Expertise comptable',
      contactName: 'M. Lenoir',
      contactEmail: 'contact@lenoir.test',
    });
    expect(host.status).toBe(201);
    const badSiret = await teacher.request('POST', `${base}/hosts`, {
      name: 'X',
      siret: '123',
      address: 'Y',
      sector: 'Z',
    });
    expect(badSiret.status).toBe(400);
    const tutored = await teacher.request('POST', `${base}/hosts/${host.body.id}/tutors`, {
      name: 'Anne Lenoir',
      function: 'Cheffe de mission',
    });
    expect(tutored.body.tutors).toHaveLength(1);

    const reversed = await teacher.request('POST', `${base}/students/${studentId}/agreements`, {
      hostId: host.body.id,
      periods: [{ startsOn: '2026-10-16', endsOn: '2026-10-05' }],
    });
    expect(reversed.status).toBe(400);
    expect(reversed.body.detail).toBe('La date de fin précède la date de début.');
    const created = await teacher.request('POST', `${base}/students/${studentId}/agreements`, {
      hostId: host.body.id,
      tutorId: tutored.body.tutors[0].id,
      activitiesPlanned: 'Accueil et facturation.',
      periods: [{ startsOn: '2026-10-05', endsOn: '2026-10-16' }],
    });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ status: 'draft', level: 'premiere', schoolYear: '2026-2027' });
    const agreement = created.body.id;
    const period = created.body.periods[0].id;
    const signed = await teacher.request('PUT', `${base}/agreements/${agreement}`, {
      tutorId: tutored.body.tutors[0].id,
      referentUserId: null,
      status: 'signed',
      signedOn: '2026-09-25',
      activitiesPlanned: 'Accueil et facturation.',
    });
    expect(signed.body.status).toBe('signed');
    const outside = await teacher.request('PUT', `${base}/periods/${period}/attendance`, {
      days: [{ day: '2026-10-20', status: 'present' }],
    });
    expect(outside.status).toBe(400);
    expect(outside.body.detail).toBe(
      'Le 20/10/2026 est en dehors de la période (du 05/10/2026 au 16/10/2026).',
    );
    const attendance = await teacher.request('PUT', `${base}/periods/${period}/attendance`, {
      days: ['2026-10-05', '2026-10-06', '2026-10-07'].map((day) => ({ day, status: 'present' })),
    });
    expect(attendance.body.periods[0]).toMatchObject({ daysPresent: 3, allowanceCents: 4500 });

    // The student sees their own PFMP and ticks the tasks they did.
    const own = await student.request('GET', `${base}/students/${studentId}`);
    expect(own.status).toBe(200);
    expect(own.body).toMatchObject({
      canManage: false,
      weeks: { daysDone: 3, required: 20, referentiel: 22 },
    });
    const ticked = await student.request('PUT', `${base}/agreements/${agreement}/activities`, {
      taskCodes: ['1.1.t1', '1.2.t2'],
    });
    expect(ticked.body.activitiesDone).toEqual(['1.1.t1', '1.2.t2']);
    expect(
      (await student.request('GET', `${base}/students`)).body.items.map((s: { id: string }) => s.id),
    ).toEqual([studentId]);
    // …but manages nothing.
    expect(
      (
        await student.request('PUT', `${base}/periods/${period}/attendance`, {
          days: [{ day: '2026-10-08', status: 'present' }],
        })
      ).status,
    ).toBe(403);
    expect((await student.request('GET', `${base}/hosts`)).status).toBe(403);

    // The classmate, another teacher, another organisation: 404 (or 403 for the organisation itself).
    for (const who of [classmate, otherTeacher]) {
      expect((await who.request('GET', `${base}/students/${studentId}`)).status).toBe(404);
      expect((await who.request('GET', `${base}/agreements/${agreement}/attestation`)).status).toBe(404);
      expect(
        (await who.request('PUT', `${base}/agreements/${agreement}/activities`, { taskCodes: [] })).status,
      ).toBe(404);
    }
    expect(
      (
        await otherTeacher.request('PUT', `${base}/periods/${period}/attendance`, {
          days: [{ day: '2026-10-08', status: 'present' }],
        })
      ).status,
    ).toBe(404);
    expect((await classmate.request('GET', `${base}/students/${classmateId}`)).body.agreements).toEqual([]);
    expect((await stranger.request('GET', `${base}/students/${studentId}`)).status).toBe(404);

    // The attestation, for the teacher and the student alike.
    for (const who of [teacher, student]) {
      const pdf = await server.app.inject({
        method: 'GET',
        url: `${base}/agreements/${agreement}/attestation`,
        headers: { cookie: who.cookie },
      });
      expect(pdf.statusCode).toBe(200);
      expect(pdf.headers['content-type']).toBe('application/pdf');
      expect(String(pdf.headers['content-disposition'])).toContain('attestation-pfmp-');
      const text = pdfText(pdf.rawPayload);
      expect(text).toContain('Cabinet Lenoir');
      expect(text).toContain('Du 05/10/2026 au 16/10/2026 : 3 jours effectués sur 10 jours prévus');
      expect(text).toContain('1.2.t2 — Traitement de la livraison et de la facturation');
    }

    // The tutor's assessment, entered by the teacher from the paper form.
    const unknown = await teacher.request('PUT', `${base}/agreements/${agreement}/assessment`, {
      source: 'paper',
      assessedOn: '2026-10-16',
      items: [{ indicatorCode: '9.9.9.i1', level: 3 }],
    });
    expect(unknown.status).toBe(400);
    const badLevel = await teacher.request('PUT', `${base}/agreements/${agreement}/assessment`, {
      source: 'paper',
      assessedOn: '2026-10-16',
      items: [{ indicatorCode: '1.1.1.i1', level: 5 }],
    });
    expect(badLevel.status).toBe(400);
    const assessed = await teacher.request('PUT', `${base}/agreements/${agreement}/assessment`, {
      source: 'paper',
      assessedOn: '2026-10-16',
      comment: 'Très bon stage.',
      items: [
        { indicatorCode: '1.1.1.i1', level: 4, comment: 'Accueil remarquable.' },
        { indicatorCode: '1.2.1.i2', level: 2 },
      ],
    });
    expect(assessed.body.assessment).toMatchObject({
      source: 'paper',
      comment: 'Très bon stage.',
      items: [
        { indicatorCode: '1.1.1.i1', competencyCode: '1.1.1', level: 4 },
        { indicatorCode: '1.2.1.i2', competencyCode: '1.2.1', level: 2 },
      ],
    });
    expect(
      (await student.request('PUT', `${base}/agreements/${agreement}/assessment`, assessed.body.assessment))
        .status,
    ).toBe(403);
  });
});
