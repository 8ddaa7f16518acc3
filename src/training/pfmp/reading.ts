import { type CalendarDate, formatDateFr, todayIn } from '../../kernel/dates/index.ts';
import type { Db } from '../../kernel/db/index.ts';
import type { TrainingScope } from '../classes/access.ts';
import { studentDisplayName as studentName } from '../classes/student-access.ts';
import { loadReferentiel } from '../referentiel/referentiel.ts';
import type { PfmpAttendanceStatus } from '../tables.ts';
import { accessAgreement, accessStudent, classOf, findAgreement } from './access.ts';
import type { AgreementDto, PfmpStudentSummaryDto, StudentPfmpDto, TutorAssessmentDto } from './contract.ts';
import {
  allowanceByYear,
  countPeriod,
  cycleDays,
  EXAM_MINIMUM_WEEKS,
  type PeriodFacts,
  type PfmpWarning,
  pfmpWarnings,
  weeksOf,
} from './counting.ts';

// ————— Reading —————

export async function activitiesOf(db: Db, orgId: string, agreementIds: string[]) {
  if (agreementIds.length === 0) return [];
  return db
    .selectFrom('training_pfmp_activity')
    .select(['agreement_id', 'task_code'])
    .where('org_id', '=', orgId)
    .where('agreement_id', 'in', agreementIds)
    .orderBy('task_code')
    .execute();
}

/** Every agreement of a student, with periods, attendance, counts, activities and assessment. */
export async function loadAgreements(db: Db, orgId: string, studentId: string, today: CalendarDate) {
  const rows = await db
    .selectFrom('training_pfmp_agreement as a')
    .innerJoin('training_pfmp_host as h', (j) =>
      j.onRef('h.org_id', '=', 'a.org_id').onRef('h.id', '=', 'a.host_id'),
    )
    .innerJoin('training_school_year as y', (j) =>
      j.onRef('y.org_id', '=', 'a.org_id').onRef('y.id', '=', 'a.school_year_id'),
    )
    .leftJoin('training_pfmp_tutor as t', (j) =>
      j.onRef('t.org_id', '=', 'a.org_id').onRef('t.id', '=', 'a.tutor_id'),
    )
    .leftJoin('app_user as u', 'u.id', 'a.referent_user_id')
    .selectAll('a')
    .select([
      'h.name as host_name',
      'h.address as host_address',
      'h.sector as host_sector',
      'y.label as school_year',
      't.name as tutor_name',
      't.function as tutor_function',
      't.email as tutor_email',
      't.phone as tutor_phone',
      'u.name as referent_name',
    ])
    .where('a.org_id', '=', orgId)
    .where('a.student_id', '=', studentId)
    .orderBy('y.label')
    .orderBy('a.created_at')
    .execute();
  const ids = rows.map((r) => r.id);
  const periods = ids.length
    ? await db
        .selectFrom('training_pfmp_period')
        .selectAll()
        .where('org_id', '=', orgId)
        .where('agreement_id', 'in', ids)
        .orderBy('starts_on')
        .execute()
    : [];
  const periodIds = periods.map((p) => p.id);
  const attendance = periodIds.length
    ? await db
        .selectFrom('training_pfmp_attendance')
        .select(['period_id', 'day', 'status'])
        .where('org_id', '=', orgId)
        .where('period_id', 'in', periodIds)
        .orderBy('day')
        .execute()
    : [];
  const activities = await activitiesOf(db, orgId, ids);
  const assessments = ids.length
    ? await db
        .selectFrom('training_pfmp_assessment')
        .selectAll()
        .where('org_id', '=', orgId)
        .where('agreement_id', 'in', ids)
        .orderBy('indicator_code')
        .execute()
    : [];
  const facts: PeriodFacts[] = [];
  const agreements: AgreementDto[] = rows.map((row) => {
    const own = periods.filter((p) => p.agreement_id === row.id);
    return {
      id: row.id,
      studentId: row.student_id,
      host: { id: row.host_id, name: row.host_name, address: row.host_address, sector: row.host_sector },
      tutor: row.tutor_id
        ? {
            id: row.tutor_id,
            hostId: row.host_id,
            name: row.tutor_name ?? '',
            function: row.tutor_function ?? '',
            email: row.tutor_email ?? null,
            phone: row.tutor_phone ?? null,
          }
        : null,
      referent: row.referent_user_id ? { id: row.referent_user_id, name: row.referent_name ?? '' } : null,
      schoolYear: row.school_year,
      level: row.level,
      status: row.status,
      signedOn: row.signed_on,
      activitiesPlanned: row.activities_planned,
      periods: own.map((p) => {
        const days = attendance.filter((a) => a.period_id === p.id);
        const fact: PeriodFacts = {
          id: p.id,
          agreementId: row.id,
          level: row.level,
          schoolYear: row.school_year,
          status: row.status,
          signedOn: row.signed_on,
          startsOn: p.starts_on,
          endsOn: p.ends_on,
          attendance: new Map(days.map((d) => [d.day, d.status as PfmpAttendanceStatus])),
        };
        facts.push(fact);
        const { periodId: _, ...count } = countPeriod(fact, today);
        return {
          id: p.id,
          startsOn: p.starts_on,
          endsOn: p.ends_on,
          ...count,
          attendance: days.map((d) => ({ day: d.day, status: d.status })),
        };
      }),
      activitiesDone: activities.filter((a) => a.agreement_id === row.id).map((a) => a.task_code),
      assessment: {
        source: row.assessment_source,
        assessedOn: row.assessed_on,
        comment: row.assessment_comment,
        items: assessments
          .filter((a) => a.agreement_id === row.id)
          .map((a) => ({
            indicatorCode: a.indicator_code,
            competencyCode: a.competency_code,
            level: Number(a.level),
            comment: a.comment,
          })),
      },
    };
  });
  return { agreements, facts };
}

