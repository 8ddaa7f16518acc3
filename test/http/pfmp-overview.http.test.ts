import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { setMembership } from '../../src/kernel/users/users.ts';
import { parseCsv } from '../../src/training/classes/csv.ts';
import type { PfmpOverviewDto } from '../../src/training/pfmp/contract.ts';
import { trainingClass } from '../../src/training/test-helpers.ts';
import { buildOrganisation, buildUser, TEST_PASSWORD } from '../support/factories.ts';
import { type Client, loginAs, startTestServer, type TestServer } from '../support/http.ts';
import { pfmpClass } from '../support/pfmp-class.ts';
import { DIALECTS } from '../support/test-db.ts';

// The class PFMP overview over HTTP: the JSON, and the CSV that must say the same figures (read back
// here as a spreadsheet would: BOM, semicolons, decimal commas). Every period of the class has ended, so
// the figures do not depend on the day the test runs.

const number = (text: string) => Number(text.replace(',', '.'));

describe.each(DIALECTS)('the class PFMP overview over HTTP on %s', (dialect) => {
  let server: TestServer;
  let owner: Client;
  let teacher: Client;
  let otherTeacher: Client;
  let student: Client;
  let stranger: Client;
  let base: string;
  let classId: string;
  let foreignClassId: string;
  beforeAll(async () => {
    server = await startTestServer(dialect);
    const db = server.store.db;
    const admin = await buildUser(db);
    const school = (await buildOrganisation(db, admin.id, { name: 'Lycée Colbert' })).id;
    base = `/api/v1/orgs/${school}/training/pfmp/classes`;
    const [t1, t2] = [await buildUser(db), await buildUser(db)];
    await db
      .transaction()
      .execute((trx) =>
        setMembership(trx, { orgId: school, userId: t2!.id, role: 'teacher', actorId: null }),
      );
    const built = await pfmpClass(db, school, t1!.id, { joined: 1, name: '1re AGOrA « B »' });
    classId = built.cls.id;
    owner = await loginAs(server.app, admin.email, TEST_PASSWORD);
    teacher = await loginAs(server.app, t1!.email, TEST_PASSWORD);
    otherTeacher = await loginAs(server.app, t2!.email, TEST_PASSWORD);
    student = await loginAs(server.app, built.logins[0]!.email, built.logins[0]!.password);
    const outsider = await buildUser(db);
    const otherSchool = (await buildOrganisation(db, outsider.id, { name: 'Autre lycée' })).id;
    foreignClassId = (await trainingClass(db, otherSchool, outsider.id, { students: 1 })).cls.id;
    stranger = await loginAs(server.app, outsider.email, TEST_PASSWORD);
  }, 120_000);
  afterAll(async () => {
    await server?.close();
  });

  it('answers the rows in JSON, and the same rows in CSV', async () => {
    const json = await teacher.request('GET', `${base}/${classId}`);
    expect(json.status).toBe(200);
    const overview = json.body as PfmpOverviewDto;
    expect(overview.totals).toEqual({ students: 5, withIssues: 4, averageWeeksDone: 13.7 });
    expect(overview.rows.map((r) => [r.student.name, r.issues])).toEqual([
      ['Élève1 D.', []],
      ['Élève2 D.', ['below-pace']],
      ['Élève3 D.', ['attendance-missing']],
      ['Élève4 D.', ['unsigned-agreement']],
      ['Élève5 D.', ['assessment-missing']],
    ]);

    const csv = await teacher.request('GET', `${base}/${classId}/export?format=csv`);
    expect(csv.status).toBe(200);
    expect(csv.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(String(csv.headers['content-disposition'])).toMatch(
      /^attachment; filename\*=UTF-8''pfmp-1re-AGOrA-B-\d{4}-\d{2}-\d{2}\.csv$/,
    );
    expect(csv.raw.startsWith('\uFEFF')).toBe(true);
    expect(csv.raw).toContain('\r\n');
    const [header, ...lines] = parseCsv(csv.raw);
    expect(header).toEqual([
      'Élève',
      'Semaines effectuées',
      'Semaines prévues',
      'Semaines au rythme actuel',
      'Semaines exigées',
      'Période',
      'Organisation d’accueil',
      'Début',
      'Fin',
      'Périodes sans convention signée',
      'Périodes commencées avant la signature',
      'Jours de présence non saisis',
      'Évaluations du tuteur attendues',
      'Évaluations du tuteur saisies',
      'Allocation 2026-2027 (€)',
      'À traiter',
    ]);
    expect(lines).toHaveLength(overview.rows.length);
    // Élève3: 67 days done, written with a decimal comma; 37 days × 15 € with a comma too.
    expect(lines[2]!.slice(0, 5)).toEqual(['Élève3 D.', '13,4', '14,0', '14,0', '20']);
    expect(lines[2]![14]).toBe('555,00');
    lines.forEach((cells, i) => {
      const row = overview.rows[i]!;
      expect(cells[0]).toBe(row.student.name);
      expect(number(cells[1]!)).toBe(row.weeks.done);
      expect(number(cells[2]!)).toBe(row.weeks.planned);
      expect(number(cells[3]!)).toBe(row.weeks.projected);
      expect(number(cells[4]!)).toBe(overview.requiredWeeks);
      expect(cells[6]).toBe(row.period?.hostName ?? '');
      expect(number(cells[9]!)).toBe(row.agreements.unsignedPeriods);
      expect(number(cells[10]!)).toBe(row.agreements.signedLatePeriods);
      expect(number(cells[11]!)).toBe(row.attendanceMissingDays);
      expect(number(cells[12]!)).toBe(row.assessments.due);
      expect(number(cells[13]!)).toBe(row.assessments.done);
      expect(Math.round(number(cells[14]!) * 100)).toBe(row.allowanceCents);
      expect(cells[15] === '').toBe(row.issues.length === 0);
    });
    expect(lines[3]![15]).toBe('Convention non signée');

    // « À traiter »: the same four students in both.
    const toDo = await owner.request('GET', `${base}/${classId}?filter=issues`);
    expect(toDo.body.rows.map((r: { student: { name: string } }) => r.student.name)).toEqual([
      'Élève2 D.',
      'Élève3 D.',
      'Élève4 D.',
      'Élève5 D.',
    ]);
    expect(toDo.body.totals).toEqual(overview.totals);
    const toDoCsv = await owner.request('GET', `${base}/${classId}/export?filter=issues`);
    expect(
      parseCsv(toDoCsv.raw)
        .slice(1)
        .map((cells) => cells[0]),
    ).toEqual(toDo.body.rows.map((r: { student: { name: string } }) => r.student.name));

    const bad = await teacher.request('GET', `${base}/${classId}?filter=tout`);
    expect(bad.status).toBe(400);
    expect(JSON.stringify(bad.body)).toContain('Filtre inconnu (all ou issues).');
  });

  it('is refused to the class’s students (403), other teachers, strangers and other schools’ classes (404)', async () => {
    for (const path of [`${base}/${classId}`, `${base}/${classId}/export`]) {
      expect((await student.request('GET', path)).status).toBe(403);
      expect((await otherTeacher.request('GET', path)).status).toBe(404);
      expect((await stranger.request('GET', path)).status).toBe(404);
    }
    expect((await owner.request('GET', `${base}/${foreignClassId}`)).status).toBe(404);
    expect((await teacher.request('GET', `${base}/${foreignClassId}/export`)).status).toBe(404);
  });
});
