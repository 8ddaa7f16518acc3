import { type CalendarDate, formatDateFr, todayIn } from '../../kernel/dates/index.ts';
import type { Db } from '../../kernel/db/index.ts';
import { invalid, notFound } from '../../kernel/errors/domain-error.ts';
import { newId } from '../../kernel/ids.ts';
import { managedStudent, type TrainingScope } from '../classes/access.ts';
import { ensureSchoolYear } from '../classes/class.ts';
import { loadReferentiel } from '../referentiel/referentiel.ts';
import type { TrainingStudentTable } from '../tables.ts';
import { accessAgreement, audit, classOf, managedAgreement, now } from './access.ts';
import {
  type AgreementDto,
  type AgreementInput,
  type AgreementUpdate,
  type AssessmentInput,
  type AttendanceInput,
  indicatorCode,
  type PeriodInput,
} from './contract.ts';
import { activitiesOf, agreementDto } from './reading.ts';

// ————— Agreements and periods —————

export async function schoolYearOf(db: Db, orgId: string, schoolYearId: string) {
  return db
    .selectFrom('training_school_year')
    .select(['label', 'starts_on', 'ends_on'])
    .where('org_id', '=', orgId)
    .where('id', '=', schoolYearId)
    .executeTakeFirstOrThrow();
}

/** The checks every period passes: a real span inside the agreement's school year. */
export function checkPeriod(
  period: PeriodInput,
  year: { label: string; starts_on: string; ends_on: string },
  field = 'periods',
) {
  if (period.endsOn < period.startsOn)
    throw invalid('La date de fin précède la date de début.', [
      { field: `${field}.endsOn`, message: 'La date de fin précède la date de début.' },
    ]);
  if (period.startsOn < year.starts_on || period.endsOn > year.ends_on) {
    const message = `La période doit se situer dans l’année scolaire ${year.label} (du ${formatDateFr(year.starts_on)} au ${formatDateFr(year.ends_on)}).`;
    throw invalid(message, [{ field: `${field}.startsOn`, message }]);
  }
}

export async function checkTutorAndReferent(
  trx: Db,
  orgId: string,
  hostId: string,
  tutorId: string | null,
  referentUserId: string | null,
) {
  if (tutorId) {
    const tutor = await trx
      .selectFrom('training_pfmp_tutor')
      .select('id')
      .where('org_id', '=', orgId)
      .where('id', '=', tutorId)
      .where('host_id', '=', hostId)
      .executeTakeFirst();
    if (!tutor)
      throw invalid('Ce tuteur n’appartient pas à l’organisation d’accueil.', [
        { field: 'tutorId', message: 'Choisissez un tuteur de l’organisation d’accueil.' },
      ]);
  }
  if (referentUserId) {
    const member = await trx
      .selectFrom('membership')
      .select('role')
      .where('org_id', '=', orgId)
      .where('user_id', '=', referentUserId)
      .executeTakeFirst();
    if (!member || (member.role !== 'teacher' && member.role !== 'owner'))
      throw invalid('Le professeur référent doit être enseignant(e) dans l’établissement.', [
        { field: 'referentUserId', message: 'Choisissez un(e) enseignant(e) de l’établissement.' },
      ]);
  }
}

export async function insertPeriod(trx: Db, orgId: string, agreementId: string, period: PeriodInput) {
  const id = newId();
  await trx
    .insertInto('training_pfmp_period')
    .values({
      org_id: orgId,
      id,
      agreement_id: agreementId,
      starts_on: period.startsOn,
      ends_on: period.endsOn,
      created_at: now(),
    })
    .execute();
  return id;
}

export async function createAgreement(
  trx: Db,
  scope: TrainingScope,
  studentId: string,
  input: AgreementInput,
): Promise<AgreementDto> {
  const student = await managedStudent(trx, scope, studentId);
  const host = await trx
    .selectFrom('training_pfmp_host')
    .select('id')
    .where('org_id', '=', scope.orgId)
    .where('id', '=', input.hostId)
    .executeTakeFirst();
  if (!host)
    throw invalid('Organisation d’accueil inconnue.', [
      { field: 'hostId', message: 'Choisissez l’organisation d’accueil.' },
    ]);
  await checkTutorAndReferent(trx, scope.orgId, input.hostId, input.tutorId, input.referentUserId);
  const cls = await classOf(trx, scope.orgId, student.class_id);
  const schoolYearId = await ensureSchoolYear(trx, scope.orgId, input.schoolYear ?? cls.schoolYear);
  const year = await schoolYearOf(trx, scope.orgId, schoolYearId);
  input.periods.forEach((p, i) => {
    checkPeriod(p, year, `periods.${i}`);
  });
  const id = newId();
  const at = now();
  await trx
    .insertInto('training_pfmp_agreement')
    .values({
      org_id: scope.orgId,
      id,
      student_id: student.id,
      host_id: input.hostId,
      tutor_id: input.tutorId,
      referent_user_id: input.referentUserId ?? scope.userId,
      school_year_id: schoolYearId,
      level: input.level ?? cls.level,
      status: 'draft',
      signed_on: null,
      activities_planned: input.activitiesPlanned,
      assessment_comment: null,
      assessment_source: null,
      assessed_on: null,
      created_at: at,
      updated_at: at,
    })
    .execute();
  for (const period of input.periods) await insertPeriod(trx, scope.orgId, id, period);
  await audit(trx, scope, 'agreement.created', 'training_pfmp_agreement', id, { studentId, ...input });
  return agreementDto(trx, scope, id);
}

