import { recordAudit } from '../../kernel/audit/audit.ts';
import type { Db } from '../../kernel/db/index.ts';
import { notFound } from '../../kernel/errors/domain-error.ts';
import { managedStudent, type TrainingScope } from '../classes/access.ts';

// PFMP (issue 5 part 8). Rows belong to the school. The class's teachers (and the owner) manage a
// student's placements; the student reads their own and ticks the tasks they did; anyone else gets 404.

export const now = () => new Date().toISOString();

export function isManager(scope: TrainingScope) {
  return scope.role === 'owner' || scope.role === 'teacher';
}

/** The student record the caller may see: their teachers manage it, the student reads their own. */
export async function accessStudent(db: Db, scope: TrainingScope, studentId: string) {
  if (isManager(scope)) return { student: await managedStudent(db, scope, studentId), canManage: true };
  if (scope.role === 'student') {
    const student = await db
      .selectFrom('training_student')
      .selectAll()
      .where('org_id', '=', scope.orgId)
      .where('id', '=', studentId)
      .where('user_id', '=', scope.userId)
      .executeTakeFirst();
    if (student) return { student, canManage: false };
  }
  throw notFound('Élève');
}

export async function findAgreement(db: Db, orgId: string, agreementId: string) {
  const row = await db
    .selectFrom('training_pfmp_agreement')
    .selectAll()
    .where('org_id', '=', orgId)
    .where('id', '=', agreementId)
    .executeTakeFirst();
  if (!row) throw notFound('Convention');
  return row;
}

/** An agreement the caller may read, and whether they manage it. */
export async function accessAgreement(db: Db, scope: TrainingScope, agreementId: string) {
  const agreement = await findAgreement(db, scope.orgId, agreementId);
  const access = await accessStudent(db, scope, agreement.student_id).catch(() => {
    throw notFound('Convention');
  });
  return { agreement, ...access };
}

export async function managedAgreement(db: Db, scope: TrainingScope, agreementId: string) {
  const access = await accessAgreement(db, scope, agreementId);
  if (!access.canManage) throw notFound('Convention');
  return access;
}

export async function audit(
  trx: Db,
  scope: TrainingScope,
  action: string,
  entity: string,
  id: string,
  after: unknown,
  before?: unknown,
) {
  await recordAudit(trx, {
    orgId: scope.orgId,
    actorId: scope.userId,
    action: `training.pfmp.${action}`,
    entity,
    entityId: id,
    before,
    after,
  });
}

export async function classOf(db: Db, orgId: string, classId: string) {
  return db
    .selectFrom('training_class')
    .innerJoin('training_school_year', (j) =>
      j
        .onRef('training_school_year.org_id', '=', 'training_class.org_id')
        .onRef('training_school_year.id', '=', 'training_class.school_year_id'),
    )
    .select([
      'training_class.id',
      'training_class.name',
      'training_class.level',
      'training_class.referentiel_id',
      'training_school_year.label as schoolYear',
    ])
    .where('training_class.org_id', '=', orgId)
    .where('training_class.id', '=', classId)
    .executeTakeFirstOrThrow();
}
