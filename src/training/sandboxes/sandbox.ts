import { recordAudit } from '../../kernel/audit/audit.ts';
import { copyOrganisation, deleteOrganisation } from '../../kernel/copy/copy-organisation.ts';
import { discoverOrgTables, type OrgTable } from '../../kernel/copy/org-tables.ts';
import type { Db, Dialect } from '../../kernel/db/index.ts';

/** The database and its dialect: a Store, or a test's handle on one. */
type DbHandle = { db: Db; dialect: Dialect };

import { notFound, ruleBroken } from '../../kernel/errors/domain-error.ts';
import { newId } from '../../kernel/ids.ts';
import { setTrainingState } from '../../kernel/organisations/organisation.ts';
import type { Role } from '../../kernel/roles/permissions.ts';
import { managedClass, type TrainingScope } from '../classes/access.ts';
import { studentDisplayName as studentName } from '../classes/student-access.ts';
import type { HandoutDto, MyTrainingDto, SandboxDto } from '../scenarios/contract.ts';
import { getScenario } from '../scenarios/scenario.ts';
import type { TrainingHandoutTable } from '../tables.ts';
import { copyTransaction } from './copy-transaction.ts';

function toHandoutDto(row: TrainingHandoutTable): HandoutDto {
  return {
    id: row.id,
    classId: row.class_id,
    scenarioId: row.scenario_id,
    status: row.status,
    total: Number(row.total),
    done: Number(row.done),
    error: row.error,
  };
}

/**
 * Who works in a sandbox: the student (role student) once they have joined, and the class's teachers
 * (role teacher). The template's own members (its author) are not carried over.
 */
async function setSandboxMembers(
  trx: Db,
  schoolId: string,
  sandboxOrgId: string,
  classId: string,
  userId: string | null,
) {
  await trx.deleteFrom('membership').where('org_id', '=', sandboxOrgId).execute();
  const teachers = await trx
    .selectFrom('training_class_teacher')
    .select('user_id')
    .where('org_id', '=', schoolId)
    .where('class_id', '=', classId)
    .execute();
  const now = new Date().toISOString();
  const rows = teachers.map((t) => ({
    org_id: sandboxOrgId,
    user_id: t.user_id,
    role: 'teacher' as Role,
    created_at: now,
  }));
  if (userId) rows.push({ org_id: sandboxOrgId, user_id: userId, role: 'student' as Role, created_at: now });
  if (rows.length > 0) await trx.insertInto('membership').values(rows).execute();
}

/** Starts handing a scenario to a class: the job row first (its progress is what the web shows). */
export async function startHandout(
  db: Db,
  scope: TrainingScope,
  classId: string,
  scenarioId: string,
): Promise<HandoutDto> {
  await managedClass(db, scope, classId);
  await getScenario(db, scope.orgId, scenarioId);
  const students = await db
    .selectFrom('training_student')
    .select('id')
    .where('org_id', '=', scope.orgId)
    .where('class_id', '=', classId)
    .execute();
  if (students.length === 0) throw ruleBroken('La classe n’a encore aucun élève.');
  const row: TrainingHandoutTable = {
    org_id: scope.orgId,
    id: newId(),
    class_id: classId,
    scenario_id: scenarioId,
    status: 'running',
    total: students.length,
    done: 0,
    error: null,
    created_by: scope.userId,
    created_at: new Date().toISOString(),
    finished_at: null,
  };
  await db.transaction().execute(async (trx) => {
    await trx.insertInto('training_handout').values(row).execute();
    await recordAudit(trx, {
      orgId: scope.orgId,
      actorId: scope.userId,
      action: 'training.handout.started',
      entity: 'training_handout',
      entityId: row.id,
      after: { classId, scenarioId, students: students.length },
    });
  });
  return toHandoutDto(row);
}

/**
 * Makes one private copy of the scenario's template per student, one short transaction each (SQLite
 * writers wait for each other; the progress row moves after every copy). The schema is read once.
 */
