import { recordAudit } from '../../kernel/audit/audit.ts';
import { formatDateFr, nowInstant, todayIn } from '../../kernel/dates/index.ts';
import type { Db } from '../../kernel/db/index.ts';
import { conflict, invalid, notFound } from '../../kernel/errors/domain-error.ts';
import { newId } from '../../kernel/ids.ts';
import type { EmployeeDto, EmployeeInput } from '../employees/contract.ts';
import { createEmployee } from '../employees/employee.ts';
import { generateChecklist } from '../onboarding/checklist.ts';
import {
  APPLICANT_STATUS_LABELS_FR,
  type ApplicantInput,
  type ApplicantRefusalInput,
  type ApplicantStepInput,
  type InterviewInput,
} from './contract.ts';
import { getOpening, getOpeningRow, markOpeningFilled } from './opening.ts';
import type { ApplicantStatus } from './tables.ts';

// Applicants of an opening: received → preselected → interview → offer → hired, or refused at any step
// before hiring. Hiring creates the employee (register line, onboarding checklist) in the same
// transaction, fills the opening and ends every other open application.

const ENTITY = 'personnel_applicant';
const OPEN: readonly ApplicantStatus[] = ['received', 'preselected', 'interview', 'offer'];

export async function getApplicantRow(db: Db, orgId: string, id: string) {
  const row = await db
    .selectFrom('personnel_applicant')
    .selectAll()
    .where('org_id', '=', orgId)
    .where('id', '=', id)
    .executeTakeFirst();
  if (!row) throw notFound('Candidature');
  return row;
}

async function applicantOf(db: Db, orgId: string, id: string) {
  const row = await getApplicantRow(db, orgId, id);
  const opening = await getOpening(db, orgId, row.opening_id);
  return opening.applicants.find((a) => a.id === id)!;
}

async function requireOpen(db: Db, orgId: string, id: string, doing: string) {
  const row = await getApplicantRow(db, orgId, id);
  if (!OPEN.includes(row.status))
    throw conflict(
      `Impossible ${doing} : la candidature de ${row.first_name} ${row.last_name} est ${APPLICANT_STATUS_LABELS_FR[row.status].toLowerCase()}.`,
    );
  return row;
}

export async function addApplicant(
  trx: Db,
  orgId: string,
  openingId: string,
  input: ApplicantInput,
  actorId: string | null,
) {
  const opening = await getOpeningRow(trx, orgId, openingId);
  if (opening.status !== 'published')
    throw conflict('Les candidatures s’enregistrent sur une offre publiée.');
  const id = newId();
  const now = nowInstant();
  await trx
    .insertInto('personnel_applicant')
    .values({
      org_id: orgId,
      id,
      opening_id: openingId,
      last_name: input.lastName,
      first_name: input.firstName,
      email: input.email,
      phone: input.phone,
      cv_received_on: input.cvReceivedOn,
      source: input.source,
      status: 'received',
      refused_on: null,
      last_contact_on: input.cvReceivedOn,
      employee_id: null,
      notes: input.notes,
      created_at: now,
      created_by: actorId,
      updated_at: now,
    })
    .execute();
  await recordAudit(trx, {
    orgId,
    actorId,
    action: 'personnel.applicant.received',
    entity: ENTITY,
    entityId: id,
    after: { openingId, cvReceivedOn: input.cvReceivedOn },
  });
  return applicantOf(trx, orgId, id);
}

async function move(
  trx: Db,
  orgId: string,
  id: string,
  changes: { status: ApplicantStatus; on: string; refusedOn?: string; employeeId?: string },
  actorId: string | null,
) {
  const before = await getApplicantRow(trx, orgId, id);
  const lastContact = [changes.on, before.last_contact_on].sort().at(-1)!;
  const result = await trx
    .updateTable('personnel_applicant')
    .set({
      status: changes.status,
      last_contact_on: lastContact,
      refused_on: changes.refusedOn ?? before.refused_on,
      employee_id: changes.employeeId ?? before.employee_id,
      updated_at: nowInstant(),
    })
    .where('org_id', '=', orgId)
    .where('id', '=', id)
    .where('status', 'in', OPEN)
    .executeTakeFirst();
  if (Number(result.numUpdatedRows) !== 1) throw conflict('Cette candidature vient d’être close.');
  await recordAudit(trx, {
    orgId,
    actorId,
    action: `personnel.applicant.${changes.status}`,
    entity: ENTITY,
    entityId: id,
    before: { status: before.status },
    after: { status: changes.status, on: changes.on },
  });
}

