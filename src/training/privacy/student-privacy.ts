import { randomBytes } from 'node:crypto';
import { recordAudit } from '../../kernel/audit/audit.ts';
import { revokeUserSessions } from '../../kernel/auth/sessions.ts';
import { deleteOrganisation } from '../../kernel/copy/copy-organisation.ts';
import type { Db, Dialect } from '../../kernel/db/index.ts';

/** The database and its dialect: a Store, or a test's handle on one. */
type DbHandle = { db: Db; dialect: Dialect };

import { managedStudent, type TrainingScope } from '../classes/access.ts';
import { erasePfmp, pfmpForExport } from '../pfmp/pfmp.ts';
import type { StudentExportDto } from './contract.ts';

/** Right of access: what the school holds about one student, for their teachers to hand over. */
export async function exportStudent(
  db: Db,
  scope: TrainingScope,
  studentId: string,
): Promise<StudentExportDto> {
  const student = await managedStudent(db, scope, studentId);
  const cls = await db
    .selectFrom('training_class as c')
    .innerJoin('training_school_year as y', (j) =>
      j.onRef('y.org_id', '=', 'c.org_id').onRef('y.id', '=', 'c.school_year_id'),
    )
    .select(['c.name', 'y.label'])
    .where('c.org_id', '=', scope.orgId)
    .where('c.id', '=', student.class_id)
    .executeTakeFirstOrThrow();
  const group = student.group_id
    ? await db
        .selectFrom('training_group')
        .select('name')
        .where('org_id', '=', scope.orgId)
        .where('id', '=', student.group_id)
        .executeTakeFirst()
    : undefined;
  const account = student.user_id
    ? await db
        .selectFrom('app_user')
        .select(['email', 'name', 'locale', 'created_at'])
        .where('id', '=', student.user_id)
        .executeTakeFirst()
    : undefined;
  const sandboxes = await db
    .selectFrom('training_sandbox as sb')
    .innerJoin('training_handout as h', (j) =>
      j.onRef('h.org_id', '=', 'sb.org_id').onRef('h.id', '=', 'sb.handout_id'),
    )
    .innerJoin('training_scenario as sc', (j) =>
      j.onRef('sc.org_id', '=', 'h.org_id').onRef('sc.id', '=', 'h.scenario_id'),
    )
    .select(['sb.id', 'sc.title', 'sb.sandbox_org_id', 'sb.created_at'])
    .where('sb.org_id', '=', scope.orgId)
    .where('sb.student_id', '=', student.id)
    .execute();
  const assessments = await db
    .selectFrom('training_assessment')
    .select(['indicator_code', 'level', 'comment', 'assessed_at'])
    .where('org_id', '=', scope.orgId)
    .where('student_id', '=', student.id)
    .orderBy('indicator_code')
    .execute();
  const entries = await db
    .selectFrom('training_portfolio_entry')
    .select(['kind', 'title', 'body', 'entry_date', 'competencies'])
    .where('org_id', '=', scope.orgId)
    .where('student_id', '=', student.id)
    .orderBy('entry_date')
    .execute();
  return {
    exportedAt: new Date().toISOString(),
    student: {
      id: student.id,
      firstName: student.first_name,
      lastInitial: student.last_initial,
      email: student.email,
      className: cls.name,
      schoolYear: cls.label,
      group: group?.name ?? null,
      joinedAt: student.joined_at,
      createdAt: student.created_at,
    },
    account: account
      ? { email: account.email, name: account.name, locale: account.locale, createdAt: account.created_at }
      : null,
    sandboxes: sandboxes.map((s) => ({
      id: s.id,
      scenario: s.title,
      organisationId: s.sandbox_org_id,
      createdAt: s.created_at,
    })),
    assessments: assessments.map((a) => ({
      indicator: a.indicator_code,
      level: Number(a.level),
      comment: a.comment,
      assessedAt: new Date(a.assessed_at).toISOString(),
    })),
    portfolioEntries: entries.map((e) => ({
      kind: e.kind,
      title: e.title,
      body: e.body,
      date: String(e.entry_date).slice(0, 10),
      competencies: JSON.parse(e.competencies) as string[],
    })),
    pfmp: await pfmpForExport(db, scope.orgId, student.id),
  };
}

/**
 * Right to erasure: the student's sandboxes are deleted, their record removed, and their login emptied of
 * personal data and disabled — unless the same login also serves elsewhere (then only this school lets go
 * of it). The audit trail keeps that it happened, without the person.
 */
export async function eraseStudent(store: DbHandle, scope: TrainingScope, studentId: string) {
  const student = await managedStudent(store.db, scope, studentId);
  return store.db.transaction().execute(async (trx) => {
    const sandboxes = await trx
      .selectFrom('training_sandbox')
      .select(['id', 'sandbox_org_id'])
      .where('org_id', '=', scope.orgId)
      .where('student_id', '=', student.id)
      .execute();
    for (const sandbox of sandboxes) {
      await deleteOrganisation(trx, store.dialect, sandbox.sandbox_org_id);
    }
    await trx
      .deleteFrom('training_situation_result')
      .where('org_id', '=', scope.orgId)
      .where('student_id', '=', student.id)
      .execute();
    await trx
      .deleteFrom('training_sandbox')
      .where('org_id', '=', scope.orgId)
      .where('student_id', '=', student.id)
      .execute();
    // Their assessments and portfolio go with them (decision 0023).
    for (const table of ['training_assessment', 'training_portfolio_entry'] as const)
      await trx
        .deleteFrom(table)
        .where('org_id', '=', scope.orgId)
        .where('student_id', '=', student.id)
        .execute();
    await erasePfmp(trx, scope.orgId, student.id);
    await trx
      .deleteFrom('training_student')
      .where('org_id', '=', scope.orgId)
      .where('id', '=', student.id)
      .execute();
    let accountErased = false;
    if (student.user_id) {
      await trx
        .deleteFrom('membership')
        .where('org_id', '=', scope.orgId)
        .where('user_id', '=', student.user_id)
        .execute();
      const elsewhere = await trx
        .selectFrom('membership')
        .select('org_id')
        .where('user_id', '=', student.user_id)
        .executeTakeFirst();
      const otherRecord = await trx
        .selectFrom('training_student')
        .select('id')
        .where('user_id', '=', student.user_id)
        .executeTakeFirst();
      if (!elsewhere && !otherRecord) {
        await trx
          .updateTable('app_user')
          .set({
            email: `efface-${student.user_id}@agora.invalid`,
            name: 'Compte effacé',
            password_hash: `erased:${randomBytes(16).toString('hex')}`,
            disabled_at: new Date().toISOString(),
          })
          .where('id', '=', student.user_id)
          .execute();
        await revokeUserSessions(trx, student.user_id);
        accountErased = true;
      }
    }
    await recordAudit(trx, {
      orgId: scope.orgId,
      actorId: scope.userId,
      action: 'training.student.erased',
      entity: 'training_student',
      entityId: student.id,
      after: { sandboxesDeleted: sandboxes.length, accountErased },
    });
    return { sandboxesDeleted: sandboxes.length, accountErased };
  });
}
