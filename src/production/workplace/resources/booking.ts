import { recordAudit } from '../../../kernel/audit/audit.ts';
import { formatDateFr, nowInstant } from '../../../kernel/dates/index.ts';
import type { Db } from '../../../kernel/db/index.ts';
import { conflict, invalid, notFound } from '../../../kernel/errors/domain-error.ts';
import { newId } from '../../../kernel/ids.ts';
import { resolveBorrower } from './borrower.ts';
import type { BookingDto, BookingInput } from './contract.ts';
import { lockResource } from './resource.ts';
import type { ProductionResourceBookingTable } from './tables.ts';

// Bookings (réservations) of a resource for a coming period, by whole days: two bookings of one resource
// may not overlap, nor a booking a loan still out (decision 0043).

const ENTITY = 'production_resource_booking';
const fr = formatDateFr;

type Row = ProductionResourceBookingTable & { resource_name: string };
const toDto = (r: Row): BookingDto => ({
  id: r.id,
  resourceId: r.resource_id,
  resourceName: r.resource_name,
  employeeId: r.employee_id,
  borrowerName: r.borrower_name,
  from: r.from_date,
  to: r.to_date,
  purpose: r.purpose,
  status: r.status,
});

function bookingRows(db: Db, orgId: string) {
  return db
    .selectFrom('production_resource_booking as b')
    .innerJoin('production_shared_resource as r', (j) =>
      j.onRef('r.org_id', '=', 'b.org_id').onRef('r.id', '=', 'b.resource_id'),
    )
    .selectAll('b')
    .select('r.name as resource_name')
    .where('b.org_id', '=', orgId);
}

export async function getBooking(db: Db, orgId: string, id: string): Promise<BookingDto> {
  const row = await bookingRows(db, orgId).where('b.id', '=', id).executeTakeFirst();
  if (!row) throw notFound('Réservation');
  return toDto(row);
}

export async function listBookings(
  db: Db,
  orgId: string,
  query: { resourceId?: string; from?: string },
): Promise<BookingDto[]> {
  let q = bookingRows(db, orgId).where('b.status', '=', 'booked');
  if (query.resourceId) q = q.where('b.resource_id', '=', query.resourceId);
  if (query.from) q = q.where('b.to_date', '>=', query.from);
  return (await q.orderBy('b.from_date').orderBy('b.id').execute()).map(toDto);
}

export async function createBooking(
  trx: Db,
  orgId: string,
  input: BookingInput,
  asOf: string,
  actorId: string | null,
): Promise<BookingDto> {
  const resource = await lockResource(trx, orgId, input.resourceId);
  if (input.from < asOf)
    throw invalid(
      `Une réservation porte sur une période à venir : elle ne peut commencer avant aujourd’hui (${fr(asOf)}).`,
      [{ field: 'from', message: 'Date passée.' }],
    );
  const clash = await trx
    .selectFrom('production_resource_booking')
    .selectAll()
    .where('org_id', '=', orgId)
    .where('resource_id', '=', resource.id)
    .where('status', '=', 'booked')
    .where('from_date', '<=', input.to)
    .where('to_date', '>=', input.from)
    .orderBy('from_date')
    .executeTakeFirst();
  if (clash)
    throw conflict(
      `« ${resource.name} » est déjà réservée du ${fr(clash.from_date)} au ${fr(clash.to_date)} par ${clash.borrower_name}.`,
    );
  const open = await trx
    .selectFrom('production_resource_loan')
    .selectAll()
    .where('org_id', '=', orgId)
    .where('resource_id', '=', resource.id)
    .where('returned_on', 'is', null)
    .executeTakeFirst();
  // A loan still out holds the resource until its due date, or until today when it is late.
  if (open && open.out_on <= input.to && (open.due_on < asOf ? asOf : open.due_on) >= input.from)
    throw conflict(
      `« ${resource.name} » est prêtée à ${open.borrower_name} jusqu’au ${fr(open.due_on)}${open.due_on < asOf ? ' (retour en retard)' : ''} : choisissez une période après son retour.`,
    );
  const borrower = await resolveBorrower(trx, orgId, input, input.from);
  const id = newId();
  await trx
    .insertInto('production_resource_booking')
    .values({
      org_id: orgId,
      id,
      resource_id: resource.id,
      employee_id: borrower.employeeId,
      borrower_name: borrower.name,
      from_date: input.from,
      to_date: input.to,
      purpose: input.purpose,
      status: 'booked',
      created_at: nowInstant(),
      created_by: actorId,
      cancelled_at: null,
    })
    .execute();
  await recordAudit(trx, {
    orgId,
    actorId,
    action: 'production.resource.booked',
    entity: ENTITY,
    entityId: id,
    after: { resourceId: resource.id, borrower: borrower.name, from: input.from, to: input.to },
  });
  return getBooking(trx, orgId, id);
}

export async function cancelBooking(trx: Db, orgId: string, id: string, actorId: string | null) {
  const booking = await getBooking(trx, orgId, id);
  await lockResource(trx, orgId, booking.resourceId);
  const current = await getBooking(trx, orgId, id);
  if (current.status === 'cancelled') throw conflict('Cette réservation est déjà annulée.');
  await trx
    .updateTable('production_resource_booking')
    .set({ status: 'cancelled', cancelled_at: nowInstant() })
    .where('org_id', '=', orgId)
    .where('id', '=', id)
    .execute();
  await recordAudit(trx, {
    orgId,
    actorId,
    action: 'production.resource.booking_cancelled',
    entity: ENTITY,
    entityId: id,
    before: { status: 'booked' },
    after: { status: 'cancelled' },
  });
  return getBooking(trx, orgId, id);
}