/** Moves an application along the pipeline (back as well: a preselection withdrawn). */
export async function setApplicantStep(
  trx: Db,
  orgId: string,
  id: string,
  input: ApplicantStepInput,
  actorId: string | null,
) {
  await requireOpen(trx, orgId, id, 'de changer d’étape');
  await move(trx, orgId, id, { status: input.status, on: input.on ?? todayIn() }, actorId);
  return applicantOf(trx, orgId, id);
}

export async function addInterview(
  trx: Db,
  orgId: string,
  id: string,
  input: InterviewInput,
  actorId: string | null,
) {
  const row = await requireOpen(trx, orgId, id, 'd’ajouter un entretien');
  if (input.heldOn < row.cv_received_on)
    throw invalid('L’entretien ne peut précéder la réception du CV.', [
      { field: 'heldOn', message: `CV reçu le ${formatDateFr(row.cv_received_on)}.` },
    ]);
  const interviewId = newId();
  await trx
    .insertInto('personnel_applicant_interview')
    .values({
      org_id: orgId,
      id: interviewId,
      applicant_id: id,
      held_on: input.heldOn,
      interviewers: input.interviewers,
      notes: input.notes,
      created_at: nowInstant(),
      created_by: actorId,
    })
    .execute();
  const status = row.status === 'offer' ? 'offer' : 'interview';
  await move(trx, orgId, id, { status, on: input.heldOn }, actorId);
  return applicantOf(trx, orgId, id);
}

export async function refuseApplicant(
  trx: Db,
  orgId: string,
  id: string,
  input: ApplicantRefusalInput,
  actorId: string | null,
) {
  const row = await requireOpen(trx, orgId, id, 'de refuser');
  if (input.refusedOn < row.cv_received_on)
    throw invalid('Le refus ne peut précéder la réception du CV.', [
      { field: 'refusedOn', message: `CV reçu le ${formatDateFr(row.cv_received_on)}.` },
    ]);
  await move(trx, orgId, id, { status: 'refused', on: input.refusedOn, refusedOn: input.refusedOn }, actorId);
  return applicantOf(trx, orgId, id);
}

/**
 * Hires an applicant: the employee is created in the personnel file (register line) with the onboarding
 * checklist, the application is marked hired, the opening filled, and the other open applications are
 * refused on the hire's decision day (their refusal letter can then be printed).
 */
export async function hireApplicant(
  trx: Db,
  orgId: string,
  id: string,
  input: EmployeeInput,
  actorId: string | null,
): Promise<{ employee: EmployeeDto; applicantId: string; openingId: string }> {
  const row = await requireOpen(trx, orgId, id, 'd’embaucher');
  const employee = await createEmployee(trx, orgId, input, actorId);
  await generateChecklist(trx, orgId, employee.id, 'onboarding', actorId);
  const today = todayIn();
  await move(trx, orgId, id, { status: 'hired', on: today, employeeId: employee.id }, actorId);
  const others = await trx
    .selectFrom('personnel_applicant')
    .select('id')
    .where('org_id', '=', orgId)
    .where('opening_id', '=', row.opening_id)
    .where('status', 'in', OPEN)
    .execute();
  for (const other of others)
    await move(trx, orgId, other.id, { status: 'refused', on: today, refusedOn: today }, actorId);
  await markOpeningFilled(trx, orgId, row.opening_id, actorId);
  return { employee, applicantId: id, openingId: row.opening_id };
}
