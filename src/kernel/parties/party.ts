import { recordAudit } from '../audit/audit.ts';
import type { Db } from '../db/index.ts';
import { notFound } from '../errors/domain-error.ts';
import { newId } from '../ids.ts';
import type { PartyDto, PartyInput } from './contract.ts';
import { sortKey } from './sort-key.ts';
import type { PartyRole, PartyTable } from './tables.ts';

function toRow(input: PartyInput) {
  return {
    kind: input.kind,
    name: input.name,
    sort_key: sortKey(input.name),
    legal_form: input.legalForm,
    siren: input.siren,
    siret: input.siret,
    vat_number: input.vatNumber,
    email: input.email,
    phone: input.phone,
    website: input.website,
    iban: input.iban,
    bic: input.bic,
    notes: input.notes,
  };
}

async function writeChildren(trx: Db, orgId: string, partyId: string, input: PartyInput): Promise<void> {
  await trx.deleteFrom('party_role').where('org_id', '=', orgId).where('party_id', '=', partyId).execute();
  await trx.deleteFrom('party_contact').where('org_id', '=', orgId).where('party_id', '=', partyId).execute();
  await trx.deleteFrom('party_address').where('org_id', '=', orgId).where('party_id', '=', partyId).execute();
  await trx
    .insertInto('party_role')
    .values(input.roles.map((role) => ({ org_id: orgId, party_id: partyId, role })))
    .execute();
  if (input.contacts.length > 0)
    await trx
      .insertInto('party_contact')
      .values(
        input.contacts.map((c, position) => ({
          org_id: orgId,
          id: newId(),
          party_id: partyId,
          position,
          name: c.name,
          job_title: c.jobTitle,
          email: c.email,
          phone: c.phone,
        })),
      )
      .execute();
  if (input.addresses.length > 0)
    await trx
      .insertInto('party_address')
      .values(
        input.addresses.map((a, position) => ({
          org_id: orgId,
          id: newId(),
          party_id: partyId,
          position,
          kind: a.kind,
          line1: a.line1,
          line2: a.line2,
          postal_code: a.postalCode,
          city: a.city,
          country: a.country,
        })),
      )
      .execute();
}

export async function createParty(trx: Db, orgId: string, input: PartyInput, actorId: string | null) {
  const now = new Date().toISOString();
  const id = newId();
  await trx
    .insertInto('party')
    .values({ org_id: orgId, id, ...toRow(input), archived_at: null, created_at: now, updated_at: now })
    .execute();
  await writeChildren(trx, orgId, id, input);
  const party = await getParty(trx, orgId, id);
  await recordAudit(trx, {
    orgId,
    actorId,
    action: 'party.created',
    entity: 'party',
    entityId: id,
    after: party,
  });
  return party;
}

export async function updateParty(
  trx: Db,
  orgId: string,
  partyId: string,
  input: PartyInput,
  actorId: string | null,
): Promise<PartyDto> {
  const before = await getParty(trx, orgId, partyId);
  await trx
    .updateTable('party')
    .set({ ...toRow(input), updated_at: new Date().toISOString() })
    .where('org_id', '=', orgId)
    .where('id', '=', partyId)
    .execute();
  await writeChildren(trx, orgId, partyId, input);
  const after = await getParty(trx, orgId, partyId);
  await recordAudit(trx, {
    orgId,
    actorId,
    action: 'party.updated',
    entity: 'party',
    entityId: partyId,
    before,
    after,
  });
  return after;
}

/** Parties are archived, never deleted: invoices and entries keep pointing at them. */
export async function setPartyArchived(
  trx: Db,
  orgId: string,
  partyId: string,
  archived: boolean,
  actorId: string | null,
): Promise<PartyDto> {
  const before = await getParty(trx, orgId, partyId);
  const archivedAt = archived ? (before.archivedAt ?? new Date().toISOString()) : null;
  await trx
    .updateTable('party')
    .set({ archived_at: archivedAt, updated_at: new Date().toISOString() })
    .where('org_id', '=', orgId)
    .where('id', '=', partyId)
    .execute();
  await recordAudit(trx, {
    orgId,
    actorId,
    action: archived ? 'party.archived' : 'party.restored',
    entity: 'party',
    entityId: partyId,
    before: { archivedAt: before.archivedAt },
    after: { archivedAt },
  });
  return { ...before, archivedAt };
}