export async function updateAgreement(
  trx: Db,
  scope: TrainingScope,
  agreementId: string,
  input: AgreementUpdate,
): Promise<AgreementDto> {
  const { agreement } = await managedAgreement(trx, scope, agreementId);
  if (input.status === 'signed' && !input.signedOn)
    throw invalid('Indiquez la date de signature de la convention.', [
      { field: 'signedOn', message: 'La date de signature est obligatoire pour une convention signée.' },
    ]);
  await checkTutorAndReferent(trx, scope.orgId, agreement.host_id, input.tutorId, input.referentUserId);
  await trx
    .updateTable('training_pfmp_agreement')
    .set({
      tutor_id: input.tutorId,
      referent_user_id: input.referentUserId,
      status: input.status,
      signed_on: input.status === 'signed' ? input.signedOn : null,
      activities_planned: input.activitiesPlanned,
      updated_at: now(),
    })
    .where('org_id', '=', scope.orgId)
    .where('id', '=', agreementId)
    .execute();
  await audit(trx, scope, 'agreement.updated', 'training_pfmp_agreement', agreementId, input, {
    status: agreement.status,
    signedOn: agreement.signed_on,
    tutorId: agreement.tutor_id,
    referentUserId: agreement.referent_user_id,
    activitiesPlanned: agreement.activities_planned,
  });
  return agreementDto(trx, scope, agreementId);
}

export async function addPeriod(trx: Db, scope: TrainingScope, agreementId: string, input: PeriodInput) {
  const { agreement } = await managedAgreement(trx, scope, agreementId);
  checkPeriod(input, await schoolYearOf(trx, scope.orgId, agreement.school_year_id), 'period');
  const id = await insertPeriod(trx, scope.orgId, agreementId, input);
  await audit(trx, scope, 'period.created', 'training_pfmp_period', id, { agreementId, ...input });
  return agreementDto(trx, scope, agreementId);
}

export async function managedPeriod(trx: Db, scope: TrainingScope, periodId: string) {
  const period = await trx
    .selectFrom('training_pfmp_period')
    .selectAll()
    .where('org_id', '=', scope.orgId)
    .where('id', '=', periodId)
    .executeTakeFirst();
  if (!period) throw notFound('Période');
  await managedAgreement(trx, scope, period.agreement_id).catch(() => {
    throw notFound('Période');
  });
  return period;
}

export async function deletePeriod(trx: Db, scope: TrainingScope, periodId: string) {
  const period = await managedPeriod(trx, scope, periodId);
  await trx
    .deleteFrom('training_pfmp_attendance')
    .where('org_id', '=', scope.orgId)
    .where('period_id', '=', periodId)
    .execute();
  await trx
    .deleteFrom('training_pfmp_period')
    .where('org_id', '=', scope.orgId)
    .where('id', '=', periodId)
    .execute();
  await audit(trx, scope, 'period.deleted', 'training_pfmp_period', periodId, null, {
    startsOn: period.starts_on,
    endsOn: period.ends_on,
  });
  return agreementDto(trx, scope, period.agreement_id);
}

/** Records (or clears, with a null status) the attendance of days of one period: all or nothing. */
export async function recordAttendance(
  trx: Db,
  scope: TrainingScope,
  periodId: string,
  input: AttendanceInput,
  today: CalendarDate = todayIn(),
) {
  const period = await managedPeriod(trx, scope, periodId);
  for (const [i, { day }] of input.days.entries()) {
    if (day < period.starts_on || day > period.ends_on) {
      const message = `Le ${formatDateFr(day)} est en dehors de la période (du ${formatDateFr(period.starts_on)} au ${formatDateFr(period.ends_on)}).`;
      throw invalid(message, [{ field: `days.${i}.day`, message }]);
    }
    if (day > today) {
      const message = `Le ${formatDateFr(day)} n’est pas encore passé : la présence se saisit le jour même ou après.`;
      throw invalid(message, [{ field: `days.${i}.day`, message }]);
    }
  }
  const at = now();
  for (const { day, status } of input.days) {
    await trx
      .deleteFrom('training_pfmp_attendance')
      .where('org_id', '=', scope.orgId)
      .where('period_id', '=', periodId)
      .where('day', '=', day)
      .execute();
    if (status)
      await trx
        .insertInto('training_pfmp_attendance')
        .values({
          org_id: scope.orgId,
          period_id: periodId,
          day,
          status,
          recorded_by: scope.userId,
          recorded_at: at,
        })
        .execute();
  }
  await audit(trx, scope, 'attendance.recorded', 'training_pfmp_period', periodId, input);
  return agreementDto(trx, scope, period.agreement_id);
}

