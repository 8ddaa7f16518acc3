import { recordAudit } from '../../kernel/audit/audit.ts';
import { type CalendarDate, formatDateFr, todayIn } from '../../kernel/dates/index.ts';
import type { Db } from '../../kernel/db/index.ts';
import { invalid, notFound } from '../../kernel/errors/domain-error.ts';
import { newId } from '../../kernel/ids.ts';
import { managedStudent, type TrainingScope } from '../classes/access.ts';
import { ensureSchoolYear } from '../classes/class.ts';
import { studentDisplayName as studentName } from '../classes/student-access.ts';
import { loadReferentiel } from '../referentiel/referentiel.ts';
import type { PfmpAttendanceStatus, TrainingStudentTable } from '../tables.ts';
import {
  type AgreementDto,
  type AgreementInput,
  type AgreementUpdate,
  type AssessmentInput,
  type AttendanceInput,
  type HostDto,
  type HostInput,
  indicatorCode,
  type PeriodInput,
  type PfmpStudentSummaryDto,
  type StudentPfmpDto,
  type TutorAssessmentDto,
  type TutorDto,
  type TutorInput,
} from './contract.ts';
import {
  allowanceByYear,
  countPeriod,
  EXAM_MINIMUM_WEEKS,
  type PeriodFacts,
  type PfmpWarning,
  pfmpWarnings,
  weeksOf,
} from './counting.ts';

// PFMP (issue 5 part 8). Rows belong to the school. The class's teachers (and the owner) manage a
// student's placements; the student reads their own and ticks the tasks they did; anyone else gets 404.

const now = () => new Date().toISOString();

function isManager(scope: TrainingScope) {
  return scope.role === 'owner' || scope.role === 'teacher';
}

