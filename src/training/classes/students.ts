import { randomInt } from 'node:crypto';
import { recordAudit } from '../../kernel/audit/audit.ts';
import type { Db } from '../../kernel/db/index.ts';
import { invalid, notFound } from '../../kernel/errors/domain-error.ts';
import { newId } from '../../kernel/ids.ts';
import { createUser, setMembership } from '../../kernel/users/users.ts';
import type { TrainingStudentTable } from '../tables.ts';
import { managedClass, type TrainingScope } from './access.ts';
import { type JoinInput, type StudentDto, type StudentInput, studentInput } from './contract.ts';
import { readStudentCsv } from './csv.ts';
import { studentDisplayName } from './student-access.ts';

// No 0/O or 1/I/L: codes are read aloud in class and copied from paper.
const CODE_ALPHABET = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789';

export function newInvitationCode(): string {
  let code = '';
  for (let i = 0; i < 10; i++) code += CODE_ALPHABET[randomInt(CODE_ALPHABET.length)];
  return code;
}

export function toStudentDto(row: TrainingStudentTable): StudentDto {
  return {
    id: row.id,
    classId: row.class_id,
    groupId: row.group_id,
    firstName: row.first_name,
    lastInitial: row.last_initial,
    email: row.email,
    joined: row.user_id !== null,
    invitationCode: row.user_id ? null : row.invitation_code,
  };
}

async function checkGroup(db: Db, orgId: string, classId: string, groupId: string | null | undefined) {
  if (!groupId) return null;
  const group = await db
    .selectFrom('training_group')
    .select('id')
    .where('org_id', '=', orgId)
    .where('class_id', '=', classId)
    .where('id', '=', groupId)
    .executeTakeFirst();
  if (!group) throw invalid('Groupe inconnu.', [{ field: 'groupId', message: 'Groupe inconnu.' }]);
  return group.id;
}

async function insertStudent(trx: Db, scope: TrainingScope, classId: string, input: StudentInput) {
  const row: TrainingStudentTable = {
    org_id: scope.orgId,
    id: newId(),
    class_id: classId,
    group_id: await checkGroup(trx, scope.orgId, classId, input.groupId),
    first_name: input.firstName,
    last_initial: input.lastInitial,
    email: input.email,
    user_id: null,
    invitation_code: newInvitationCode(),
    joined_at: null,
    created_at: new Date().toISOString(),
  };
  await trx.insertInto('training_student').values(row).execute();
  // No personal data in the audit trail: it outlives an erasure.
  await recordAudit(trx, {
    orgId: scope.orgId,
    actorId: scope.userId,
    action: 'training.student.created',
    entity: 'training_student',
    entityId: row.id,
    after: { classId },
  });
  return row;
}

export async function addStudent(trx: Db, scope: TrainingScope, classId: string, input: StudentInput) {
  await managedClass(trx, scope, classId);
  return toStudentDto(await insertStudent(trx, scope, classId, input));
}

/**
 * Imports a class list (prénom, nom or its initial, e-mail, groupe). All or nothing: one bad line and
 * nothing is imported, each problem named by its line.
 */
export async function importStudents(trx: Db, scope: TrainingScope, classId: string, csv: string) {
  await managedClass(trx, scope, classId);
  const { rows, missing } = readStudentCsv(csv);
  if (missing)
    throw invalid(`Colonne « ${missing} » introuvable dans la première ligne.`, [
      { field: 'csv', message: `La première ligne doit nommer la colonne « ${missing} ».` },
    ]);
  if (rows.length === 0)
    throw invalid('Aucun élève dans le fichier.', [{ field: 'csv', message: 'Aucun élève.' }]);
  if (rows.length > 60)
    throw invalid('60 élèves au plus par import.', [{ field: 'csv', message: '60 élèves au plus.' }]);
  const groups = await trx
    .selectFrom('training_group')
    .select(['id', 'name'])
    .where('org_id', '=', scope.orgId)
    .where('class_id', '=', classId)
    .execute();
  const issues: { field: string; message: string }[] = [];
  const inputs: StudentInput[] = [];
  for (const row of rows) {
    const group = row.group ? groups.find((g) => g.name.toLowerCase() === row.group.toLowerCase()) : null;
    if (row.group && !group)
      issues.push({ field: 'csv', message: `Ligne ${row.line} : groupe « ${row.group} » inconnu.` });
    const parsed = studentInput.safeParse({
      firstName: row.firstName,
      // Only the initial of the last name is kept (data minimisation).
      lastInitial: row.lastName.slice(0, 1),
      email: row.email,
      groupId: group?.id ?? null,
    });
    if (parsed.success) inputs.push(parsed.data);
    else
      for (const issue of parsed.error.issues)
        issues.push({ field: 'csv', message: `Ligne ${row.line} : ${issue.message}` });
  }
  if (issues.length > 0)
    throw invalid(`${issues.length} ligne(s) à corriger ; rien n’a été importé.`, issues);
  const created: StudentDto[] = [];
  for (const input of inputs) created.push(toStudentDto(await insertStudent(trx, scope, classId, input)));
  return created;
}

export async function listStudents(db: Db, scope: TrainingScope, classId: string): Promise<StudentDto[]> {
  await managedClass(db, scope, classId);
  const rows = await db
    .selectFrom('training_student')
    .selectAll()
    .where('org_id', '=', scope.orgId)
    .where('class_id', '=', classId)
    .orderBy('first_name')
    .orderBy('id')
    .execute();
  return rows.map(toStudentDto);
}

/**
 * A student redeems their invitation code: their login is created, they become a student of the school
 * and a member of the sandboxes already handed to them. The code works once.
 */
export async function joinWithCode(trx: Db, input: JoinInput): Promise<{ userId: string; orgId: string }> {
  const student = await trx
    .selectFrom('training_student')
    .selectAll()
    .where('invitation_code', '=', input.code)
    .where('user_id', 'is', null)
    .executeTakeFirst();
  if (!student) throw notFound('Code d’invitation');
  const name = studentDisplayName(student);
  const user = await createUser(trx, { email: input.email, name, password: input.password });
  await trx
    .updateTable('training_student')
    .set({ user_id: user.id, email: user.email, invitation_code: null, joined_at: new Date().toISOString() })
    .where('org_id', '=', student.org_id)
    .where('id', '=', student.id)
    .execute();
  await setMembership(trx, { orgId: student.org_id, userId: user.id, role: 'student', actorId: user.id });
  const sandboxes = await trx
    .selectFrom('training_sandbox')
    .select('sandbox_org_id')
    .where('org_id', '=', student.org_id)
    .where('student_id', '=', student.id)
    .execute();
  for (const sandbox of sandboxes)
    await setMembership(trx, {
      orgId: sandbox.sandbox_org_id,
      userId: user.id,
      role: 'student',
      actorId: user.id,
    });
  await recordAudit(trx, {
    orgId: student.org_id,
    actorId: user.id,
    action: 'training.student.joined',
    entity: 'training_student',
    entityId: student.id,
  });
  return { userId: user.id, orgId: student.org_id };
}