export async function agreementDto(db: Db, scope: TrainingScope, agreementId: string): Promise<AgreementDto> {
  const agreement = await findAgreement(db, scope.orgId, agreementId);
  const { agreements } = await loadAgreements(db, scope.orgId, agreement.student_id, todayIn());
  return agreements.find((a) => a.id === agreementId)!;
}

export function warningMessage(warning: PfmpWarning): { message: string; periodIds: string[] } {
  switch (warning.code) {
    case 'below-requirement':
      return {
        message: `${warning.plannedWeeks.toLocaleString('fr-FR')} semaine(s) prévue(s) sur les trois ans : ${warning.requiredWeeks} sont exigées pour se présenter à l’examen.`,
        periodIds: [],
      };
    case 'overlap':
      return { message: 'Deux périodes se chevauchent.', periodIds: warning.periodIds };
    case 'not-signed-before-start':
      return {
        message: `La période du ${formatDateFr(warning.startsOn)} a commencé sans convention signée avant son début.`,
        periodIds: [warning.periodId],
      };
    case 'attendance-missing':
      return {
        message: `Présence non saisie pour ${warning.days} jour(s) passé(s).`,
        periodIds: [warning.periodId],
      };
  }
}

/** A student's PFMP over the cycle: agreements, weeks against the requirement, allowance, warnings. */
export async function studentPfmp(
  db: Db,
  scope: TrainingScope,
  studentId: string,
  today: CalendarDate = todayIn(),
): Promise<StudentPfmpDto> {
  const { student, canManage } = await accessStudent(db, scope, studentId);
  const cls = await classOf(db, scope.orgId, student.class_id);
  const referentiel = loadReferentiel(cls.referentiel_id);
  const { agreements, facts } = await loadAgreements(db, scope.orgId, student.id, today);
  const counts = facts.map((f) => countPeriod(f, today));
  const { plannedDays, daysDone } = cycleDays(facts, counts);
  const years = allowanceByYear(facts, counts);
  return {
    student: { id: student.id, name: studentName(student), classId: cls.id, className: cls.name },
    referentielId: cls.referentiel_id,
    canManage,
    today,
    weeks: {
      planned: weeksOf(plannedDays),
      done: weeksOf(daysDone),
      daysDone,
      required: EXAM_MINIMUM_WEEKS,
      referentiel: referentiel.pfmpWeeks,
    },
    allowance: { totalOwedCents: years.reduce((s, y) => s + y.owedCents, 0), years },
    warnings: pfmpWarnings(facts, counts, today).map((w) => ({ code: w.code, ...warningMessage(w) })),
    agreements,
  };
}

/** The students whose PFMP the caller may open: their classes' students for a teacher, themself for a student. */
export async function listPfmpStudents(db: Db, scope: TrainingScope): Promise<PfmpStudentSummaryDto[]> {
  let query = db
    .selectFrom('training_student as s')
    .innerJoin('training_class as c', (j) =>
      j.onRef('c.org_id', '=', 's.org_id').onRef('c.id', '=', 's.class_id'),
    )
    .select(['s.id', 's.first_name', 's.last_initial', 's.class_id', 'c.name as class_name'])
    .select((eb) =>
      eb
        .selectFrom('training_pfmp_agreement as a')
        .select((e) => e.fn.countAll<number>().as('n'))
        .whereRef('a.org_id', '=', 's.org_id')
        .whereRef('a.student_id', '=', 's.id')
        .as('agreements'),
    )
    .where('s.org_id', '=', scope.orgId);
  if (scope.role === 'teacher')
    query = query.where('s.class_id', 'in', (eb) =>
      eb
        .selectFrom('training_class_teacher')
        .select('class_id')
        .where('org_id', '=', scope.orgId)
        .where('user_id', '=', scope.userId),
    );
  else if (scope.role === 'student') query = query.where('s.user_id', '=', scope.userId);
  else if (scope.role !== 'owner') return [];
  const rows = await query.orderBy('c.name').orderBy('s.first_name').execute();
  return rows.map((r) => ({
    id: r.id,
    name: studentName(r),
    classId: r.class_id,
    className: r.class_name,
    agreements: Number(r.agreements ?? 0),
  }));
}

