import { recordAudit } from '../../kernel/audit/audit.ts';
import { compareDates, formatDateFr, nowInstant } from '../../kernel/dates/index.ts';
import type { Db } from '../../kernel/db/index.ts';
import { conflict, invalid, notFound } from '../../kernel/errors/domain-error.ts';
import { newId } from '../../kernel/ids.ts';
import { formatNumber, takeNextNumber } from '../../kernel/numbering/numbering.ts';
import { post } from '../../ledger/index.ts';
import { getEmployee } from '../employees/employee.ts';
import type {
  PaymentInput,
  TransportMode,
  TravelOrderDto,
  TravelOrderInput,
  TravelOrderList,
} from './contract.ts';
import { bankPosting } from './posting.ts';
import type { PersonnelTravelOrderTable } from './tables.ts';

// A travel order (ordre de mission) is drafted, approved by someone who may write personnel data (it then
// gets its number OM-2026-0001), then marked done after the trip. Its advance, once approved, is paid by
// the bank (debit 467, credit 512) and deducted when the trip's expense report is reimbursed. A draft or
// an approved order whose advance is not paid may be cancelled. Every function runs in the caller's
// transaction and writes nothing when it refuses.

type Row = PersonnelTravelOrderTable & { last_name: string; first_name: string };

const toDto = (r: Row): TravelOrderDto => ({
  id: r.id,
  number: r.number,
  status: r.status,
  employeeId: r.employee_id,
  employeeName: `${r.first_name} ${r.last_name}`,
  purpose: r.purpose,
  destination: r.destination,
  departureDate: String(r.departure_date),
  returnDate: String(r.return_date),
  transport: r.transport as TransportMode,
  fiscalPower: r.fiscal_power === null ? null : Number(r.fiscal_power),
  electric: Number(r.electric) === 1,
  estimatedCost: Number(r.estimated_cost),
  advance: Number(r.advance),
  advancePaidOn: r.advance_paid_on === null ? null : String(r.advance_paid_on),
  advanceEntryId: r.advance_entry_id,
  approvedAt: r.approved_at === null ? null : String(r.approved_at),
});

function ordersQuery(db: Db, orgId: string) {
  return db
    .selectFrom('personnel_travel_order as o')
    .innerJoin('personnel_employee as e', (j) =>
      j.onRef('e.org_id', '=', 'o.org_id').onRef('e.id', '=', 'o.employee_id'),
    )
    .selectAll('o')
    .select(['e.last_name', 'e.first_name'])
    .where('o.org_id', '=', orgId);
}

export async function getTravelOrder(db: Db, orgId: string, orderId: string): Promise<TravelOrderDto> {
  const row = await ordersQuery(db, orgId).where('o.id', '=', orderId).executeTakeFirst();
  if (!row) throw notFound('Ordre de mission');
  return toDto(row);
}

export async function listTravelOrders(
  db: Db,
  orgId: string,
  query: { employeeId?: string | undefined; status?: TravelOrderDto['status'] | undefined } = {},
): Promise<TravelOrderList> {
  let q = ordersQuery(db, orgId);
  if (query.employeeId) q = q.where('o.employee_id', '=', query.employeeId);
  if (query.status) q = q.where('o.status', '=', query.status);
  const rows = await q.orderBy('o.departure_date', 'desc').orderBy('o.id', 'desc').limit(1000).execute();
  return { items: rows.map(toDto) };
}

async function checkEmployee(trx: Db, orgId: string, input: TravelOrderInput) {
  const employee = await getEmployee(trx, orgId, input.employeeId);
  if (employee.leftOn && compareDates(input.departureDate, employee.leftOn) > 0)
    throw invalid(
      `${employee.firstName} ${employee.lastName} a quitté l’organisation le ${formatDateFr(employee.leftOn)} : pas de mission après cette date.`,
      [{ field: 'departureDate', message: 'Départ après la sortie du salarié.' }],
    );
  return employee;
}

export async function createTravelOrder(
  trx: Db,
  orgId: string,
  input: TravelOrderInput,
  actorId: string | null,
): Promise<TravelOrderDto> {
  await checkEmployee(trx, orgId, input);
  const id = newId();
  const now = nowInstant();
  const personalCar = input.transport === 'personal_car';
  await trx
    .insertInto('personnel_travel_order')
    .values({
      org_id: orgId,
      id,
      number: null,
      status: 'draft',
      employee_id: input.employeeId,
      purpose: input.purpose,
      destination: input.destination,
      departure_date: input.departureDate,
      return_date: input.returnDate,
      transport: input.transport,
      fiscal_power: personalCar ? input.fiscalPower : null,
      electric: personalCar && input.electric ? 1 : 0,
      estimated_cost: input.estimatedCost,
      advance: input.advance,
      advance_paid_on: null,
      advance_entry_id: null,
      approved_at: null,
      approved_by: null,
      created_at: now,
      created_by: actorId,
      updated_at: now,
    })
    .execute();
  await recordAudit(trx, {
    orgId,
    actorId,
    action: 'personnel.travel_order.created',
    entity: 'personnel_travel_order',
    entityId: id,
    after: input,
  });
  return getTravelOrder(trx, orgId, id);
}

/** Locks the order's row for the transaction, then reads it. */
async function claim(trx: Db, orgId: string, orderId: string): Promise<TravelOrderDto> {
  await trx
    .updateTable('personnel_travel_order')
    .set((eb) => ({ updated_at: eb.ref('updated_at') }))
    .where('org_id', '=', orgId)
    .where('id', '=', orderId)
    .execute();
  return getTravelOrder(trx, orgId, orderId);
}

