import { recordAudit } from '../../../kernel/audit/audit.ts';
import { formatDateFr, nowInstant } from '../../../kernel/dates/index.ts';
import type { Db } from '../../../kernel/db/index.ts';
import { isUniqueViolation } from '../../../kernel/db/index.ts';
import { conflict, invalid, ruleBroken } from '../../../kernel/errors/domain-error.ts';
import { newId } from '../../../kernel/ids.ts';
import { resolveBorrower, sameBorrower } from './borrower.ts';
import type { LoanDto, LoanInput, ReturnInput } from './contract.ts';
import { getLoan } from './loan-read.ts';
import { lockResource } from './resource.ts';

// Check-out and check-in. A resource is out to one borrower at a time: the resource's row is locked for
// the transaction, the open loan looked for, and a unique index on the open loans refuses a second one
// whatever happens (decision 0043).

const ENTITY = 'production_resource_loan';
const fr = formatDateFr;

async function openLoanOf(trx: Db, orgId: string, resourceId: string) {
  return trx
    .selectFrom('production_resource_loan')
    .selectAll()
    .where('org_id', '=', orgId)
    .where('resource_id', '=', resourceId)
    .where('returned_on', 'is', null)
    .executeTakeFirst();
}

export async function lendResource(
  trx: Db,
  orgId: string,
  input: LoanInput,
  asOf: string,
  actorId: string | null,
): Promise<LoanDto> {
  const resource = await lockResource(trx, orgId, input.resourceId);
  if (input.outOn > asOf)
    throw invalid(
      `La sortie ne peut être postérieure à aujourd’hui (${fr(asOf)}) : pour une période à venir, réservez la ressource.`,
      [{ field: 'outOn', message: 'Date future.' }],
    );
  if (resource.state === 'out_of_service')
    throw ruleBroken(`« ${resource.name} » est hors service : elle ne peut pas être prêtée.`);
  const open = await openLoanOf(trx, orgId, resource.id);
  const alreadyOut = () =>
    conflict(
      open
        ? `« ${resource.name} » est déjà prêtée à ${open.borrower_name} depuis le ${fr(open.out_on)} (retour prévu le ${fr(open.due_on)}) : enregistrez d’abord son retour.`
        : `« ${resource.name} » vient d’être prêtée : actualisez la liste.`,
    );
  if (open) throw alreadyOut();
  const borrower = await resolveBorrower(trx, orgId, input, input.outOn);
  const booking = (
    await trx
      .selectFrom('production_resource_booking')
      .selectAll()
      .where('org_id', '=', orgId)
      .where('resource_id', '=', resource.id)
      .where('status', '=', 'booked')
      .where('from_date', '<=', input.dueOn)
      .where('to_date', '>=', input.outOn)
      .orderBy('from_date')
      .execute()
  ).find((b) => !sameBorrower(borrower, b));
  if (booking)
    throw conflict(
      `« ${resource.name} » est réservée du ${fr(booking.from_date)} au ${fr(booking.to_date)} par ${booking.borrower_name} : choisissez un retour prévu avant le ${fr(booking.from_date)}.`,
    );
  const id = newId();
  try {
    await trx
      .insertInto('production_resource_loan')
      .values({
        org_id: orgId,
        id,
        resource_id: resource.id,
        employee_id: borrower.employeeId,
        borrower_name: borrower.name,
        out_on: input.outOn,
        due_on: input.dueOn,
        state_out: resource.state,
        remarks_out: input.remarks,
        returned_on: null,
        state_returned: null,
        remarks_returned: null,
        created_at: nowInstant(),
        created_by: actorId,
        returned_at: null,
        returned_by: null,
      })
      .execute();
  } catch (error) {
    if (isUniqueViolation(error)) throw alreadyOut();
    throw error;
  }
  await recordAudit(trx, {
    orgId,
    actorId,
    action: 'production.resource.lent',
    entity: ENTITY,
    entityId: id,
    after: { resourceId: resource.id, borrower: borrower.name, outOn: input.outOn, dueOn: input.dueOn },
  });
  return getLoan(trx, orgId, id, asOf);
}

/** Check-in: the day, the state on return (it becomes the resource's state) and remarks. */
export async function returnLoan(
  trx: Db,
  orgId: string,
  id: string,
  input: ReturnInput,
  asOf: string,
  actorId: string | null,
): Promise<LoanDto> {
  const loan = await getLoan(trx, orgId, id, asOf);
  await lockResource(trx, orgId, loan.resourceId);
  const current = await getLoan(trx, orgId, id, asOf);
  if (current.returnedOn) throw conflict(`Ce prêt a déjà été rendu le ${fr(current.returnedOn)}.`);
  if (input.returnedOn < current.outOn)
    throw invalid(`Le retour ne peut précéder la sortie (${fr(current.outOn)}).`, [
      { field: 'returnedOn', message: 'Date antérieure à la sortie.' },
    ]);
  if (input.returnedOn > asOf)
    throw invalid(`Le retour ne peut être postérieur à aujourd’hui (${fr(asOf)}).`, [
      { field: 'returnedOn', message: 'Date future.' },
    ]);
  await trx
    .updateTable('production_resource_loan')
    .set({
      returned_on: input.returnedOn,
      state_returned: input.state,
      remarks_returned: input.remarks,
      returned_at: nowInstant(),
      returned_by: actorId,
    })
    .where('org_id', '=', orgId)
    .where('id', '=', id)
    .execute();
  await trx
    .updateTable('production_shared_resource')
    .set({ state: input.state, updated_at: nowInstant() })
    .where('org_id', '=', orgId)
    .where('id', '=', current.resourceId)
    .execute();
  await recordAudit(trx, {
    orgId,
    actorId,
    action: 'production.resource.returned',
    entity: ENTITY,
    entityId: id,
    before: { returnedOn: null, state: current.stateOut },
    after: { returnedOn: input.returnedOn, state: input.state, remarks: input.remarks },
  });
  return getLoan(trx, orgId, id, asOf);
}