export async function runHandout(
  store: DbHandle,
  schoolId: string,
  handoutId: string,
  actorId: string | null,
) {
  const handout = await store.db
    .selectFrom('training_handout')
    .selectAll()
    .where('org_id', '=', schoolId)
    .where('id', '=', handoutId)
    .executeTakeFirstOrThrow();
  try {
    const scenario = await getScenario(store.db, schoolId, handout.scenario_id);
    const students = await store.db
      .selectFrom('training_student')
      .selectAll()
      .where('org_id', '=', schoolId)
      .where('class_id', '=', handout.class_id)
      .orderBy('first_name')
      .orderBy('id')
      .execute();
    const tables = await discoverOrgTables(store.db, store.dialect);
    const copyFor = async (student: (typeof students)[number]) => {
      await copyTransaction(store, async (trx) => {
        const { orgId } = await copyOrganisation(trx, store.dialect, {
          sourceOrgId: scenario.template_org_id,
          name: `${scenario.title} — ${studentName(student)}`,
          actorId,
          tables,
        });
        await setSandboxMembers(trx, schoolId, orgId, handout.class_id, student.user_id);
        const now = new Date().toISOString();
        await trx
          .insertInto('training_sandbox')
          .values({
            org_id: schoolId,
            id: newId(),
            handout_id: handout.id,
            student_id: student.id,
            sandbox_org_id: orgId,
            status: 'ready',
            reset_count: 0,
            created_at: now,
            ready_at: now,
          })
          .execute();
        await trx
          .updateTable('training_handout')
          .set((eb) => ({ done: eb('done', '+', 1) }))
          .where('org_id', '=', schoolId)
          .where('id', '=', handout.id)
          .execute();
      });
    };
    // PostgreSQL copies on two connections at once (its foreign-key checks are per row and CPU-bound);
    // SQLite has one writer, so its copies go one after the other.
    const lanes = store.dialect === 'postgres' ? 2 : 1;
    let next = 0;
    await Promise.all(
      Array.from({ length: lanes }, async () => {
        while (next < students.length) await copyFor(students[next++]!);
      }),
    );
    await store.db
      .updateTable('training_handout')
      .set({ status: 'done', finished_at: new Date().toISOString() })
      .where('org_id', '=', schoolId)
      .where('id', '=', handout.id)
      .execute();
  } catch (error) {
    await store.db
      .updateTable('training_handout')
      .set({
        status: 'failed',
        error: 'La copie a échoué ; relancez la distribution.',
        finished_at: new Date().toISOString(),
      })
      .where('org_id', '=', schoolId)
      .where('id', '=', handout.id)
      .execute();
    throw error;
  }
}

export async function getHandout(db: Db, scope: TrainingScope, handoutId: string): Promise<HandoutDto> {
  const row = await db
    .selectFrom('training_handout')
    .selectAll()
    .where('org_id', '=', scope.orgId)
    .where('id', '=', handoutId)
    .executeTakeFirst();
  if (!row) throw notFound('Distribution');
  await managedClass(db, scope, row.class_id).catch(() => {
    throw notFound('Distribution');
  });
  return toHandoutDto(row);
}

function sandboxQuery(db: Db, schoolId: string) {
  return db
    .selectFrom('training_sandbox as sb')
    .innerJoin('training_handout as h', (j) =>
      j.onRef('h.org_id', '=', 'sb.org_id').onRef('h.id', '=', 'sb.handout_id'),
    )
    .innerJoin('training_scenario as sc', (j) =>
      j.onRef('sc.org_id', '=', 'h.org_id').onRef('sc.id', '=', 'h.scenario_id'),
    )
    .innerJoin('training_student as st', (j) =>
      j.onRef('st.org_id', '=', 'sb.org_id').onRef('st.id', '=', 'sb.student_id'),
    )
    .leftJoin('organisation as o', 'o.org_id', 'sb.sandbox_org_id')
    .select([
      'sb.id',
      'sb.handout_id',
      'h.scenario_id',
      'h.class_id',
      'sc.title',
      'sb.student_id',
      'st.first_name',
      'st.last_initial',
      'st.user_id',
      'sb.sandbox_org_id',
      'sb.status',
      'sb.reset_count',
      'o.simulated_today',
    ])
    .where('sb.org_id', '=', schoolId)
    .orderBy('sb.created_at', 'desc')
    .orderBy('st.first_name');
}

type SandboxRow = Awaited<ReturnType<ReturnType<typeof sandboxQuery>['execute']>>[number];

function toSandboxDto(r: SandboxRow): SandboxDto {
  return {
    id: r.id,
    handoutId: r.handout_id,
    scenarioId: r.scenario_id,
    scenarioTitle: r.title,
    studentId: r.student_id,
    studentName: studentName(r),
    sandboxOrgId: r.sandbox_org_id,
    status: r.status,
    simulatedToday: r.simulated_today ?? null,
    resetCount: Number(r.reset_count),
  };
}

export async function listClassSandboxes(
  db: Db,
  scope: TrainingScope,
  classId: string,
): Promise<SandboxDto[]> {
  await managedClass(db, scope, classId);
  return (await sandboxQuery(db, scope.orgId).where('h.class_id', '=', classId).execute()).map(toSandboxDto);
}

