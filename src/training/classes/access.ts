import type { Db } from '../../kernel/db/index.ts';
import { notFound } from '../../kernel/errors/domain-error.ts';
import type { Role } from '../../kernel/roles/permissions.ts';
import type { TrainingClassTable } from '../tables.ts';

/** Who is asking, in the school (the training organisation): what the server's guard has checked. */
export type TrainingScope = { orgId: string; userId: string; role: Role };

/**
 * The access rules of the training mode, in one place (issue 5 §3, §9): the school's owner sees every
 * class; a teacher only the classes they teach; a student only their own class. Anything else is
 * answered as if it did not exist (404), like another organisation's data.
 */
export async function visibleClassIds(db: Db, scope: TrainingScope): Promise<string[] | 'all'> {
  if (scope.role === 'owner') return 'all';
  if (scope.role === 'teacher') {
    const rows = await db
      .selectFrom('training_class_teacher')
      .select('class_id')
      .where('org_id', '=', scope.orgId)
      .where('user_id', '=', scope.userId)
      .execute();
    return rows.map((r) => r.class_id);
  }
  if (scope.role === 'student') {
    const rows = await db
      .selectFrom('training_student')
      .select('class_id')
      .where('org_id', '=', scope.orgId)
      .where('user_id', '=', scope.userId)
      .execute();
    return rows.map((r) => r.class_id);
  }
  return [];
}

async function findClass(db: Db, orgId: string, classId: string): Promise<TrainingClassTable> {
  const row = await db
    .selectFrom('training_class')
    .selectAll()
    .where('org_id', '=', orgId)
    .where('id', '=', classId)
    .executeTakeFirst();
  if (!row) throw notFound('Classe');
  return row;
}

/** A class the caller may read (its teachers, the owner, its students). */
export async function readableClass(db: Db, scope: TrainingScope, classId: string) {
  const visible = await visibleClassIds(db, scope);
  if (visible !== 'all' && !visible.includes(classId)) throw notFound('Classe');
  return findClass(db, scope.orgId, classId);
}

/** A class the caller may manage: its teachers and the school's owner, never a student. */
export async function managedClass(db: Db, scope: TrainingScope, classId: string) {
  if (scope.role !== 'owner' && scope.role !== 'teacher') throw notFound('Classe');
  return readableClass(db, scope, classId);
}

/** The student record (in a class the caller manages), else 404. */
export async function managedStudent(db: Db, scope: TrainingScope, studentId: string) {
  const student = await db
    .selectFrom('training_student')
    .selectAll()
    .where('org_id', '=', scope.orgId)
    .where('id', '=', studentId)
    .executeTakeFirst();
  if (!student) throw notFound('Élève');
  await managedClass(db, scope, student.class_id).catch(() => {
    throw notFound('Élève');
  });
  return student;
}
