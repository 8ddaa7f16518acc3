import { sql } from 'kysely';
import { recordAudit } from '../../kernel/audit/audit.ts';
import { type Db, isForeignKeyViolation } from '../../kernel/db/index.ts';
import { notFound, ruleBroken } from '../../kernel/errors/domain-error.ts';
import { newId } from '../../kernel/ids.ts';
import {
  type EventDto,
  type EventInput,
  type EventListQuery,
  type EventPage,
  type EventSummaryDto,
  type GuestDto,
  guestStatuses,
} from './contract.ts';
import type { GuestStatus, RelationsEventTable } from './tables.ts';

function toSummary(row: RelationsEventTable): EventSummaryDto {
  return {
    id: row.id,
    kind: row.kind,
    title: row.title,
    date: row.date,
    startTime: row.start_time,
    endTime: row.end_time,
    place: row.place,
    capacity: row.capacity === null ? null : Number(row.capacity),
    description: row.description,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

export async function getEventRow(db: Db, orgId: string, eventId: string) {
  const row = await db
    .selectFrom('relations_event')
    .selectAll()
    .where('org_id', '=', orgId)
    .where('id', '=', eventId)
    .executeTakeFirst();
  if (!row) throw notFound('Événement');
  return row;
}

export async function listGuests(db: Db, orgId: string, eventId: string): Promise<GuestDto[]> {
  const rows = await db
    .selectFrom('relations_event_guest as g')
    .innerJoin('party as p', (j) => j.onRef('p.org_id', '=', 'g.org_id').onRef('p.id', '=', 'g.party_id'))
    .select(['g.party_id', 'g.status', 'g.invited_at', 'p.name', 'p.sort_key', 'p.email'])
    .select((eb) =>
      eb
        .selectFrom('party_address as a')
        .select('a.city')
        .whereRef('a.org_id', '=', 'g.org_id')
        .whereRef('a.party_id', '=', 'g.party_id')
        .orderBy('a.position')
        .limit(1)
        .as('city'),
    )
    .where('g.org_id', '=', orgId)
    .where('g.event_id', '=', eventId)
    .orderBy('p.sort_key')
    .orderBy('g.party_id')
    .execute();
  return rows.map((r) => ({
    partyId: r.party_id,
    name: r.name,
    email: r.email,
    city: r.city ?? null,
    status: r.status,
    invitedAt: r.invited_at,
  }));
}

export async function getEvent(db: Db, orgId: string, eventId: string): Promise<EventDto> {
  const row = await getEventRow(db, orgId, eventId);
  const costs = await db
    .selectFrom('relations_event_cost')
    .select(['label', 'amount'])
    .where('org_id', '=', orgId)
    .where('event_id', '=', eventId)
    .orderBy('position')
    .execute();
  const guests = await listGuests(db, orgId, eventId);
  const counts = Object.fromEntries(guestStatuses.map((s) => [s, 0])) as Record<GuestStatus, number>;
  for (const g of guests) counts[g.status]++;
  const amounts = costs.map((c) => ({ label: c.label, amount: Number(c.amount) }));
  return {
    ...toSummary(row),
    costs: amounts,
    totalCost: amounts.reduce((sum, c) => sum + c.amount, 0),
    guests,
    counts,
  };
}

function toRow(input: EventInput) {
  return {
    kind: input.kind,
    title: input.title,
    date: input.date,
    start_time: input.startTime,
    end_time: input.endTime,
    place: input.place,
    capacity: input.capacity,
    description: input.description,
  };
}

async function writeCosts(trx: Db, orgId: string, eventId: string, input: EventInput) {
  await trx
    .deleteFrom('relations_event_cost')
    .where('org_id', '=', orgId)
    .where('event_id', '=', eventId)
    .execute();
  if (input.costs.length > 0)
    await trx
      .insertInto('relations_event_cost')
      .values(
        input.costs.map((c, position) => ({
          org_id: orgId,
          id: newId(),
          event_id: eventId,
          position,
          label: c.label,
          amount: c.amount,
        })),
      )
      .execute();
}

export async function createEvent(trx: Db, orgId: string, input: EventInput, actorId: string | null) {
  const now = new Date().toISOString();
  const id = newId();
  await trx
    .insertInto('relations_event')
    .values({ org_id: orgId, id, ...toRow(input), created_at: now, updated_at: now })
    .execute();
  await writeCosts(trx, orgId, id, input);
  const event = await getEvent(trx, orgId, id);
  await recordAudit(trx, {
    orgId,
    actorId,
    action: 'relations.event.created',
    entity: 'relations_event',
    entityId: id,
    after: event,
  });
  return event;
}

export async function updateEvent(
  trx: Db,
  orgId: string,
  eventId: string,
  input: EventInput,
  actorId: string | null,
) {
  const before = await getEvent(trx, orgId, eventId);
  await checkCapacity(trx, orgId, eventId, input.capacity, 0);
  await trx
    .updateTable('relations_event')
    .set({ ...toRow(input), updated_at: new Date().toISOString() })
    .where('org_id', '=', orgId)
    .where('id', '=', eventId)
    .execute();
  await writeCosts(trx, orgId, eventId, input);
  const after = await getEvent(trx, orgId, eventId);
  await recordAudit(trx, {
    orgId,
    actorId,
    action: 'relations.event.updated',
    entity: 'relations_event',
    entityId: eventId,
    before: { ...before, guests: undefined },
    after: { ...after, guests: undefined },
  });
  return after;
}

export async function deleteEvent(trx: Db, orgId: string, eventId: string, actorId: string | null) {
  const before = await getEvent(trx, orgId, eventId);
  for (const table of ['relations_event_guest', 'relations_event_cost'] as const)
    await trx.deleteFrom(table).where('org_id', '=', orgId).where('event_id', '=', eventId).execute();
  await trx.deleteFrom('relations_event').where('org_id', '=', orgId).where('id', '=', eventId).execute();
  await recordAudit(trx, {
    orgId,
    actorId,
    action: 'relations.event.deleted',
    entity: 'relations_event',
    entityId: eventId,
    before,
  });
}

/** Registered and present guests may not outnumber the places. */
async function checkCapacity(
  trx: Db,
  orgId: string,
  eventId: string,
  capacity: number | null,
  adding: number,
) {
  if (capacity === null) return;
  const { taken } = await trx
    .selectFrom('relations_event_guest')
    .select((eb) => eb.cast<number>(eb.fn.countAll(), 'bigint').as('taken'))
    .where('org_id', '=', orgId)
    .where('event_id', '=', eventId)
    .where('status', 'in', ['registered', 'attended'])
    .executeTakeFirstOrThrow();
  if (Number(taken) + adding > capacity)
    throw ruleBroken(
      `Capacité atteinte : ${capacity} place${capacity > 1 ? 's' : ''}, ${Number(taken)} déjà inscrite${Number(taken) > 1 ? 's' : ''}.`,
      'event-full',
    );
}

export async function addGuests(
  trx: Db,
  orgId: string,
  eventId: string,
  partyIds: string[],
  actorId: string | null,
) {
  await getEventRow(trx, orgId, eventId);
  const existing = new Set(
    (
      await trx
        .selectFrom('relations_event_guest')
        .select('party_id')
        .where('org_id', '=', orgId)
        .where('event_id', '=', eventId)
        .execute()
    ).map((r) => r.party_id),
  );
  const fresh = [...new Set(partyIds)].filter((id) => !existing.has(id));
  const now = new Date().toISOString();
  if (fresh.length > 0) {
    try {
      await trx
        .insertInto('relations_event_guest')
        .values(
          fresh.map((party_id) => ({
            org_id: orgId,
            event_id: eventId,
            party_id,
            status: 'invited' as const,
            invited_at: null,
            created_at: now,
            updated_at: now,
          })),
        )
        .execute();
    } catch (error) {
      if (isForeignKeyViolation(error)) throw notFound('Tiers');
      throw error;
    }
    await recordAudit(trx, {
      orgId,
      actorId,
      action: 'relations.event.guests_added',
      entity: 'relations_event',
      entityId: eventId,
      after: { partyIds: fresh },
    });
  }
  return getEvent(trx, orgId, eventId);
}

export async function setGuestStatus(
  trx: Db,
  orgId: string,
  eventId: string,
  partyId: string,
  status: GuestStatus,
  actorId: string | null,
) {
  const event = await getEventRow(trx, orgId, eventId);
  const guest = await trx
    .selectFrom('relations_event_guest')
    .select('status')
    .where('org_id', '=', orgId)
    .where('event_id', '=', eventId)
    .where('party_id', '=', partyId)
    .executeTakeFirst();
  if (!guest) throw notFound('Invité');
  const takesPlace = (s: GuestStatus) => s === 'registered' || s === 'attended';
  if (takesPlace(status) && !takesPlace(guest.status)) {
    // Touching the event row first makes concurrent registrations to one event wait for each other
    // (PostgreSQL row lock; SQLite has one writer), so two last seats are never both given.
    await trx
      .updateTable('relations_event')
      .set({ updated_at: new Date().toISOString() })
      .where('org_id', '=', orgId)
      .where('id', '=', eventId)
      .execute();
    await checkCapacity(trx, orgId, eventId, event.capacity === null ? null : Number(event.capacity), 1);
  }
  await trx
    .updateTable('relations_event_guest')
    .set({ status, updated_at: new Date().toISOString() })
    .where('org_id', '=', orgId)
    .where('event_id', '=', eventId)
    .where('party_id', '=', partyId)
    .execute();
  await recordAudit(trx, {
    orgId,
    actorId,
    action: 'relations.event.guest_status',
    entity: 'relations_event',
    entityId: eventId,
    before: { partyId, status: guest.status },
    after: { partyId, status },
  });
  return getEvent(trx, orgId, eventId);
}

export async function removeGuest(
  trx: Db,
  orgId: string,
  eventId: string,
  partyId: string,
  actorId: string | null,
) {
  await getEventRow(trx, orgId, eventId);
  const result = await trx
    .deleteFrom('relations_event_guest')
    .where('org_id', '=', orgId)
    .where('event_id', '=', eventId)
    .where('party_id', '=', partyId)
    .executeTakeFirst();
  if (Number(result.numDeletedRows) !== 1) throw notFound('Invité');
  await recordAudit(trx, {
    orgId,
    actorId,
    action: 'relations.event.guest_removed',
    entity: 'relations_event',
    entityId: eventId,
    before: { partyId },
  });
  return getEvent(trx, orgId, eventId);
}

function likeContains(value: string): string {
  return `%${value.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

export async function listEvents(db: Db, orgId: string, query: EventListQuery): Promise<EventPage> {
  let base = db.selectFrom('relations_event').where('org_id', '=', orgId);
  if (query.q) {
    const pattern = likeContains(query.q.toLowerCase());
    base = base.where((eb) =>
      eb.or([
        eb(sql`lower(title)`, 'like', sql`${pattern} escape '\\'`),
        eb(sql`lower(coalesce(place, ''))`, 'like', sql`${pattern} escape '\\'`),
      ]),
    );
  }
  if (query.kind) base = base.where('kind', '=', query.kind);
  if (query.from) base = base.where('date', '>=', query.from);
  if (query.to) base = base.where('date', '<=', query.to);
  const { total } = await base
    .select((eb) => eb.cast<number>(eb.fn.countAll(), 'bigint').as('total'))
    .executeTakeFirstOrThrow();
  const rows = await base
    .selectAll()
    .orderBy('date', 'desc')
    .orderBy('id', 'desc')
    .limit(query.limit)
    .offset(query.offset)
    .execute();
  return { items: rows.map(toSummary), total: Number(total) };
}