/** The student record the caller may see: their teachers manage it, the student reads their own. */
async function accessStudent(db: Db, scope: TrainingScope, studentId: string) {
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

async function findAgreement(db: Db, orgId: string, agreementId: string) {
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
async function accessAgreement(db: Db, scope: TrainingScope, agreementId: string) {
  const agreement = await findAgreement(db, scope.orgId, agreementId);
  const access = await accessStudent(db, scope, agreement.student_id).catch(() => {
    throw notFound('Convention');
  });
  return { agreement, ...access };
}

async function managedAgreement(db: Db, scope: TrainingScope, agreementId: string) {
  const access = await accessAgreement(db, scope, agreementId);
  if (!access.canManage) throw notFound('Convention');
  return access;
}

async function audit(
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

// ————— Host organisations and tutors —————

function requireManager(scope: TrainingScope) {
  if (!isManager(scope)) throw notFound('Organisation d’accueil');
}

export async function listHosts(db: Db, scope: TrainingScope): Promise<HostDto[]> {
  requireManager(scope);
  const hosts = await db
    .selectFrom('training_pfmp_host')
    .selectAll()
    .where('org_id', '=', scope.orgId)
    .orderBy('name')
    .execute();
  const tutors = await db
    .selectFrom('training_pfmp_tutor')
    .selectAll()
    .where('org_id', '=', scope.orgId)
    .orderBy('name')
    .execute();
  return hosts.map((h) => ({
    id: h.id,
    name: h.name,
    siret: h.siret,
    address: h.address,
    sector: h.sector,
    contactName: h.contact_name,
    contactEmail: h.contact_email,
    contactPhone: h.contact_phone,
    tutors: tutors.filter((t) => t.host_id === h.id).map(toTutorDto),
  }));
}

function toTutorDto(t: {
  id: string;
  host_id: string;
  name: string;
  function: string;
  email: string | null;
  phone: string | null;
}): TutorDto {
  return { id: t.id, hostId: t.host_id, name: t.name, function: t.function, email: t.email, phone: t.phone };
}

async function getHost(db: Db, scope: TrainingScope, hostId: string): Promise<HostDto> {
  const host = (await listHosts(db, scope)).find((h) => h.id === hostId);
  if (!host) throw notFound('Organisation d’accueil');
  return host;
}

const hostRow = (input: HostInput) => ({
  name: input.name,
  siret: input.siret,
  address: input.address,
  sector: input.sector,
  contact_name: input.contactName,
  contact_email: input.contactEmail,
  contact_phone: input.contactPhone,
});

export async function createHost(trx: Db, scope: TrainingScope, input: HostInput): Promise<HostDto> {
  requireManager(scope);
  const id = newId();
  await trx
    .insertInto('training_pfmp_host')
    .values({ org_id: scope.orgId, id, ...hostRow(input), created_at: now() })
    .execute();
  await audit(trx, scope, 'host.created', 'training_pfmp_host', id, input);
  return getHost(trx, scope, id);
}

export async function updateHost(trx: Db, scope: TrainingScope, hostId: string, input: HostInput) {
  const before = await getHost(trx, scope, hostId);
  await trx
    .updateTable('training_pfmp_host')
    .set(hostRow(input))
    .where('org_id', '=', scope.orgId)
    .where('id', '=', hostId)
    .execute();
  await audit(trx, scope, 'host.updated', 'training_pfmp_host', hostId, input, before);
  return getHost(trx, scope, hostId);
}

export async function addTutor(trx: Db, scope: TrainingScope, hostId: string, input: TutorInput) {
  await getHost(trx, scope, hostId);
  const id = newId();
  await trx
    .insertInto('training_pfmp_tutor')
    .values({
      org_id: scope.orgId,
      id,
      host_id: hostId,
      name: input.name,
      function: input.function,
      email: input.email,
      phone: input.phone,
      created_at: now(),
    })
    .execute();
  await audit(trx, scope, 'tutor.created', 'training_pfmp_tutor', id, { hostId, ...input });
  return getHost(trx, scope, hostId);
}

// ————— Agreements and periods —————

async function schoolYearOf(db: Db, orgId: string, schoolYearId: string) {
  return db
    .selectFrom('training_school_year')
    .select(['label', 'starts_on', 'ends_on'])
    .where('org_id', '=', orgId)
    .where('id', '=', schoolYearId)
    .executeTakeFirstOrThrow();
}

async function classOf(db: Db, orgId: string, classId: string) {
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

/** The checks every period passes: a real span inside the agreement's school year. */
function checkPeriod(
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

async function checkTutorAndReferent(
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

async function insertPeriod(trx: Db, orgId: string, agreementId: string, period: PeriodInput) {
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

async function managedPeriod(trx: Db, scope: TrainingScope, periodId: string) {
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

async function referentielOfStudent(db: Db, orgId: string, student: TrainingStudentTable) {
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
  const referentiel = await referentielOfStudent(trx, scope.orgId, student);
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
    .where('org_id', '=', scope.orgId)
    .where('agreement_id', '=', agreementId)
    .execute();
  const at = now();
  const items = [...new Map(input.items.map((item) => [item.indicatorCode, item])).values()];
  if (items.length > 0)
    await trx
      .insertInto('training_pfmp_assessment')
      .values(
        items.map((item) => ({
          org_id: scope.orgId,
          agreement_id: agreementId,
          indicator_code: item.indicatorCode,
          competency_code: competencyOf.get(item.indicatorCode)!,
          level: item.level,
          comment: item.comment,
          entered_by: scope.userId,
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
    .where('org_id', '=', scope.orgId)
    .where('id', '=', agreementId)
    .execute();
  await audit(trx, scope, 'assessment.saved', 'training_pfmp_agreement', agreementId, input);
  return agreementDto(trx, scope, agreementId);
}

// ————— Reading —————

async function activitiesOf(db: Db, orgId: string, agreementIds: string[]) {
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
async function loadAgreements(db: Db, orgId: string, studentId: string, today: CalendarDate) {
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

async function agreementDto(db: Db, scope: TrainingScope, agreementId: string): Promise<AgreementDto> {
  const agreement = await findAgreement(db, scope.orgId, agreementId);
  const { agreements } = await loadAgreements(db, scope.orgId, agreement.student_id, todayIn());
  return agreements.find((a) => a.id === agreementId)!;
}

function warningMessage(warning: PfmpWarning): { message: string; periodIds: string[] } {
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
  const live = counts.filter((_, i) => facts[i]!.status !== 'cancelled');
  const plannedDays = live.reduce((s, c) => s + c.plannedDays, 0);
  const daysDone = live.reduce((s, c) => s + c.daysPresent, 0);
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
  for (const table of ['training_pfmp_period', 'training_pfmp_activity', 'training_pfmp_assessment'] as const)
    await trx.deleteFrom(table).where('org_id', '=', orgId).where('agreement_id', 'in', agreements).execute();
  await trx
    .deleteFrom('training_pfmp_agreement')
    .where('org_id', '=', orgId)
    .where('student_id', '=', studentId)
    .execute();
}
