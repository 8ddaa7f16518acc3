import type { KyselyPlugin } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildOrganisation, buildUser } from '../../../test/support/factories.ts';
import { PFMP_CLASS, type PlacementSpec, pfmpClass, RECORDED_ON } from '../../../test/support/pfmp-class.ts';
import { createTestStore, DIALECTS, type TestStore } from '../../../test/support/test-db.ts';
import { setMembership } from '../../kernel/users/users.ts';
import type { TrainingScope } from '../classes/access.ts';
import { trainingClass } from '../test-helpers.ts';
import { classPfmpOverview } from './overview.ts';
import { studentPfmp } from './pfmp.ts';

const TODAY = RECORDED_ON;

// The five situations of PFMP_CLASS, and a sixth: première signed two days after its start (shown, not
// flagged, since nothing is left to do) and a period under way today.
const SIXTH: PlacementSpec[] = [
  PFMP_CLASS[0]![0]!,
  { ...PFMP_CLASS[0]![1]!, signedOn: '2026-09-16' },
  { host: 'Garage Le Goff', startsOn: '2026-11-23', endsOn: '2026-12-04', signedOn: '2026-11-01' },
];

/** Counts the statements Kysely sends, to prove the overview does not query once per student. */
function counting(db: TestStore['db']) {
  const seen = { queries: 0 };
  const plugin: KyselyPlugin = {
    transformQuery: (args) => {
      seen.queries++;
      return args.node;
    },
    transformResult: async (args) => args.result,
  };
  return { db: db.withPlugin(plugin), seen };
}

