import { recordAudit } from '../../kernel/audit/audit.ts';
import type { Db } from '../../kernel/db/index.ts';
import { invalid, notFound } from '../../kernel/errors/domain-error.ts';
import { newId } from '../../kernel/ids.ts';
import { managedClass, managedStudent, type TrainingScope } from '../classes/access.ts';
import { readableStudent, studentDisplayName } from '../classes/student-access.ts';
import { evidenceByCompetency, studentEvidence } from '../evidence/evidence.ts';
import { indicatorCode, type ReferentielDto } from '../referentiel/contract.ts';
import { loadReferentiel } from '../referentiel/referentiel.ts';
import { type IndicatorOutcome, indicatorOutcomes } from '../situations/outcomes.ts';
import type { TrainingAssessmentTable, TrainingStudentTable } from '../tables.ts';
import type {
  ClassSynthesisDto,
  ConfirmLevelInput,
  IndicatorAssessmentDto,
  StudentAssessmentDto,
} from './contract.ts';
import { aggregateLevel, competencyLevel, type Level, proposalBases, proposeLevel } from './proposal.ts';

/** Every indicator of the référentiel's competency blocs, with its code and competency. */
export function referentielIndicators(referentiel: ReferentielDto) {
  return referentiel.blocks.flatMap((block) =>
    block.competencies.flatMap((competency) =>
      competency.indicators.map((title, i) => ({
        code: indicatorCode(competency.code, i),
        title,
        competency: competency.code,
        block: block.code,
      })),
    ),
  );
}

/**
 * The exam units a bloc is assessed in: an épreuve naming its bloc, or a sub-unit whose description names
 * it ("E31 Gestion des relations … (U31, coef 4, bloc B1)").
 */
export function examUnitsByBlock(referentiel: ReferentielDto) {
  const units: { code: string; title: string; block: string }[] = [];
  for (const unit of referentiel.examUnits) {
    if (unit.block) units.push({ code: unit.code, title: unit.title, block: unit.block });
    for (const part of unit.parts) {
      const match = /^(\S+)\s+(.*?)\s*\(([^)]*)\)\s*$/.exec(part);
      const block = match ? /\bbloc\s+(\S+?)[,)]?$/i.exec(match[3]!.trim())?.[1] : undefined;
      if (match && block) units.push({ code: match[1]!, title: match[2]!, block });
    }
  }
  const known = new Set(referentiel.blocks.map((b) => b.code));
  return units.filter((u) => known.has(u.block));
}

type Confirmed = Pick<
  TrainingAssessmentTable,
  'student_id' | 'indicator_code' | 'level' | 'comment' | 'assessed_by' | 'assessed_at'
> & { assessor: string | null };

async function confirmedLevels(db: Db, schoolId: string, studentIds: string[]): Promise<Confirmed[]> {
  if (studentIds.length === 0) return [];
  return db
    .selectFrom('training_assessment as a')
    .leftJoin('app_user as u', 'u.id', 'a.assessed_by')
    .select([
      'a.student_id',
      'a.indicator_code',
      'a.level',
      'a.comment',
      'a.assessed_by',
      'a.assessed_at',
      'u.name as assessor',
    ])
    .where('a.org_id', '=', schoolId)
    .where('a.student_id', 'in', studentIds)
    .execute();
}

/**
 * One student's grids: every indicator's proposal and confirmation, by bloc and by exam unit, from the
 * situations' outcomes given (exported so tests can feed outcomes directly).
 */
export async function buildStudentAssessment(
  db: Db,
  schoolId: string,
  student: TrainingStudentTable,
  referentiel: ReferentielDto,
  outcomes: readonly IndicatorOutcome[],
  confirmed: readonly Confirmed[],
): Promise<StudentAssessmentDto> {
  const indicators = referentielIndicators(referentiel);
  const evidence = evidenceByCompetency(await studentEvidence(db, schoolId, student, referentiel));
  const bases = proposalBases(student.id, indicators, outcomes, evidence);
  const byCode = new Map(
    confirmed.filter((c) => c.student_id === student.id).map((c) => [c.indicator_code, c]),
  );
  const indicatorDto = (code: string, title: string): IndicatorAssessmentDto => {
    const basis = bases.get(code)!;
    const c = byCode.get(code);
    return {
      code,
      title,
      proposed: proposeLevel(basis),
      basis,
      confirmed: c ? (Number(c.level) as Level) : null,
      comment: c?.comment ?? null,
      assessedBy: c ? (c.assessor ?? null) : null,
      assessedAt: c ? new Date(c.assessed_at).toISOString() : null,
    };
  };
  const blocks = referentiel.blocks
    .filter((b) => b.competencies.length > 0)
    .map((block) => {
      const competencies = block.competencies.map((competency) => {
        const list = competency.indicators.map((title, i) =>
          indicatorDto(indicatorCode(competency.code, i), title),
        );
        return {
          code: competency.code,
          title: competency.title,
          level: competencyLevel(
            list.map((i) => ({
              level: i.confirmed ?? i.proposed,
              confirmed: i.confirmed !== null,
              checks: i.basis.passed + i.basis.failed,
            })),
          ),
          indicators: list,
        };
      });
      return {
        code: block.code,
        title: block.title,
        level: aggregateLevel(competencies.map((c) => c.level)),
        competencies,
      };
    });
  const examUnits = examUnitsByBlock(referentiel).map((unit) => {
    const block = blocks.find((b) => b.code === unit.block)!;
    return {
      ...unit,
      level: block.level,
      competencies: block.competencies.map(({ code, title, level }) => ({ code, title, level })),
    };
  });
  return {
    student: { id: student.id, name: studentDisplayName(student), classId: student.class_id },
    referentielId: referentiel.id,
    blocks,
    examUnits,
  };
}

