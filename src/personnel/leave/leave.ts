import { recordAudit } from '../../kernel/audit/audit.ts';
import { formatDateFr, nowInstant, spansOverlap } from '../../kernel/dates/index.ts';
import type { Db } from '../../kernel/db/index.ts';
import { conflict, invalid, ruleBroken } from '../../kernel/errors/domain-error.ts';
import { newId } from '../../kernel/ids.ts';
import { getEmployee } from '../employees/employee.ts';
import { daysFr, leaveBalance } from './balance.ts';
import {
  type ApprovalInput,
  type CancellationInput,
  LEAVE_STATUS_LABELS_FR,
  LEAVE_TYPE_LABELS_FR,
  type LeaveRequestDto,
  type LeaveRequestInput,
  type RefusalInput,
} from './contract.ts';
import { countHalfDays, employeeRecords, getLeaveRequest, spanOf } from './leave-read.ts';

// Leave requests: asked (requested), then approved or refused with a reason by someone holding
// personnel.write, or cancelled. A decided request is not edited: it is cancelled and asked again.

const ENTITY = 'personnel_leave_request';
const fr = formatDateFr;

/**
 * Locks the employee's row until commit (a no-op update, a write lock on both databases): two requests or
 * decisions for one employee at once serialise, so the second sees the first's overlap and balance.
 */
async function lockEmployee(trx: Db, orgId: string, employeeId: string) {
  await trx
    .updateTable('personnel_employee')
    .set((eb) => ({ updated_at: eb.ref('updated_at') }))
    .where('org_id', '=', orgId)
    .where('id', '=', employeeId)
    .execute();
}

async function assertPossible(
  trx: Db,
  orgId: string,
  request: Pick<
    LeaveRequestDto,
    'id' | 'employeeId' | 'type' | 'from' | 'to' | 'startsAfternoon' | 'endsMorning'
  > & {
    halfDays: number;
  },
) {
  const employee = await getEmployee(trx, orgId, request.employeeId);
  const name = `${employee.firstName} ${employee.lastName}`;
  if (request.from < employee.hireDate)
    throw ruleBroken(`${name} est entré(e) le ${fr(employee.hireDate)} : pas d’absence avant cette date.`);
  if (employee.leftOn && request.to > employee.leftOn)
    throw ruleBroken(
      `${name} a quitté l’organisation le ${fr(employee.leftOn)} : pas d’absence après cette date.`,
    );
  const records = await employeeRecords(trx, orgId, employee.id);
  const span = spanOf(request);
  const clash = records.find(
    (r) =>
      r.id !== request.id &&
      (r.status === 'requested' || r.status === 'approved') &&
      spansOverlap(r.span, span),
  );
  if (clash)
    throw conflict(
      `Cette absence chevauche celle du ${fr(clash.span.from)} au ${fr(clash.span.to)} (${LEAVE_TYPE_LABELS_FR[clash.type]}, ${LEAVE_STATUS_LABELS_FR[clash.status].toLowerCase()}).`,
    );
  if (request.type !== 'paid_leave') return;
  // The account on the leave's first day, counting the other requests not decided yet as taken.
  const balance = leaveBalance(
    employee,
    records.filter((r) => r.id !== request.id),
    request.from,
  );
  const asked = request.halfDays * 50;
  const available = balance.remaining - balance.pending;
  if (asked > available)
    throw ruleBroken(
      `Solde de congés payés insuffisant : ${daysFr(asked)} jour(s) ouvrable(s) demandé(s), ${daysFr(Math.max(0, available))} disponible(s) au ${fr(request.from)} (acquis sur la période précédente : ${daysFr(balance.entitlement)}, en cours d’acquisition : ${daysFr(balance.acquiring)}, déjà pris : ${daysFr(balance.taken)}, demandés en attente : ${daysFr(balance.pending)}).`,
      'leave.balance',
    );
}

