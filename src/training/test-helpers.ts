// Builders for the training module's tests and for the copy test's populate step, through the domain
// functions as real work would go.
import type { Db, Dialect } from '../kernel/db/index.ts';
import { recordDocument } from '../kernel/documents/document-store.ts';
import { setMembership } from '../kernel/users/users.ts';
import { confirmLevel } from './assessment/assessment.ts';
import type { TrainingScope } from './classes/access.ts';
import { createClass, createGroup } from './classes/class.ts';
import { classInput, joinInput, studentInput } from './classes/contract.ts';
import { addStudent, joinWithCode } from './classes/students.ts';
import { agreementInput, assessmentInput, hostInput, tutorInput } from './pfmp/contract.ts';
import {
  addTutor,
  createAgreement,
  createHost,
  recordAttendance,
  saveAssessment,
  setActivities,
  updateAgreement,
} from './pfmp/pfmp.ts';
import { createTutorLink } from './pfmp/tutor-link/links.ts';
import { portfolioEntryInput } from './portfolio/contract.ts';
import { addPortfolioEntry } from './portfolio/portfolio.ts';
import { runHandout, startHandout } from './sandboxes/sandbox.ts';
import { scenarioInput } from './scenarios/contract.ts';
import { createScenario } from './scenarios/scenario.ts';
import { situationInput } from './situations/contract.ts';
import { refreshClassResults } from './situations/results.ts';
import { createSituation } from './situations/situation.ts';

let counter = 0;

const NO_DEMOS = {
  trading: { organisation: undefined as never, build: async () => {} },
  association: { organisation: undefined as never, build: async () => {} },
};

/** A school with one class of `students` students (the first `joined` of them with a login). */
export async function trainingClass(
  db: Db,
  schoolId: string,
  teacherId: string,
  options: { students?: number; joined?: number; name?: string } = {},
) {
  const scope: TrainingScope = { orgId: schoolId, userId: teacherId, role: 'teacher' };
  const role = await db
    .selectFrom('membership')
    .select('role')
    .where('org_id', '=', schoolId)
    .where('user_id', '=', teacherId)
    .executeTakeFirst();
  if (!role)
    await db
      .transaction()
      .execute((trx) =>
        setMembership(trx, { orgId: schoolId, userId: teacherId, role: 'teacher', actorId: null }),
      );
  else scope.role = role.role;
  const cls = await db.transaction().execute(async (trx) => {
    const created = await createClass(
      trx,
      scope,
      classInput.parse({
        name: options.name ?? `1re AGOrA ${++counter}`,
        level: 'premiere',
        schoolYear: '2026-2027',
      }),
    );
    return createGroup(trx, scope, created.id, 'Groupe A');
  });
  const students = [];
  const logins = [];
  for (let i = 0; i < (options.students ?? 2); i++) {
    const student = await db
      .transaction()
      .execute((trx) =>
        addStudent(
          trx,
          scope,
          cls.id,
          studentInput.parse({ firstName: `Élève${i + 1}`, lastInitial: 'D', groupId: cls.groups[0]!.id }),
        ),
      );
    students.push(student);
    if (i < (options.joined ?? 0)) {
      const email = `eleve-${Date.now().toString(36)}-${++counter}@agora.test`;
      const password = 'Correct-Horse-42';
      const { userId } = await db
        .transaction()
        .execute((trx) =>
          joinWithCode(trx, joinInput.parse({ code: student.invitationCode, email, password })),
        );
      logins.push({ studentId: student.id, userId, email, password });
    }
  }
  return { scope, cls, students, logins };
}

/** A blank scenario handed to a class: one sandbox per student, made as the HTTP route makes them. */
export async function handOutBlankScenario(
  handle: { db: Db; dialect: Dialect },
  scope: TrainingScope,
  classId: string,
  simulatedStart = '2026-12-01',
  /** Work done in the template before it is handed out (the scenario's starting data). */
  prepare?: (templateOrgId: string) => Promise<void>,
) {
  const scenario = await createScenario(
    handle,
    scope,
    scenarioInput.parse({ title: `Scénario ${++counter}`, source: 'blank', simulatedStart }),
    NO_DEMOS,
  );
  await prepare?.(scenario.templateOrgId);
  const handout = await startHandout(handle.db, scope, classId, scenario.id);
  await runHandout(handle, scope.orgId, handout.id, scope.userId);
  return { scenario, handout };
}