/** The caller's own view: a student's class and sandboxes; a teacher's classes (no sandbox of their own). */
export async function myTraining(db: Db, scope: TrainingScope): Promise<MyTrainingDto> {
  const classes = await db
    .selectFrom('training_class as c')
    .innerJoin('training_school_year as y', (j) =>
      j.onRef('y.org_id', '=', 'c.org_id').onRef('y.id', '=', 'c.school_year_id'),
    )
    .select(['c.id', 'c.name', 'y.label as schoolYear'])
    .where('c.org_id', '=', scope.orgId)
    .where((eb) =>
      eb.or([
        eb(
          'c.id',
          'in',
          eb
            .selectFrom('training_student')
            .select('class_id')
            .where('org_id', '=', scope.orgId)
            .where('user_id', '=', scope.userId),
        ),
        eb(
          'c.id',
          'in',
          eb
            .selectFrom('training_class_teacher')
            .select('class_id')
            .where('org_id', '=', scope.orgId)
            .where('user_id', '=', scope.userId),
        ),
      ]),
    )
    .orderBy('c.name')
    .execute();
  const sandboxes = await sandboxQuery(db, scope.orgId).where('st.user_id', '=', scope.userId).execute();
  return { classes, sandboxes: sandboxes.map(toSandboxDto) };
}

/** A sandbox the caller may act on: the class's teachers, the school's owner, or its own student. */
async function actionableSandbox(db: Db, scope: TrainingScope, sandboxId: string, teacherOnly: boolean) {
  const row = await sandboxQuery(db, scope.orgId).where('sb.id', '=', sandboxId).executeTakeFirst();
  if (!row) throw notFound('Bac à sable');
  const own = scope.role === 'student' && row.user_id === scope.userId;
  if (own && !teacherOnly) return row;
  await managedClass(db, scope, row.class_id).catch(() => {
    throw notFound('Bac à sable');
  });
  return row;
}

/**
 * Back to the starting point: the sandbox organisation is deleted and copied again from the template
 * under the same id, so links and bookmarks keep working. One transaction: a failure leaves it as it was.
 */
export async function resetSandbox(
  store: DbHandle,
  scope: TrainingScope,
  sandboxId: string,
  tables?: OrgTable[],
) {
  const row = await actionableSandbox(store.db, scope, sandboxId, false);
  const scenario = await getScenario(store.db, scope.orgId, row.scenario_id);
  const known = tables ?? (await discoverOrgTables(store.db, store.dialect));
  await copyTransaction(store, async (trx) => {
    const name = (
      await trx
        .selectFrom('organisation')
        .select('name')
        .where('org_id', '=', row.sandbox_org_id)
        .executeTakeFirst()
    )?.name;
    await deleteOrganisation(trx, store.dialect, row.sandbox_org_id, known);
    await copyOrganisation(trx, store.dialect, {
      sourceOrgId: scenario.template_org_id,
      targetOrgId: row.sandbox_org_id,
      name: name ?? `${scenario.title} — ${studentName(row)}`,
      actorId: scope.userId,
      tables: known,
    });
    await setSandboxMembers(trx, scope.orgId, row.sandbox_org_id, row.class_id, row.user_id);
    await trx
      .updateTable('training_sandbox')
      .set((eb) => ({ reset_count: eb('reset_count', '+', 1), ready_at: new Date().toISOString() }))
      .where('org_id', '=', scope.orgId)
      .where('id', '=', sandboxId)
      .execute();
    await recordAudit(trx, {
      orgId: scope.orgId,
      actorId: scope.userId,
      action: 'training.sandbox.reset',
      entity: 'training_sandbox',
      entityId: sandboxId,
    });
  });
  return toSandboxDto(
    await sandboxQuery(store.db, scope.orgId).where('sb.id', '=', sandboxId).executeTakeFirstOrThrow(),
  );
}

/** Moves a sandbox's simulated "today" (the teacher makes time pass in the scenario). */
export async function setSandboxDate(
  trx: Db,
  scope: TrainingScope,
  sandboxId: string,
  simulatedToday: string,
) {
  const row = await actionableSandbox(trx, scope, sandboxId, true);
  await setTrainingState(trx, row.sandbox_org_id, { simulatedToday }, scope.userId);
  await recordAudit(trx, {
    orgId: scope.orgId,
    actorId: scope.userId,
    action: 'training.sandbox.date_set',
    entity: 'training_sandbox',
    entityId: sandboxId,
    after: { simulatedToday },
  });
  return toSandboxDto(
    await sandboxQuery(trx, scope.orgId).where('sb.id', '=', sandboxId).executeTakeFirstOrThrow(),
  );
}