export async function createLeaveRequest(
  trx: Db,
  orgId: string,
  input: LeaveRequestInput,
  actorId: string | null,
): Promise<LeaveRequestDto> {
  const halfDays = countHalfDays(input.type, spanOf(input));
  if (halfDays === 0)
    throw invalid(
      `Aucun jour à décompter du ${fr(input.from)} au ${fr(input.to)} (repos hebdomadaire ou jours fériés).`,
      [{ field: 'to', message: 'Aucun jour à décompter.' }],
    );
  const id = newId();
  await lockEmployee(trx, orgId, input.employeeId);
  await assertPossible(trx, orgId, { ...input, id, halfDays });
  const now = nowInstant();
  await trx
    .insertInto('personnel_leave_request')
    .values({
      org_id: orgId,
      id,
      employee_id: input.employeeId,
      type: input.type,
      status: 'requested',
      start_date: input.from,
      end_date: input.to,
      starts_afternoon: input.startsAfternoon ? 1 : 0,
      ends_morning: input.endsMorning ? 1 : 0,
      half_days: halfDays,
      comment: input.comment,
      decided_at: null,
      decided_by: null,
      decision_reason: null,
      cancelled_at: null,
      cancelled_by: null,
      cancel_reason: null,
      created_at: now,
      created_by: actorId,
      updated_at: now,
    })
    .execute();
  await recordAudit(trx, {
    orgId,
    actorId,
    action: 'personnel.leave.requested',
    entity: ENTITY,
    entityId: id,
    after: { employeeId: input.employeeId, type: input.type, from: input.from, to: input.to, halfDays },
  });
  return getLeaveRequest(trx, orgId, id);
}

async function requireStatus(trx: Db, orgId: string, id: string, allowed: readonly string[], doing: string) {
  await lockEmployee(trx, orgId, (await getLeaveRequest(trx, orgId, id)).employeeId);
  // Read again under the lock: a decision made meanwhile is seen.
  const request = await getLeaveRequest(trx, orgId, id);
  if (!allowed.includes(request.status))
    throw conflict(
      `Impossible ${doing} une demande ${LEAVE_STATUS_LABELS_FR[request.status].toLowerCase()}.`,
    );
  return request;
}

async function decide(
  trx: Db,
  orgId: string,
  id: string,
  changes: { status: 'approved' | 'refused'; reason: string | null },
  actorId: string | null,
) {
  const now = nowInstant();
  await trx
    .updateTable('personnel_leave_request')
    .set({
      status: changes.status,
      decided_at: now,
      decided_by: actorId,
      decision_reason: changes.reason,
      updated_at: now,
    })
    .where('org_id', '=', orgId)
    .where('id', '=', id)
    .where('status', '=', 'requested')
    .execute();
  await recordAudit(trx, {
    orgId,
    actorId,
    action: `personnel.leave.${changes.status}`,
    entity: ENTITY,
    entityId: id,
    before: { status: 'requested' },
    after: { status: changes.status, reason: changes.reason },
  });
  return getLeaveRequest(trx, orgId, id);
}

/** Approves a request, checking again what may have changed since (a departure, the balance). */
export async function approveLeaveRequest(
  trx: Db,
  orgId: string,
  id: string,
  input: ApprovalInput,
  actorId: string | null,
): Promise<LeaveRequestDto> {
  const request = await requireStatus(trx, orgId, id, ['requested'], 'd’accepter');
  await assertPossible(trx, orgId, request);
  return decide(trx, orgId, id, { status: 'approved', reason: input.note }, actorId);
}

export async function refuseLeaveRequest(
  trx: Db,
  orgId: string,
  id: string,
  input: RefusalInput,
  actorId: string | null,
): Promise<LeaveRequestDto> {
  await requireStatus(trx, orgId, id, ['requested'], 'de refuser');
  return decide(trx, orgId, id, { status: 'refused', reason: input.reason }, actorId);
}

/** Withdraws a request, or cancels an approved leave (its days return to the balance). */
export async function cancelLeaveRequest(
  trx: Db,
  orgId: string,
  id: string,
  input: CancellationInput,
  actorId: string | null,
): Promise<LeaveRequestDto> {
  const request = await requireStatus(trx, orgId, id, ['requested', 'approved'], 'd’annuler');
  const now = nowInstant();
  await trx
    .updateTable('personnel_leave_request')
    .set({
      status: 'cancelled',
      cancelled_at: now,
      cancelled_by: actorId,
      cancel_reason: input.reason,
      updated_at: now,
    })
    .where('org_id', '=', orgId)
    .where('id', '=', id)
    .execute();
  await recordAudit(trx, {
    orgId,
    actorId,
    action: 'personnel.leave.cancelled',
    entity: ENTITY,
    entityId: id,
    before: { status: request.status },
    after: { status: 'cancelled', reason: input.reason },
  });
  return getLeaveRequest(trx, orgId, id);
}
