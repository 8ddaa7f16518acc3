import { recordAudit } from '../../kernel/audit/audit.ts';
import type { Db } from '../../kernel/db/index.ts';
import { readDocument } from '../../kernel/documents/document-store.ts';
import { notFound } from '../../kernel/errors/domain-error.ts';
import type { TrainingScope } from '../classes/access.ts';
import type { TrainingSituationResultTable, TrainingSituationTable } from '../tables.ts';
import type { ClassResultsDto, MySituationDto, ResultDto } from './contract.ts';
import { evaluateRows } from './evaluate.ts';
import { SANDBOX_READERS, type SandboxRow } from './sandbox-rows.ts';
import {
  managedSituation,
  readableSituation,
  storedConditions,
  studentName,
  toSituationDtos,
} from './situation.ts';

const toResultDto = (r: TrainingSituationResultTable): ResultDto => ({
  checkId: r.check_id,
  studentId: r.student_id,
  passed: Number(r.passed) === 1,
  explanation: r.explanation,
  evaluatedAt: String(r.evaluated_at),
});

/**
 * What the student made or changed: the sandbox's rows less those still exactly as in the scenario's
 * starting point (same reference, same values), so starting data never passes a check for an idle
 * student. Compared as a multiset: a copy the student made of a starting row still counts.
 */
export function madeInSandbox(rows: SandboxRow[], start: SandboxRow[]): SandboxRow[] {
  const left = new Map<string, number>();
  for (const row of start) {
    const key = JSON.stringify([row.ref, row.values]);
    left.set(key, (left.get(key) ?? 0) + 1);
  }
  return rows.filter((row) => {
    const key = JSON.stringify([row.ref, row.values]);
    const count = left.get(key) ?? 0;
    if (count === 0) return true;
    left.set(key, count - 1);
    return false;
  });
}

/** The student record of the caller (a student of the school), else 404. */
async function ownStudentIds(db: Db, scope: TrainingScope): Promise<string[]> {
  const rows = await db
    .selectFrom('training_student')
    .select('id')
    .where('org_id', '=', scope.orgId)
    .where('user_id', '=', scope.userId)
    .execute();
  return rows.map((r) => r.id);
}

/**
 * Evaluates every check of a situation for the given students, each in their sandbox of the situation's
 * hand-out, and keeps the latest result per (check, student). The sandboxes are read first; the results
 * are written in one transaction with its audit line.
 */
