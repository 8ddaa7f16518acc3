import { recordAudit } from '../../kernel/audit/audit.ts';
import type { Db } from '../../kernel/db/index.ts';
import { isUniqueViolation } from '../../kernel/db/index.ts';
import { conflict, invalid, notFound } from '../../kernel/errors/domain-error.ts';
import { newId } from '../../kernel/ids.ts';
import { loadReferentiel } from '../referentiel/referentiel.ts';
import { managedClass, readableClass, type TrainingScope, visibleClassIds } from './access.ts';
import type { ClassDto, ClassInput } from './contract.ts';

/** The school year by its label (2026-2027: 1 September to 31 August), created on first use. */
export async function ensureSchoolYear(trx: Db, orgId: string, label: string): Promise<string> {
  const existing = await trx
    .selectFrom('training_school_year')
    .select('id')
    .where('org_id', '=', orgId)
    .where('label', '=', label)
    .executeTakeFirst();
  if (existing) return existing.id;
  const id = newId();
  const start = label.slice(0, 4);
  await trx
    .insertInto('training_school_year')
    .values({
      org_id: orgId,
      id,
      label,
      starts_on: `${start}-09-01`,
      ends_on: `${Number(start) + 1}-08-31`,
      created_at: new Date().toISOString(),
    })
    .execute();
  return id;
}

export async function createClass(trx: Db, scope: TrainingScope, input: ClassInput): Promise<ClassDto> {
  try {
    loadReferentiel(input.referentielId);
  } catch {
    throw invalid('Référentiel inconnu.', [{ field: 'referentielId', message: 'Référentiel inconnu.' }]);
  }
  const now = new Date().toISOString();
  const id = newId();
  const schoolYearId = await ensureSchoolYear(trx, scope.orgId, input.schoolYear);
  try {
    await trx
      .insertInto('training_class')
      .values({
        org_id: scope.orgId,
        id,
        school_year_id: schoolYearId,
        name: input.name,
        level: input.level,
        referentiel_id: input.referentielId,
        created_at: now,
      })
      .execute();
  } catch (error) {
    if (isUniqueViolation(error))
      throw conflict(`La classe « ${input.name} » existe déjà pour l’année ${input.schoolYear}.`);
    throw error;
  }
  // Whoever creates the class teaches it (the owner too, so it shows on their list as well).
  await trx
    .insertInto('training_class_teacher')
    .values({ org_id: scope.orgId, class_id: id, user_id: scope.userId, created_at: now })
    .execute();
  await recordAudit(trx, {
    orgId: scope.orgId,
    actorId: scope.userId,
    action: 'training.class.created',
    entity: 'training_class',
    entityId: id,
    after: input,
  });
  return getClass(trx, scope, id);
}

async function toDtos(db: Db, orgId: string, classIds: string[] | 'all'): Promise<ClassDto[]> {
  if (classIds !== 'all' && classIds.length === 0) return [];
  let query = db
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
    .where('training_class.org_id', '=', orgId);
  if (classIds !== 'all') query = query.where('training_class.id', 'in', classIds);
  const classes = await query
    .orderBy('training_school_year.label', 'desc')
    .orderBy('training_class.name')
    .execute();
  if (classes.length === 0) return [];
  const ids = classes.map((c) => c.id);
  const teachers = await db
    .selectFrom('training_class_teacher')
    .innerJoin('app_user', 'app_user.id', 'training_class_teacher.user_id')
    .select(['training_class_teacher.class_id', 'app_user.id', 'app_user.name'])
    .where('training_class_teacher.org_id', '=', orgId)
    .where('training_class_teacher.class_id', 'in', ids)
    .orderBy('app_user.name')
    .execute();
  const groups = await db
    .selectFrom('training_group')
    .select(['class_id', 'id', 'name'])
    .where('org_id', '=', orgId)
    .where('class_id', 'in', ids)
    .orderBy('name')
    .execute();
  const counts = await db
    .selectFrom('training_student')
    .select(['class_id', (eb) => eb.fn.countAll<number>().as('n')])
    .where('org_id', '=', orgId)
    .where('class_id', 'in', ids)
    .groupBy('class_id')
    .execute();
  return classes.map((c) => ({
    id: c.id,
    name: c.name,
    level: c.level,
    schoolYear: c.schoolYear,
    referentielId: c.referentiel_id,
    studentCount: Number(counts.find((n) => n.class_id === c.id)?.n ?? 0),
    teachers: teachers.filter((t) => t.class_id === c.id).map((t) => ({ id: t.id, name: t.name })),
    groups: groups.filter((g) => g.class_id === c.id).map((g) => ({ id: g.id, name: g.name })),
  }));
}

export async function listClasses(db: Db, scope: TrainingScope): Promise<ClassDto[]> {
  return toDtos(db, scope.orgId, await visibleClassIds(db, scope));
}

export async function getClass(db: Db, scope: TrainingScope, classId: string): Promise<ClassDto> {
  await readableClass(db, scope, classId);
  const [dto] = await toDtos(db, scope.orgId, [classId]);
  if (!dto) throw notFound('Classe');
  return dto;
}

/** Adds a teacher of the school to a class (they must hold the teacher role in the school). */
export async function addClassTeacher(trx: Db, scope: TrainingScope, classId: string, userId: string) {
  await managedClass(trx, scope, classId);
  const member = await trx
    .selectFrom('membership')
    .select('role')
    .where('org_id', '=', scope.orgId)
    .where('user_id', '=', userId)
    .executeTakeFirst();
  if (!member || (member.role !== 'teacher' && member.role !== 'owner'))
    throw invalid('Cette personne n’est pas enseignante dans l’établissement.', [
      { field: 'userId', message: 'Choisissez un(e) enseignant(e) de l’établissement.' },
    ]);
  await trx
    .insertInto('training_class_teacher')
    .values({ org_id: scope.orgId, class_id: classId, user_id: userId, created_at: new Date().toISOString() })
    .onConflict((oc) => oc.columns(['org_id', 'class_id', 'user_id']).doNothing())
    .execute();
  await recordAudit(trx, {
    orgId: scope.orgId,
    actorId: scope.userId,
    action: 'training.class.teacher_added',
    entity: 'training_class',
    entityId: classId,
    after: { userId },
  });
  return getClass(trx, scope, classId);
}

export async function createGroup(trx: Db, scope: TrainingScope, classId: string, name: string) {
  await managedClass(trx, scope, classId);
  const id = newId();
  try {
    await trx
      .insertInto('training_group')
      .values({ org_id: scope.orgId, id, class_id: classId, name, created_at: new Date().toISOString() })
      .execute();
  } catch (error) {
    if (isUniqueViolation(error)) throw conflict(`Le groupe « ${name} » existe déjà dans cette classe.`);
    throw error;
  }
  await recordAudit(trx, {
    orgId: scope.orgId,
    actorId: scope.userId,
    action: 'training.group.created',
    entity: 'training_group',
    entityId: id,
    after: { classId, name },
  });
  return getClass(trx, scope, classId);
}