/**
 * Gives a party one more role (a prospect who becomes a customer), keeping the others. Other modules call
 * this rather than writing party_role themselves.
 */
export async function addPartyRole(
  trx: Db,
  orgId: string,
  partyId: string,
  role: PartyRole,
  actorId: string | null,
): Promise<PartyDto> {
  const before = await getParty(trx, orgId, partyId);
  if (before.roles.includes(role)) return before;
  await trx.insertInto('party_role').values({ org_id: orgId, party_id: partyId, role }).execute();
  await trx
    .updateTable('party')
    .set({ updated_at: new Date().toISOString() })
    .where('org_id', '=', orgId)
    .where('id', '=', partyId)
    .execute();
  await recordAudit(trx, {
    orgId,
    actorId,
    action: 'party.role_added',
    entity: 'party',
    entityId: partyId,
    before: { roles: before.roles },
    after: { roles: [...before.roles, role] },
  });
  return getParty(trx, orgId, partyId);
}

/** Groups rows by party id, keeping their order. */
function byParty<T extends { party_id: string }>(rows: T[]): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const row of rows) {
    const group = groups.get(row.party_id);
    if (group) group.push(row);
    else groups.set(row.party_id, [row]);
  }
  return groups;
}

export const ROLE_ORDER = ['customer', 'user', 'member', 'prospect', 'supplier', 'subcontractor', 'provider'];

/** A page's contacts, addresses and roles: one query per child table for the whole page. */
export async function loadChildren(db: Db, orgId: string, rows: PartyTable[]): Promise<PartyDto[]> {
  if (rows.length === 0) return [];
  const ids = rows.map((r) => r.id);
  const [roles, contacts, addresses] = await Promise.all([
    db
      .selectFrom('party_role')
      .select(['party_id', 'role'])
      .where('org_id', '=', orgId)
      .where('party_id', 'in', ids)
      .execute(),
    db
      .selectFrom('party_contact')
      .select(['party_id', 'id', 'name', 'job_title', 'email', 'phone'])
      .where('org_id', '=', orgId)
      .where('party_id', 'in', ids)
      .orderBy('position')
      .execute(),
    db
      .selectFrom('party_address')
      .select(['party_id', 'id', 'kind', 'line1', 'line2', 'postal_code', 'city', 'country'])
      .where('org_id', '=', orgId)
      .where('party_id', 'in', ids)
      .orderBy('position')
      .execute(),
  ]);
  const rolesOf = byParty(roles);
  const contactsOf = byParty(contacts);
  const addressesOf = byParty(addresses);
  return rows.map((r) => ({
    id: r.id,
    kind: r.kind,
    name: r.name,
    roles: (rolesOf.get(r.id) ?? [])
      .map((x) => x.role)
      .sort((a, b) => ROLE_ORDER.indexOf(a) - ROLE_ORDER.indexOf(b)),
    legalForm: r.legal_form,
    siren: r.siren,
    siret: r.siret,
    vatNumber: r.vat_number,
    email: r.email,
    phone: r.phone,
    website: r.website,
    iban: r.iban,
    bic: r.bic,
    notes: r.notes,
    contacts: (contactsOf.get(r.id) ?? []).map((c) => ({
      id: c.id,
      name: c.name,
      jobTitle: c.job_title,
      email: c.email,
      phone: c.phone,
    })),
    addresses: (addressesOf.get(r.id) ?? []).map((a) => ({
      id: a.id,
      kind: a.kind,
      line1: a.line1,
      line2: a.line2,
      postalCode: a.postal_code,
      city: a.city,
      country: a.country,
    })),
    archivedAt: r.archived_at,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
  }));
}

export async function getParty(db: Db, orgId: string, partyId: string): Promise<PartyDto> {
  const row = await db
    .selectFrom('party')
    .selectAll()
    .where('org_id', '=', orgId)
    .where('id', '=', partyId)
    .executeTakeFirst();
  if (!row) throw notFound('Tiers');
  return (await loadChildren(db, orgId, [row]))[0]!;
}
