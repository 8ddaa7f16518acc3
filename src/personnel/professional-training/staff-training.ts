import { recordAudit } from '../../kernel/audit/audit.ts';
import { nowInstant } from '../../kernel/dates/index.ts';
import type { Db } from '../../kernel/db/index.ts';
import { conflict, notFound } from '../../kernel/errors/domain-error.ts';
import { newId } from '../../kernel/ids.ts';
import { getEmployee } from '../employees/employee.ts';
import type { ActionDto, ActionInput, ActionList, EnrolmentUpdateInput } from './contract.ts';
import type { PersonnelStaffTrainingActionTable } from './tables.ts';

// The actions of the plan de développement des compétences and the employees enrolled in them.

const ENTITY = 'personnel_staff_training_action';

async function enrolmentsOf(db: Db, orgId: string, actionIds: string[]) {
  if (actionIds.length === 0) return [];
  return db
    .selectFrom('personnel_staff_training_enrolment as n')
    .innerJoin('personnel_employee as e', (j) =>
      j.onRef('e.org_id', '=', 'n.org_id').onRef('e.id', '=', 'n.employee_id'),
    )
    .selectAll('n')
    .select(['e.last_name', 'e.first_name'])
    .where('n.org_id', '=', orgId)
    .where('n.action_id', 'in', actionIds)
    .orderBy('e.last_name')
    .orderBy('n.id')
    .execute();
}

function toDto(row: PersonnelStaffTrainingActionTable, enrolments: Awaited<ReturnType<typeof enrolmentsOf>>) {
  return {
    id: row.id,
    title: row.title,
    provider: row.provider,
    startsOn: row.starts_on,
    endsOn: row.ends_on,
    hours: Number(row.hours),
    cost: Number(row.cost),
    funding: row.funding,
    notes: row.notes,
    enrolments: enrolments
      .filter((n) => n.action_id === row.id)
      .map((n) => ({
        id: n.id,
        employeeId: n.employee_id,
        employeeName: `${n.last_name} ${n.first_name}`,
        status: n.status,
        attestationReceived: Number(n.attestation_received) === 1,
      })),
  } satisfies ActionDto;
}

export async function listActions(db: Db, orgId: string, year?: number): Promise<ActionList> {
  let q = db.selectFrom('personnel_staff_training_action').selectAll().where('org_id', '=', orgId);
  if (year) q = q.where('starts_on', '>=', `${year}-01-01`).where('starts_on', '<=', `${year}-12-31`);
  const rows = await q.orderBy('starts_on', 'desc').orderBy('id').execute();
  const enrolments = await enrolmentsOf(
    db,
    orgId,
    rows.map((r) => r.id),
  );
  return { items: rows.map((r) => toDto(r, enrolments)) };
}

export async function getAction(db: Db, orgId: string, id: string): Promise<ActionDto> {
  const row = await db
    .selectFrom('personnel_staff_training_action')
    .selectAll()
    .where('org_id', '=', orgId)
    .where('id', '=', id)
    .executeTakeFirst();
  if (!row) throw notFound('Action de formation');
  return toDto(row, await enrolmentsOf(db, orgId, [id]));
}

export async function createAction(trx: Db, orgId: string, input: ActionInput, actorId: string | null) {
  const id = newId();
  const now = nowInstant();
  await trx
    .insertInto('personnel_staff_training_action')
    .values({
      org_id: orgId,
      id,
      title: input.title,
      provider: input.provider,
      starts_on: input.startsOn,
      ends_on: input.endsOn,
      hours: input.hours,
      cost: input.cost,
      funding: input.funding,
      notes: input.notes,
      created_at: now,
      created_by: actorId,
      updated_at: now,
    })
    .execute();
  await recordAudit(trx, {
    orgId,
    actorId,
    action: 'personnel.staff_training.created',
    entity: ENTITY,
    entityId: id,
    after: { title: input.title, cost: input.cost, hours: input.hours, funding: input.funding },
  });
  return getAction(trx, orgId, id);
}

export async function enrolEmployee(
  trx: Db,
  orgId: string,
  actionId: string,
  employeeId: string,
  actorId: string | null,
) {
  const action = await getAction(trx, orgId, actionId);
  const employee = await getEmployee(trx, orgId, employeeId);
  const name = `${employee.firstName} ${employee.lastName}`;
  if (action.enrolments.some((n) => n.employeeId === employeeId))
    throw conflict(`${name} est déjà inscrit(e) à cette formation.`);
  if (employee.leftOn && employee.leftOn < action.startsOn)
    throw conflict(`${name} a quitté l’organisation avant le début de la formation.`);
  const now = nowInstant();
  const id = newId();
  await trx
    .insertInto('personnel_staff_training_enrolment')
    .values({
      org_id: orgId,
      id,
      action_id: actionId,
      employee_id: employeeId,
      status: 'planned',
      attestation_received: 0,
      created_at: now,
      updated_at: now,
    })
    .execute();
  await recordAudit(trx, {
    orgId,
    actorId,
    action: 'personnel.staff_training.enrolled',
    entity: 'personnel_staff_training_enrolment',
    entityId: id,
    after: { actionId, employeeId },
  });
  return getAction(trx, orgId, actionId);
}

export async function updateEnrolment(
  trx: Db,
  orgId: string,
  enrolmentId: string,
  input: EnrolmentUpdateInput,
  actorId: string | null,
) {
  const row = await trx
    .selectFrom('personnel_staff_training_enrolment')
    .selectAll()
    .where('org_id', '=', orgId)
    .where('id', '=', enrolmentId)
    .executeTakeFirst();
  if (!row) throw notFound('Inscription');
  if (input.attestationReceived && input.status !== 'done')
    throw conflict('L’attestation de fin de formation se reçoit pour une formation réalisée.');
  await trx
    .updateTable('personnel_staff_training_enrolment')
    .set({
      status: input.status,
      attestation_received: input.attestationReceived ? 1 : 0,
      updated_at: nowInstant(),
    })
    .where('org_id', '=', orgId)
    .where('id', '=', enrolmentId)
    .execute();
  await recordAudit(trx, {
    orgId,
    actorId,
    action: 'personnel.staff_training.enrolment_updated',
    entity: 'personnel_staff_training_enrolment',
    entityId: enrolmentId,
    before: { status: row.status, attestationReceived: Number(row.attestation_received) === 1 },
    after: input,
  });
  return getAction(trx, orgId, row.action_id);
}
