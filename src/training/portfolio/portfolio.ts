import { recordAudit } from '../../kernel/audit/audit.ts';
import type { Db } from '../../kernel/db/index.ts';
import { invalid, notFound } from '../../kernel/errors/domain-error.ts';
import { newId } from '../../kernel/ids.ts';
import type { TrainingScope } from '../classes/access.ts';
import { ownStudent, readableStudent, studentDisplayName } from '../classes/student-access.ts';
import { studentEvidence } from '../evidence/evidence.ts';
import { loadReferentiel } from '../referentiel/referentiel.ts';
import type { TrainingPortfolioEntryTable, TrainingStudentTable } from '../tables.ts';
import type { PortfolioDto, PortfolioEntryDto, PortfolioEntryInput } from './contract.ts';

function toEntryDto(row: TrainingPortfolioEntryTable): PortfolioEntryDto {
  return {
    id: row.id,
    kind: row.kind,
    title: row.title,
    body: row.body,
    date: String(row.entry_date).slice(0, 10),
    competencies: JSON.parse(row.competencies) as string[],
    updatedAt: new Date(row.updated_at).toISOString(),
  };
}

async function classRow(db: Db, schoolId: string, classId: string) {
  return db
    .selectFrom('training_class')
    .select(['id', 'name', 'referentiel_id'])
    .where('org_id', '=', schoolId)
    .where('id', '=', classId)
    .executeTakeFirstOrThrow();
}

async function buildPortfolio(
  db: Db,
  schoolId: string,
  student: TrainingStudentTable,
): Promise<PortfolioDto> {
  const cls = await classRow(db, schoolId, student.class_id);
  const referentiel = loadReferentiel(cls.referentiel_id);
  const evidence = await studentEvidence(db, schoolId, student, referentiel);
  const entries = (
    await db
      .selectFrom('training_portfolio_entry')
      .selectAll()
      .where('org_id', '=', schoolId)
      .where('student_id', '=', student.id)
      .orderBy('entry_date')
      .orderBy('created_at')
      .execute()
  ).map(toEntryDto);
  const competencies = referentiel.blocks
    .flatMap((b) => b.competencies)
    .map((c) => ({
      code: c.code,
      title: c.title,
      evidence: evidence.filter((e) => e.competencies.includes(c.code)).length,
      entries: entries.filter((e) => e.competencies.includes(c.code)).length,
    }))
    .filter((c) => c.evidence + c.entries > 0);
  return {
    student: { id: student.id, name: studentDisplayName(student), className: cls.name },
    referentielId: referentiel.id,
    evidence,
    entries,
    competencies,
  };
}

/** A student's portfolio: the student, their class's teachers, the owner; anyone else gets a 404. */
export async function studentPortfolio(db: Db, scope: TrainingScope, studentId: string) {
  return buildPortfolio(db, scope.orgId, await readableStudent(db, scope, studentId));
}

/** The caller's own portfolio (a student). */
export async function myPortfolio(db: Db, scope: TrainingScope) {
  return buildPortfolio(db, scope.orgId, await ownStudent(db, scope));
}

async function checkCompetencies(db: Db, schoolId: string, student: TrainingStudentTable, codes: string[]) {
  const cls = await classRow(db, schoolId, student.class_id);
  const known = new Set(
    loadReferentiel(cls.referentiel_id).blocks.flatMap((b) => b.competencies.map((c) => c.code)),
  );
  const unknown = codes.filter((c) => !known.has(c));
  if (unknown.length > 0)
    throw invalid('Compétence inconnue du référentiel de la classe.', [
      { field: 'competencies', message: `Compétence inconnue : ${unknown.join(', ')}.` },
    ]);
  return [...new Set(codes)].sort();
}

/** A student writes an entry of their own portfolio (PFMP work, a reflection…). */
export async function addPortfolioEntry(
  trx: Db,
  scope: TrainingScope,
  input: PortfolioEntryInput,
): Promise<PortfolioEntryDto> {
  const student = await ownStudent(trx, scope);
  const competencies = await checkCompetencies(trx, scope.orgId, student, input.competencies);
  const now = new Date().toISOString();
  const row: TrainingPortfolioEntryTable = {
    org_id: scope.orgId,
    id: newId(),
    student_id: student.id,
    kind: input.kind,
    title: input.title,
    body: input.body,
    entry_date: input.date,
    competencies: JSON.stringify(competencies),
    created_at: now,
    updated_at: now,
  };
  await trx.insertInto('training_portfolio_entry').values(row).execute();
  await recordAudit(trx, {
    orgId: scope.orgId,
    actorId: scope.userId,
    action: 'training.portfolio.entry_added',
    entity: 'training_portfolio_entry',
    entityId: row.id,
    after: { kind: row.kind, title: row.title, date: row.entry_date, competencies },
  });
  return toEntryDto(row);
}

async function ownEntry(trx: Db, scope: TrainingScope, entryId: string) {
  const student = await ownStudent(trx, scope);
  const row = await trx
    .selectFrom('training_portfolio_entry')
    .selectAll()
    .where('org_id', '=', scope.orgId)
    .where('id', '=', entryId)
    .where('student_id', '=', student.id)
    .executeTakeFirst();
  if (!row) throw notFound('Entrée du portfolio');
  return { student, row };
}

export async function updatePortfolioEntry(
  trx: Db,
  scope: TrainingScope,
  entryId: string,
  input: PortfolioEntryInput,
): Promise<PortfolioEntryDto> {
  const { student, row } = await ownEntry(trx, scope, entryId);
  const competencies = await checkCompetencies(trx, scope.orgId, student, input.competencies);
  const next: TrainingPortfolioEntryTable = {
    ...row,
    kind: input.kind,
    title: input.title,
    body: input.body,
    entry_date: input.date,
    competencies: JSON.stringify(competencies),
    updated_at: new Date().toISOString(),
  };
  await trx
    .updateTable('training_portfolio_entry')
    .set({
      kind: next.kind,
      title: next.title,
      body: next.body,
      entry_date: next.entry_date,
      competencies: next.competencies,
      updated_at: next.updated_at,
    })
    .where('org_id', '=', scope.orgId)
    .where('id', '=', entryId)
    .execute();
  await recordAudit(trx, {
    orgId: scope.orgId,
    actorId: scope.userId,
    action: 'training.portfolio.entry_updated',
    entity: 'training_portfolio_entry',
    entityId: entryId,
    before: { kind: row.kind, title: row.title },
    after: { kind: next.kind, title: next.title, date: next.entry_date, competencies },
  });
  return toEntryDto(next);
}

export async function deletePortfolioEntry(trx: Db, scope: TrainingScope, entryId: string) {
  const { row } = await ownEntry(trx, scope, entryId);
  await trx
    .deleteFrom('training_portfolio_entry')
    .where('org_id', '=', scope.orgId)
    .where('id', '=', entryId)
    .execute();
  await recordAudit(trx, {
    orgId: scope.orgId,
    actorId: scope.userId,
    action: 'training.portfolio.entry_deleted',
    entity: 'training_portfolio_entry',
    entityId: entryId,
    before: { kind: row.kind, title: row.title },
  });
}