/** Fills every training table of `schoolId` (the copy test's populate step). */
export async function populateTraining(db: Db, dialect: Dialect, schoolId: string, teacherId: string) {
  const { scope, cls, logins } = await trainingClass(db, schoolId, teacherId, { students: 1, joined: 1 });
  const { handout } = await handOutBlankScenario({ db, dialect }, scope, cls.id);
  // A situation with an attachment and a check, evaluated once (a result row).
  const document = await db.transaction().execute((trx) =>
    recordDocument(trx, {
      orgId: schoolId,
      sha256: '0'.repeat(64),
      fileName: 'commande.txt',
      mediaType: 'text/plain',
      size: 1,
      actorId: teacherId,
    }),
  );
  const situation = await db.transaction().execute((trx) =>
    createSituation(
      trx,
      scope,
      cls.id,
      situationInput.parse({
        handoutId: handout.id,
        title: 'Facturer une commande',
        statement: 'Établissez la **facture**.',
        status: 'published',
        attachmentIds: [document.id],
        checks: [
          {
            label: 'Une facture validée',
            entity: 'invoice',
            conditions: [{ field: 'status', operator: 'eq', value: 'validated' }],
            indicators: ['1.2.1.i1'],
          },
        ],
      }),
    ),
  );
  await refreshClassResults(db, scope, situation.id);
  const login = logins[0]!;
  const student: TrainingScope = { orgId: schoolId, userId: login.userId, role: 'student' };
  await db.transaction().execute(async (trx) => {
    await confirmLevel(trx, scope, login.studentId, '1.2.1.i1', { level: 2, comment: 'À revoir' });
    await addPortfolioEntry(
      trx,
      student,
      portfolioEntryInput.parse({
        kind: 'pfmp',
        title: 'Accueil',
        date: '2026-11-02',
        competencies: ['1.1.1'],
      }),
    );
  });
  const agreement = await placement(db, scope, logins[0]!.studentId);
  await db.transaction().execute((trx) => createTutorLink(trx, scope, agreement.id, { expiresInDays: 30 }));
}

/**
 * A signed placement for a student: a host with a tutor, an agreement with one period (5 to 16 October
 * 2026), the first week present but for one justified absence, two tasks ticked, a tutor's assessment.
 */
export async function placement(
  db: Db,
  scope: TrainingScope,
  studentId: string,
  hostName = 'Cabinet Martin',
) {
  return db.transaction().execute(async (trx) => {
    const host = await createHost(
      trx,
      scope,
      hostInput.parse({
        name: hostName,
        address: '3 rue du Port, 56100 Lorient',
        sector: 'Expertise comptable',
      }),
    );
    const withTutor = await addTutor(
      trx,
      scope,
      host.id,
      tutorInput.parse({ name: 'Claire Martin', function: 'Assistante de direction' }),
    );
    const agreement = await createAgreement(
      trx,
      scope,
      studentId,
      agreementInput.parse({
        hostId: host.id,
        tutorId: withTutor.tutors[0]!.id,
        activitiesPlanned: 'Accueil, devis et factures.',
        periods: [{ startsOn: '2026-10-05', endsOn: '2026-10-16' }],
      }),
    );
    await updateAgreement(trx, scope, agreement.id, {
      tutorId: withTutor.tutors[0]!.id,
      referentUserId: scope.userId,
      status: 'signed',
      signedOn: '2026-09-20',
      activitiesPlanned: agreement.activitiesPlanned,
    });
    const week = ['2026-10-05', '2026-10-06', '2026-10-07', '2026-10-08', '2026-10-09'];
    await recordAttendance(
      trx,
      scope,
      agreement.periods[0]!.id,
      { days: week.map((day, i) => ({ day, status: i === 2 ? 'absent_justified' : 'present' })) },
      '2026-11-27',
    );
    await setActivities(trx, scope, agreement.id, ['1.1.t1', '1.2.t2']);
    return saveAssessment(
      trx,
      scope,
      agreement.id,
      assessmentInput.parse({
        source: 'paper',
        assessedOn: '2026-10-16',
        comment: 'Élève sérieuse.',
        items: [{ indicatorCode: '1.1.1.i1', level: 3, comment: 'Bon accueil téléphonique.' }],
      }),
    );
  });
}