describe.each(DIALECTS)('the class PFMP overview on %s', (dialect) => {
  let store: TestStore;
  let schoolId: string;
  let teacher: TrainingScope;
  let owner: TrainingScope;
  let classId: string;
  beforeAll(async () => {
    store = await createTestStore(dialect);
    const admin = await buildUser(store.db);
    schoolId = (await buildOrganisation(store.db, admin.id, { name: 'Lycée Dupuy de Lôme' })).id;
    owner = { orgId: schoolId, userId: admin.id, role: 'owner' };
    const teacherId = (await buildUser(store.db)).id;
    const built = await pfmpClass(store.db, schoolId, teacherId, { specs: [...PFMP_CLASS, SIXTH] });
    teacher = built.scope;
    classId = built.cls.id;
  }, 120_000);
  afterAll(async () => {
    await store?.drop();
  });

  it('gives each student their figures and flags exactly what is to be done', async () => {
    const overview = await classPfmpOverview(store.db, teacher, classId, { today: TODAY });
    expect(overview).toMatchObject({
      class: { id: classId, level: 'premiere', schoolYear: '2026-2027' },
      today: TODAY,
      requiredWeeks: 20,
      weeksDueByYearEnd: 13.3,
      filter: 'all',
      // 70 + 65 + 67 + 70 + 70 + 74 days done, over 6 students: 69.3 days, 13.9 weeks.
      totals: { students: 6, withIssues: 4, averageWeeksDone: 13.9 },
    });
    const rows = Object.fromEntries(overview.rows.map((r) => [r.student.name, r]));
    expect(overview.rows.map((r) => r.student.name)).toEqual([
      'Élève1 D.',
      'Élève2 D.',
      'Élève3 D.',
      'Élève4 D.',
      'Élève5 D.',
      'Élève6 D.',
    ]);
    const complete = {
      weeks: { done: 14, planned: 14, projected: 14, daysDone: 70, plannedDays: 70 },
      period: null,
      agreements: { unsignedPeriods: 0, signedLatePeriods: 0 },
      attendanceMissingDays: 0,
      assessments: { due: 2, done: 2 },
      // 40 days × 15 € in première = 600 €, the yearly cap; the seconde's 300 € belong to 2025-2026.
      allowanceCents: 60000,
      issues: [],
    };
    expect(rows['Élève1 D.']).toMatchObject(complete);
    // Five days absent: 65 days at the current pace, below the 66.7 due by the end of première, although
    // 14 weeks are planned.
    expect(rows['Élève2 D.']).toMatchObject({
      ...complete,
      weeks: { done: 13, planned: 14, projected: 13, daysDone: 65, plannedDays: 70 },
      allowanceCents: 52500,
      issues: ['below-pace'],
    });
    // Three days left blank: not deducted from the pace, flagged as attendance missing.
    expect(rows['Élève3 D.']).toMatchObject({
      ...complete,
      weeks: { done: 13.4, planned: 14, projected: 14, daysDone: 67, plannedDays: 70 },
      attendanceMissingDays: 3,
      allowanceCents: 55500,
      issues: ['attendance-missing'],
    });
    // Sent, never signed: flagged, and no allowance is owed without a signed agreement.
    expect(rows['Élève4 D.']).toMatchObject({
      ...complete,
      agreements: { unsignedPeriods: 1, signedLatePeriods: 0 },
      allowanceCents: 0,
      issues: ['unsigned-agreement'],
    });
    expect(rows['Élève5 D.']).toMatchObject({
      ...complete,
      assessments: { due: 2, done: 1 },
      issues: ['assessment-missing'],
    });
    expect(rows['Élève6 D.']).toMatchObject({
      weeks: { done: 14.8, planned: 16, projected: 16, daysDone: 74, plannedDays: 80 },
      period: { kind: 'current', hostName: 'Garage Le Goff', startsOn: '2026-11-23', endsOn: '2026-12-04' },
      agreements: { unsignedPeriods: 0, signedLatePeriods: 1 },
      attendanceMissingDays: 0,
      assessments: { due: 2, done: 2 },
      allowanceCents: 60000,
      issues: [],
    });

    // The same figures as each student's own PFMP page.
    for (const row of overview.rows) {
      const own = await studentPfmp(store.db, teacher, row.student.id, TODAY);
      expect(row.weeks).toMatchObject({ done: own.weeks.done, planned: own.weeks.planned });
      expect(row.allowanceCents).toBe(
        own.allowance.years.filter((y) => y.schoolYear === '2026-2027').reduce((s, y) => s + y.owedCents, 0),
      );
    }

    const toDo = await classPfmpOverview(store.db, owner, classId, { today: TODAY, filter: 'issues' });
    expect(toDo.rows.map((r) => r.student.name)).toEqual([
      'Élève2 D.',
      'Élève3 D.',
      'Élève4 D.',
      'Élève5 D.',
    ]);
    expect(toDo.totals).toEqual(overview.totals);
  });

  it('answers in a fixed number of queries, whatever the size of the class', async () => {
    const asTeacher = counting(store.db);
    await classPfmpOverview(asTeacher.db, teacher, classId, { today: TODAY });
    // The caller's classes, the class, its year, students, agreements, periods, attendance.
    expect(asTeacher.seen.queries).toBe(7);
    const asOwner = counting(store.db);
    await classPfmpOverview(asOwner.db, owner, classId, { today: TODAY });
    expect(asOwner.seen.queries).toBe(6);
  });

  it('is for the class’s teachers and the owner: anyone else, and another school’s class, get 404', async () => {
    const notFound = { kind: 'not-found', message: 'Classe introuvable.' };
    // A teacher of the school who does not teach this class.
    const otherId = (await buildUser(store.db)).id;
    await store.db
      .transaction()
      .execute((trx) =>
        setMembership(trx, { orgId: schoolId, userId: otherId, role: 'teacher', actorId: null }),
      );
    const other: TrainingScope = { orgId: schoolId, userId: otherId, role: 'teacher' };
    await expect(classPfmpOverview(store.db, other, classId)).rejects.toMatchObject(notFound);
    // A student of the class (with a login).
    const joined = await trainingClass(store.db, schoolId, teacher.userId, { students: 1, joined: 1 });
    const student: TrainingScope = { orgId: schoolId, userId: joined.logins[0]!.userId, role: 'student' };
    await expect(classPfmpOverview(store.db, student, joined.cls.id)).rejects.toMatchObject(notFound);
    // Another school's class, asked from this school (and this class, asked from the other).
    const otherAdmin = await buildUser(store.db);
    const otherSchool = (await buildOrganisation(store.db, otherAdmin.id, { name: 'Lycée Colbert' })).id;
    const theirs = await trainingClass(store.db, otherSchool, otherAdmin.id, { students: 1 });
    await expect(classPfmpOverview(store.db, owner, theirs.cls.id)).rejects.toMatchObject(notFound);
    await expect(classPfmpOverview(store.db, theirs.scope, classId)).rejects.toMatchObject(notFound);
  });
});
