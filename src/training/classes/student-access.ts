import type { Db } from '../../kernel/db/index.ts';
import { notFound } from '../../kernel/errors/domain-error.ts';
import type { TrainingStudentTable } from '../tables.ts';
import { managedStudent, type TrainingScope } from './access.ts';

/**
 * A student record the caller may read (assessment, portfolio): the student themselves, the teachers of
 * their class, the school's owner. Anyone else — a classmate, another class's teacher — gets a 404.
 */
export async function readableStudent(
  db: Db,
  scope: TrainingScope,
  studentId: string,
): Promise<TrainingStudentTable> {
  if (scope.role === 'student') {
    const own = await db
      .selectFrom('training_student')
      .selectAll()
      .where('org_id', '=', scope.orgId)
      .where('id', '=', studentId)
      .where('user_id', '=', scope.userId)
      .executeTakeFirst();
    if (!own) throw notFound('Élève');
    return own;
  }
  return managedStudent(db, scope, studentId);
}

/** The caller's own student record (the latest if they were enrolled twice), else 404. */
export async function ownStudent(db: Db, scope: TrainingScope): Promise<TrainingStudentTable> {
  const own =
    scope.role === 'student'
      ? await db
          .selectFrom('training_student')
          .selectAll()
          .where('org_id', '=', scope.orgId)
          .where('user_id', '=', scope.userId)
          .orderBy('created_at', 'desc')
          .executeTakeFirst()
      : undefined;
  if (!own) throw notFound('Élève');
  return own;
}

export const studentDisplayName = (s: Pick<TrainingStudentTable, 'first_name' | 'last_initial'>) =>
  s.last_initial ? `${s.first_name} ${s.last_initial}.` : s.first_name;