/**
 * The tutors' assessments of a student, for the assessment module (issue 5 part 6): one row per
 * indicator and agreement. No access check here: the caller has already checked who may see the student.
 */
export async function tutorAssessments(
  db: Db,
  schoolOrgId: string,
  studentId: string,
): Promise<TutorAssessmentDto[]> {
  const rows = await db
    .selectFrom('training_pfmp_assessment as s')
    .innerJoin('training_pfmp_agreement as a', (j) =>
      j.onRef('a.org_id', '=', 's.org_id').onRef('a.id', '=', 's.agreement_id'),
    )
    .innerJoin('training_pfmp_host as h', (j) =>
      j.onRef('h.org_id', '=', 'a.org_id').onRef('h.id', '=', 'a.host_id'),
    )
    .leftJoin('training_pfmp_tutor as t', (j) =>
      j.onRef('t.org_id', '=', 'a.org_id').onRef('t.id', '=', 'a.tutor_id'),
    )
    .select([
      's.agreement_id',
      'h.name as host_name',
      't.name as tutor_name',
      'a.assessment_source',
      'a.assessed_on',
      's.indicator_code',
      's.competency_code',
      's.level',
      's.comment',
    ])
    .where('s.org_id', '=', schoolOrgId)
    .where('a.student_id', '=', studentId)
    .where('a.status', '!=', 'cancelled')
    .orderBy('a.assessed_on')
    .orderBy('s.indicator_code')
    .execute();
  return rows.map((r) => ({
    agreementId: r.agreement_id,
    hostName: r.host_name,
    tutorName: r.tutor_name ?? null,
    source: r.assessment_source,
    assessedOn: r.assessed_on,
    indicatorCode: r.indicator_code,
    competencyCode: r.competency_code,
    level: Number(r.level),
    comment: r.comment,
  }));
}

/** What the attestation prints: read through the same access rules as the screen. */
export async function attestationData(db: Db, scope: TrainingScope, agreementId: string) {
  const { agreement, student } = await accessAgreement(db, scope, agreementId);
  const pfmp = await studentPfmp(db, scope, student.id);
  const dto = pfmp.agreements.find((a) => a.id === agreement.id)!;
  const referentiel = loadReferentiel(pfmp.referentielId);
  const titles = new Map(
    referentiel.areas.flatMap((a) =>
      a.activities.flatMap((x) => x.tasks.map((t) => [t.code, t.title] as const)),
    ),
  );
  const school = await db
    .selectFrom('organisation')
    .select('name')
    .where('org_id', '=', scope.orgId)
    .executeTakeFirstOrThrow();
  const host = await db
    .selectFrom('training_pfmp_host')
    .selectAll()
    .where('org_id', '=', scope.orgId)
    .where('id', '=', agreement.host_id)
    .executeTakeFirstOrThrow();
  return {
    schoolName: school.name,
    diploma: referentiel.title,
    student: pfmp.student,
    agreement: dto,
    host: { name: host.name, address: host.address, siret: host.siret, sector: host.sector },
    activities: dto.activitiesDone.map((code) => ({ code, title: titles.get(code) ?? code })),
  };
}
export type AttestationData = Awaited<ReturnType<typeof attestationData>>;

/** Right of access: the student's placements, as their teachers see them (for the JSON export). */
export async function pfmpForExport(db: Db, orgId: string, studentId: string): Promise<AgreementDto[]> {
  return (await loadAgreements(db, orgId, studentId, todayIn())).agreements;
}

/** Right to erasure: the student's placements go with them (hosts and tutors are the school's, they stay). */
export async function erasePfmp(trx: Db, orgId: string, studentId: string): Promise<void> {
  const agreements = trx
    .selectFrom('training_pfmp_agreement')
    .select('id')
    .where('org_id', '=', orgId)
    .where('student_id', '=', studentId);
  const periods = trx
    .selectFrom('training_pfmp_period')
    .select('id')
    .where('org_id', '=', orgId)
    .where('agreement_id', 'in', agreements);
  await trx
    .deleteFrom('training_pfmp_attendance')
    .where('org_id', '=', orgId)
    .where('period_id', 'in', periods)
    .execute();
  for (const table of [
    'training_pfmp_period',
    'training_pfmp_activity',
    'training_pfmp_assessment',
    'training_pfmp_tutor_link',
  ] as const)
    await trx.deleteFrom(table).where('org_id', '=', orgId).where('agreement_id', 'in', agreements).execute();
  await trx
    .deleteFrom('training_pfmp_agreement')
    .where('org_id', '=', orgId)
    .where('student_id', '=', studentId)
    .execute();
}