export async function referentielOfStudent(db: Db, orgId: string, student: TrainingStudentTable) {
  const cls = await classOf(db, orgId, student.class_id);
  return loadReferentiel(cls.referentiel_id);
}

/** The référentiel's tasks done during the placement: the student ticks their own, teachers any. */
export async function setActivities(trx: Db, scope: TrainingScope, agreementId: string, taskCodes: string[]) {
  const { agreement, student } = await accessAgreement(trx, scope, agreementId);
  const referentiel = await referentielOfStudent(trx, scope.orgId, student);
  const known = new Set(
    referentiel.areas.flatMap((a) => a.activities.flatMap((x) => x.tasks.map((t) => t.code))),
  );
  const unknown = taskCodes.filter((c) => !known.has(c));
  if (unknown.length > 0)
    throw invalid(`Tâche inconnue du référentiel : ${unknown.join(', ')}.`, [
      { field: 'taskCodes', message: 'Choisissez des tâches du référentiel.' },
    ]);
  const before = await activitiesOf(trx, scope.orgId, [agreementId]);
  await trx
    .deleteFrom('training_pfmp_activity')
    .where('org_id', '=', scope.orgId)
    .where('agreement_id', '=', agreementId)
    .execute();
  const at = now();
  const codes = [...new Set(taskCodes)];
  if (codes.length > 0)
    await trx
      .insertInto('training_pfmp_activity')
      .values(
        codes.map((code) => ({
          org_id: scope.orgId,
          agreement_id: agreementId,
          task_code: code,
          ticked_by: scope.userId,
          ticked_at: at,
        })),
      )
      .execute();
  await audit(
    trx,
    scope,
    'activities.set',
    'training_pfmp_agreement',
    agreement.id,
    { taskCodes: codes },
    { taskCodes: before.map((b) => b.task_code) },
  );
  return agreementDto(trx, scope, agreementId);
}

/** The tutor's assessment on the référentiel's indicators (1 to 4), entered by a teacher. */
export async function saveAssessment(
  trx: Db,
  scope: TrainingScope,
  agreementId: string,
  input: AssessmentInput,
) {
  const { student } = await managedAgreement(trx, scope, agreementId);
  await storeAssessment(trx, scope.orgId, student, agreementId, input, scope.userId);
  await audit(trx, scope, 'assessment.saved', 'training_pfmp_agreement', agreementId, input);
  return agreementDto(trx, scope, agreementId);
}

/**
 * Replaces an agreement's assessment: every indicator checked against the student's référentiel before
 * anything is written. Shared by the teacher's entry and the tutor's link (`enteredBy` null).
 */
export async function storeAssessment(
  trx: Db,
  orgId: string,
  student: TrainingStudentTable,
  agreementId: string,
  input: AssessmentInput,
  enteredBy: string | null,
) {
  const referentiel = await referentielOfStudent(trx, orgId, student);
  const competencyOf = new Map<string, string>();
  for (const block of referentiel.blocks)
    for (const competency of block.competencies)
      competency.indicators.forEach((_, i) => {
        competencyOf.set(indicatorCode(competency.code, i), competency.code);
      });
  const unknown = input.items.filter((item) => !competencyOf.has(item.indicatorCode));
  if (unknown.length > 0)
    throw invalid(`Indicateur inconnu du référentiel : ${unknown.map((u) => u.indicatorCode).join(', ')}.`, [
      { field: 'items', message: 'Choisissez des indicateurs du référentiel.' },
    ]);
  await trx
    .deleteFrom('training_pfmp_assessment')
    .where('org_id', '=', orgId)
    .where('agreement_id', '=', agreementId)
    .execute();
  const at = now();
  const items = [...new Map(input.items.map((item) => [item.indicatorCode, item])).values()];
  if (items.length > 0)
    await trx
      .insertInto('training_pfmp_assessment')
      .values(
        items.map((item) => ({
          org_id: orgId,
          agreement_id: agreementId,
          indicator_code: item.indicatorCode,
          competency_code: competencyOf.get(item.indicatorCode)!,
          level: item.level,
          comment: item.comment,
          entered_by: enteredBy,
          entered_at: at,
        })),
      )
      .execute();
  await trx
    .updateTable('training_pfmp_agreement')
    .set({
      assessment_comment: input.comment,
      assessment_source: input.source,
      assessed_on: input.assessedOn,
      updated_at: at,
    })
    .where('org_id', '=', orgId)
    .where('id', '=', agreementId)
    .execute();
}