async function classOf(db: Db, schoolId: string, classId: string) {
  const cls = await db
    .selectFrom('training_class')
    .select(['id', 'referentiel_id'])
    .where('org_id', '=', schoolId)
    .where('id', '=', classId)
    .executeTakeFirst();
  if (!cls) throw notFound('Classe');
  return cls;
}

/** A student's assessment grids: the student themselves, their teachers, the owner (else 404). */
export async function studentAssessment(
  db: Db,
  scope: TrainingScope,
  studentId: string,
): Promise<StudentAssessmentDto> {
  const student = await readableStudent(db, scope, studentId);
  const cls = await classOf(db, scope.orgId, student.class_id);
  const referentiel = loadReferentiel(cls.referentiel_id);
  const outcomes = await indicatorOutcomes(db, scope.orgId, cls.id);
  const confirmed = await confirmedLevels(db, scope.orgId, [student.id]);
  return buildStudentAssessment(db, scope.orgId, student, referentiel, outcomes, confirmed);
}

/** The class at a glance: each competency's level for each student (the heat map). Teachers only. */
export async function classSynthesis(
  db: Db,
  scope: TrainingScope,
  classId: string,
): Promise<ClassSynthesisDto> {
  const cls = await managedClass(db, scope, classId);
  const referentiel = loadReferentiel(cls.referentiel_id);
  const students = await db
    .selectFrom('training_student')
    .selectAll()
    .where('org_id', '=', scope.orgId)
    .where('class_id', '=', classId)
    .orderBy('first_name')
    .orderBy('id')
    .execute();
  const outcomes = await indicatorOutcomes(db, scope.orgId, classId);
  const confirmed = await confirmedLevels(
    db,
    scope.orgId,
    students.map((s) => s.id),
  );
  const grids: StudentAssessmentDto[] = [];
  for (const student of students)
    grids.push(await buildStudentAssessment(db, scope.orgId, student, referentiel, outcomes, confirmed));
  const rows = referentiel.blocks.flatMap((block) =>
    block.competencies.map((competency) => ({
      code: competency.code,
      title: competency.title,
      block: block.code,
      levels: grids.map(
        (g) =>
          g.blocks.find((b) => b.code === block.code)?.competencies.find((c) => c.code === competency.code)
            ?.level ?? null,
      ),
    })),
  );
  return {
    classId,
    referentielId: referentiel.id,
    students: students.map((s) => ({ id: s.id, name: studentDisplayName(s) })),
    rows,
  };
}

/**
 * A teacher confirms the proposed level of one indicator, or sets another, with an optional comment. The
 * proposal at that moment is kept beside the decision; who and when are recorded, and audited.
 */
export async function confirmLevel(
  trx: Db,
  scope: TrainingScope,
  studentId: string,
  code: string,
  input: ConfirmLevelInput,
): Promise<IndicatorAssessmentDto> {
  const student = await managedStudent(trx, scope, studentId);
  const cls = await classOf(trx, scope.orgId, student.class_id);
  const referentiel = loadReferentiel(cls.referentiel_id);
  if (!referentielIndicators(referentiel).some((i) => i.code === code))
    throw invalid('Indicateur inconnu du référentiel de la classe.', [
      { field: 'indicatorCode', message: 'Indicateur inconnu du référentiel de la classe.' },
    ]);
  const current = await buildStudentAssessment(
    trx,
    scope.orgId,
    student,
    referentiel,
    await indicatorOutcomes(trx, scope.orgId, cls.id),
    await confirmedLevels(trx, scope.orgId, [student.id]),
  );
  const indicator = current.blocks
    .flatMap((b) => b.competencies.flatMap((c) => c.indicators))
    .find((i) => i.code === code)!;
  const before = await trx
    .selectFrom('training_assessment')
    .selectAll()
    .where('org_id', '=', scope.orgId)
    .where('student_id', '=', student.id)
    .where('indicator_code', '=', code)
    .executeTakeFirst();
  const now = new Date().toISOString();
  const values = {
    level: input.level,
    proposed_level: indicator.proposed,
    comment: input.comment,
    assessed_by: scope.userId,
    assessed_at: now,
  };
  if (before)
    await trx
      .updateTable('training_assessment')
      .set(values)
      .where('org_id', '=', scope.orgId)
      .where('id', '=', before.id)
      .execute();
  else
    await trx
      .insertInto('training_assessment')
      .values({
        org_id: scope.orgId,
        id: newId(),
        student_id: student.id,
        indicator_code: code,
        created_at: now,
        ...values,
      })
      .execute();
  await recordAudit(trx, {
    orgId: scope.orgId,
    actorId: scope.userId,
    action: 'training.assessment.confirmed',
    entity: 'training_student',
    entityId: student.id,
    before: before ? { indicator: code, level: Number(before.level), comment: before.comment } : undefined,
    after: { indicator: code, level: input.level, proposed: indicator.proposed, comment: input.comment },
  });
  const assessor = await trx
    .selectFrom('app_user')
    .select('name')
    .where('id', '=', scope.userId)
    .executeTakeFirst();
  return {
    ...indicator,
    confirmed: input.level as Level,
    comment: input.comment,
    assessedBy: assessor?.name ?? null,
    assessedAt: now,
  };
}