const STATUS_FR = {
  draft: 'en brouillon',
  approved: 'approuvé',
  done: 'terminé',
  cancelled: 'annulé',
} as const;

export async function approveTravelOrder(
  trx: Db,
  orgId: string,
  orderId: string,
  actorId: string | null,
): Promise<TravelOrderDto> {
  const order = await claim(trx, orgId, orderId);
  if (order.status !== 'draft')
    throw conflict(`Cet ordre de mission est ${STATUS_FR[order.status]} : seul un brouillon s’approuve.`);
  const year = order.departureDate.slice(0, 4);
  const number = formatNumber('OM', year, await takeNextNumber(trx, orgId, `personnel.OM:${year}`), 4);
  const now = nowInstant();
  await trx
    .updateTable('personnel_travel_order')
    .set({ status: 'approved', number, approved_at: now, approved_by: actorId, updated_at: now })
    .where('org_id', '=', orgId)
    .where('id', '=', orderId)
    .execute();
  await recordAudit(trx, {
    orgId,
    actorId,
    action: 'personnel.travel_order.approved',
    entity: 'personnel_travel_order',
    entityId: orderId,
    after: { number },
  });
  return getTravelOrder(trx, orgId, orderId);
}

export async function completeTravelOrder(
  trx: Db,
  orgId: string,
  orderId: string,
  actorId: string | null,
): Promise<TravelOrderDto> {
  const order = await claim(trx, orgId, orderId);
  if (order.status !== 'approved')
    throw conflict(
      `Cet ordre de mission est ${STATUS_FR[order.status]} : seule une mission approuvée se termine.`,
    );
  await trx
    .updateTable('personnel_travel_order')
    .set({ status: 'done', updated_at: nowInstant() })
    .where('org_id', '=', orgId)
    .where('id', '=', orderId)
    .execute();
  await recordAudit(trx, {
    orgId,
    actorId,
    action: 'personnel.travel_order.done',
    entity: 'personnel_travel_order',
    entityId: orderId,
  });
  return getTravelOrder(trx, orgId, orderId);
}

export async function cancelTravelOrder(
  trx: Db,
  orgId: string,
  orderId: string,
  actorId: string | null,
): Promise<TravelOrderDto> {
  const order = await claim(trx, orgId, orderId);
  if (order.status !== 'draft' && order.status !== 'approved')
    throw conflict(`Cet ordre de mission est ${STATUS_FR[order.status]} : il ne s’annule plus.`);
  if (order.advancePaidOn)
    throw conflict(
      `L’avance de cet ordre de mission a été versée le ${formatDateFr(order.advancePaidOn)} : il ne s’annule plus (déduisez-la de la note de frais).`,
    );
  await trx
    .updateTable('personnel_travel_order')
    .set({ status: 'cancelled', updated_at: nowInstant() })
    .where('org_id', '=', orgId)
    .where('id', '=', orderId)
    .execute();
  await recordAudit(trx, {
    orgId,
    actorId,
    action: 'personnel.travel_order.cancelled',
    entity: 'personnel_travel_order',
    entityId: orderId,
  });
  return getTravelOrder(trx, orgId, orderId);
}

/** Pays the order's advance by the bank: BQ entry, debit 467, credit 512. */
export async function payAdvance(
  trx: Db,
  orgId: string,
  orderId: string,
  input: PaymentInput,
  actorId: string | null,
): Promise<TravelOrderDto> {
  const order = await claim(trx, orgId, orderId);
  if (order.status !== 'approved' && order.status !== 'done')
    throw conflict('Approuvez d’abord l’ordre de mission : l’avance se verse sur une mission approuvée.');
  if (order.advance === 0)
    throw invalid('Cet ordre de mission ne prévoit pas d’avance.', [
      { field: 'advance', message: 'Avance nulle.' },
    ]);
  if (order.advancePaidOn)
    throw conflict(`L’avance a déjà été versée le ${formatDateFr(order.advancePaidOn)}.`);
  // Its report already reimbursed, the advance could no longer be deducted from anything.
  const settled = await trx
    .selectFrom('personnel_expense_report')
    .select('number')
    .where('org_id', '=', orgId)
    .where('travel_order_id', '=', orderId)
    .where('status', '=', 'reimbursed')
    .executeTakeFirst();
  if (settled)
    throw conflict(
      `La note de frais ${settled.number} de cette mission est déjà remboursée : l’avance ne serait plus déduite.`,
    );
  const entry = await post(
    trx,
    orgId,
    bankPosting({
      sourceRef: `personnel.travel_order_advance:${orderId}`,
      voucherRef: order.number!,
      label: `avance sur frais ${order.number} – ${order.employeeName}`,
      date: input.date,
      method: input.method,
      amount: order.advance,
    }),
    actorId,
  );
  await trx
    .updateTable('personnel_travel_order')
    .set({ advance_paid_on: input.date, advance_entry_id: entry.id, updated_at: nowInstant() })
    .where('org_id', '=', orgId)
    .where('id', '=', orderId)
    .execute();
  await recordAudit(trx, {
    orgId,
    actorId,
    action: 'personnel.travel_order.advance_paid',
    entity: 'personnel_travel_order',
    entityId: orderId,
    after: { ...input, amount: order.advance, ledgerEntryId: entry.id },
  });
  return getTravelOrder(trx, orgId, orderId);
}