async function evaluate(
  db: Db,
  scope: TrainingScope,
  situation: TrainingSituationTable,
  studentIds: string[],
): Promise<ResultDto[]> {
  const checks = await db
    .selectFrom('training_situation_check')
    .selectAll()
    .where('org_id', '=', scope.orgId)
    .where('situation_id', '=', situation.id)
    .orderBy('position')
    .execute();
  if (checks.length === 0 || studentIds.length === 0) return [];
  const sandboxes = await db
    .selectFrom('training_sandbox')
    .select(['student_id', 'sandbox_org_id', 'status'])
    .where('org_id', '=', scope.orgId)
    .where('handout_id', '=', situation.handout_id)
    .where('student_id', 'in', studentIds)
    .execute();
  const sandboxOf = new Map(sandboxes.filter((s) => s.status === 'ready').map((s) => [s.student_id, s]));
  const template = await db
    .selectFrom('training_handout as h')
    .innerJoin('training_scenario as sc', (j) =>
      j.onRef('sc.org_id', '=', 'h.org_id').onRef('sc.id', '=', 'h.scenario_id'),
    )
    .select('sc.template_org_id')
    .where('h.org_id', '=', scope.orgId)
    .where('h.id', '=', situation.handout_id)
    .executeTakeFirst();
  // The scenario's starting point, read once per entity for the whole class.
  const startingPoint = new Map<string, Promise<SandboxRow[]>>();
  const startOf = (entity: string) => {
    let rows = startingPoint.get(entity);
    if (!rows) {
      const reader = SANDBOX_READERS[entity];
      rows = template && reader ? reader(db, template.template_org_id) : Promise.resolve([]);
      startingPoint.set(entity, rows);
    }
    return rows;
  };
  const evaluatedAt = new Date().toISOString();
  const rows: TrainingSituationResultTable[] = [];
  for (const studentId of studentIds) {
    const sandbox = sandboxOf.get(studentId);
    // Each entity is read once per sandbox, however many checks look at it.
    const read = new Map<string, Promise<SandboxRow[]>>();
    for (const check of checks) {
      const reader = SANDBOX_READERS[check.entity];
      if (sandbox && reader && !read.has(check.entity))
        read.set(
          check.entity,
          Promise.all([reader(db, sandbox.sandbox_org_id), startOf(check.entity)]).then(([rows, start]) =>
            madeInSandbox(rows, start),
          ),
        );
      const definition = {
        entity: check.entity,
        conditions: storedConditions(check),
        countMode: check.count_mode,
        expectedCount: Number(check.expected_count),
      };
      const result = sandbox
        ? evaluateRows(definition, (await read.get(check.entity)) ?? [])
        : { passed: false, explanation: 'Pas de bac à sable prêt pour cet élève (distribution en cours ?).' };
      rows.push({
        org_id: scope.orgId,
        check_id: check.id,
        student_id: studentId,
        situation_id: situation.id,
        passed: result.passed ? 1 : 0,
        explanation: result.explanation,
        evaluated_at: evaluatedAt,
      });
    }
  }
  await db.transaction().execute(async (trx) => {
    for (const row of rows)
      await trx
        .insertInto('training_situation_result')
        .values(row)
        .onConflict((oc) =>
          oc.columns(['org_id', 'check_id', 'student_id']).doUpdateSet({
            passed: row.passed,
            explanation: row.explanation,
            evaluated_at: row.evaluated_at,
            situation_id: row.situation_id,
          }),
        )
        .execute();
    await recordAudit(trx, {
      orgId: scope.orgId,
      actorId: scope.userId,
      action: 'training.situation.evaluated',
      entity: 'training_situation',
      entityId: situation.id,
      after: {
        students: studentIds.length,
        checks: checks.length,
        passed: rows.filter((r) => r.passed === 1).length,
      },
    });
  });
  return rows.map(toResultDto);
}

/** "Vérifier mes résultats": a student evaluates their own sandbox. */
export async function checkMyResults(
  db: Db,
  scope: TrainingScope,
  situationId: string,
): Promise<MySituationDto> {
  const situation = await readableSituation(db, scope, situationId);
  const mine = await ownStudentIds(db, scope);
  const own = await db
    .selectFrom('training_student')
    .select('id')
    .where('org_id', '=', scope.orgId)
    .where('class_id', '=', situation.class_id)
    .where('id', 'in', mine.length > 0 ? mine : [''])
    .execute();
  if (own.length === 0) throw notFound('Situation');
  await evaluate(
    db,
    scope,
    situation,
    own.map((s) => s.id),
  );
  return mySituation(db, scope, situationId);
}

/** "Actualiser la classe": a teacher evaluates every student's sandbox. */
export async function refreshClassResults(
  db: Db,
  scope: TrainingScope,
  situationId: string,
): Promise<ClassResultsDto> {
  const situation = await managedSituation(db, scope, situationId);
  const students = await db
    .selectFrom('training_student')
    .select('id')
    .where('org_id', '=', scope.orgId)
    .where('class_id', '=', situation.class_id)
    .execute();
  await evaluate(
    db,
    scope,
    situation,
    students.map((s) => s.id),
  );
  return classResults(db, scope, situationId);
}

/** The whole class at a glance: students × checks, from the stored results (no evaluation). */
export async function classResults(
  db: Db,
  scope: TrainingScope,
  situationId: string,
): Promise<ClassResultsDto> {
  const situation = await managedSituation(db, scope, situationId);
  const [dto] = await toSituationDtos(db, [situation]);
  const students = await db
    .selectFrom('training_student')
    .select(['id', 'first_name', 'last_initial'])
    .where('org_id', '=', scope.orgId)
    .where('class_id', '=', situation.class_id)
    .orderBy('first_name')
    .execute();
  const results = (
    await db
      .selectFrom('training_situation_result')
      .selectAll()
      .where('org_id', '=', scope.orgId)
      .where('situation_id', '=', situationId)
      .execute()
  ).map(toResultDto);
  return {
    situation: dto!,
    students: students.map((s) => ({
      id: s.id,
      name: studentName(s),
      passed: results.filter((r) => r.studentId === s.id && r.passed).length,
      failed: results.filter((r) => r.studentId === s.id && !r.passed).length,
    })),
    results,
  };
}

async function toMySituations(
  db: Db,
  scope: TrainingScope,
  situations: TrainingSituationTable[],
): Promise<MySituationDto[]> {
  const studentIds = await ownStudentIds(db, scope);
  if (situations.length === 0 || studentIds.length === 0) return [];
  const dtos = await toSituationDtos(db, situations);
  const [sandboxes, results] = await Promise.all([
    db
      .selectFrom('training_sandbox')
      .select(['handout_id', 'sandbox_org_id'])
      .where('org_id', '=', scope.orgId)
      .where('student_id', 'in', studentIds)
      .execute(),
    db
      .selectFrom('training_situation_result')
      .selectAll()
      .where('org_id', '=', scope.orgId)
      .where('student_id', 'in', studentIds)
      .where(
        'situation_id',
        'in',
        situations.map((s) => s.id),
      )
      .execute(),
  ]);
  return dtos.map((dto) => ({
    ...dto,
    sandboxOrgId: sandboxes.find((s) => s.handout_id === dto.handoutId)?.sandbox_org_id ?? null,
    results: results.filter((r) => r.situation_id === dto.id).map(toResultDto),
  }));
}

/** A student's published situations (every class they belong to), with their latest results. */
export async function mySituations(db: Db, scope: TrainingScope): Promise<MySituationDto[]> {
  const studentIds = await ownStudentIds(db, scope);
  if (studentIds.length === 0) return [];
  const classIds = await db
    .selectFrom('training_student')
    .select('class_id')
    .where('org_id', '=', scope.orgId)
    .where('id', 'in', studentIds)
    .execute();
  const rows = await db
    .selectFrom('training_situation')
    .selectAll()
    .where('org_id', '=', scope.orgId)
    .where(
      'class_id',
      'in',
      classIds.map((c) => c.class_id),
    )
    .where('status', '=', 'published')
    .orderBy('due_date')
    .orderBy('created_at', 'desc')
    .execute();
  return toMySituations(db, scope, rows);
}

export async function mySituation(
  db: Db,
  scope: TrainingScope,
  situationId: string,
): Promise<MySituationDto> {
  const row = await readableSituation(db, scope, situationId);
  const [dto] = await toMySituations(db, scope, [row]);
  if (!dto) throw notFound('Situation');
  return dto;
}

/** An attachment of a situation the caller may read (a published one for a student). */
export async function situationAttachment(
  db: Db,
  documentsDir: string,
  scope: TrainingScope,
  situationId: string,
  documentId: string,
) {
  const situation = await readableSituation(db, scope, situationId);
  const link = await db
    .selectFrom('training_situation_document')
    .select('document_id')
    .where('org_id', '=', scope.orgId)
    .where('situation_id', '=', situation.id)
    .where('document_id', '=', documentId)
    .executeTakeFirst();
  if (!link) throw notFound('Pièce jointe');
  return readDocument(db, documentsDir, scope.orgId, documentId);
}
