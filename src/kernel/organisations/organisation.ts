import { recordAudit } from '../audit/audit.ts';
import type { Db } from '../db/index.ts';
import { notFound } from '../errors/domain-error.ts';
import { newId } from '../ids.ts';
import type { OrganisationDto, OrganisationInput } from './contract.ts';
import type { OrganisationTable, Role } from './tables.ts';

function toRow(input: OrganisationInput) {
  return {
    name: input.name,
    legal_form: input.legalForm,
    kind: input.kind,
    siren: input.siren,
    siret: input.siret,
    vat_number: input.vatNumber,
    address_line1: input.addressLine1,
    address_line2: input.addressLine2,
    postal_code: input.postalCode,
    city: input.city,
    country: input.country,
    email: input.email,
    phone: input.phone,
    fiscal_year_start: input.fiscalYearStart,
    vat_regime: input.vatRegime,
    time_zone: input.timeZone,
  };
}

export function toOrganisationDto(row: OrganisationTable): OrganisationDto {
  return {
    id: row.org_id,
    name: row.name,
    legalForm: row.legal_form,
    kind: row.kind,
    siren: row.siren,
    siret: row.siret,
    vatNumber: row.vat_number,
    addressLine1: row.address_line1,
    addressLine2: row.address_line2,
    postalCode: row.postal_code,
    city: row.city,
    country: row.country,
    email: row.email,
    phone: row.phone,
    fiscalYearStart: row.fiscal_year_start,
    vatRegime: row.vat_regime,
    timeZone: row.time_zone,
    copiedFrom: row.copied_from,
    isTemplate: row.is_template === 1,
    simulatedToday: row.simulated_today,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

/** Creates an organisation and makes `ownerId` (if given) its owner, in the caller's transaction. */
export async function createOrganisation(
  trx: Db,
  input: OrganisationInput,
  ownerId: string | null,
): Promise<OrganisationDto> {
  const now = new Date().toISOString();
  const row: OrganisationTable = {
    org_id: newId(),
    ...toRow(input),
    copied_from: null,
    is_template: 0,
    simulated_today: null,
    created_at: now,
    updated_at: now,
  };
  await trx.insertInto('organisation').values(row).execute();
  await recordAudit(trx, {
    orgId: row.org_id,
    actorId: ownerId,
    action: 'organisation.created',
    entity: 'organisation',
    entityId: row.org_id,
    after: toRow(input),
  });
  if (ownerId) {
    await trx
      .insertInto('membership')
      .values({ org_id: row.org_id, user_id: ownerId, role: 'owner', created_at: now })
      .execute();
    await recordAudit(trx, {
      orgId: row.org_id,
      actorId: ownerId,
      action: 'membership.created',
      entity: 'membership',
      entityId: ownerId,
      after: { role: 'owner' },
    });
  }
  return toOrganisationDto(row);
}

export async function getOrganisation(db: Db, orgId: string): Promise<OrganisationDto> {
  const row = await db.selectFrom('organisation').selectAll().where('org_id', '=', orgId).executeTakeFirst();
  if (!row) throw notFound('Organisation');
  return toOrganisationDto(row);
}

export async function updateOrganisation(
  trx: Db,
  orgId: string,
  input: OrganisationInput,
  actorId: string,
): Promise<OrganisationDto> {
  const before = await getOrganisation(trx, orgId);
  const row = await trx
    .updateTable('organisation')
    .set({ ...toRow(input), updated_at: new Date().toISOString() })
    .where('org_id', '=', orgId)
    .returningAll()
    .executeTakeFirstOrThrow();
  await recordAudit(trx, {
    orgId,
    actorId,
    action: 'organisation.updated',
    entity: 'organisation',
    entityId: orgId,
    before,
    after: toRow(input),
  });
  return toOrganisationDto(row);
}

export type UserOrganisation = {
  id: string;
  name: string;
  kind: OrganisationTable['kind'];
  role: Role;
  simulatedToday: string | null;
  /** A copy of another organisation (a student's sandbox): a student may work in it, not in the school's own. */
  copy: boolean;
};

export async function listUserOrganisations(db: Db, userId: string): Promise<UserOrganisation[]> {
  const rows = await db
    .selectFrom('membership')
    .innerJoin('organisation', 'organisation.org_id', 'membership.org_id')
    .select([
      'organisation.org_id as id',
      'organisation.name',
      'organisation.kind',
      'membership.role',
      'organisation.simulated_today as simulatedToday',
      'organisation.copied_from',
    ])
    .where('membership.user_id', '=', userId)
    .orderBy('organisation.name')
    .orderBy('organisation.org_id')
    .execute();
  return rows.map(({ copied_from, ...org }) => ({ ...org, copy: copied_from !== null }));
}

export async function membershipRole(db: Db, orgId: string, userId: string): Promise<Role | null> {
  const row = await db
    .selectFrom('membership')
    .select('role')
    .where('org_id', '=', orgId)
    .where('user_id', '=', userId)
    .executeTakeFirst();
  return row?.role ?? null;
}

/** Whether an organisation is a copy of another one (a student's sandbox is a copy of its scenario). */
export async function isCopiedOrganisation(db: Db, orgId: string): Promise<boolean> {
  const row = await db
    .selectFrom('organisation')
    .select('copied_from')
    .where('org_id', '=', orgId)
    .executeTakeFirst();
  return Boolean(row?.copied_from);
}

/**
 * Training mode: marks an organisation as a scenario's template, and/or sets its simulated "today" (the
 * date forms propose in a template or a sandbox). Null gives a sandbox back the real date.
 */
export async function setTrainingState(
  trx: Db,
  orgId: string,
  state: { isTemplate?: boolean; simulatedToday?: string | null },
  actorId: string | null,
): Promise<void> {
  const before = await trx
    .selectFrom('organisation')
    .select(['is_template', 'simulated_today'])
    .where('org_id', '=', orgId)
    .executeTakeFirst();
  if (!before) throw notFound('Organisation');
  const set: { is_template?: number; simulated_today?: string | null; updated_at: string } = {
    updated_at: new Date().toISOString(),
  };
  if (state.isTemplate !== undefined) set.is_template = state.isTemplate ? 1 : 0;
  if (state.simulatedToday !== undefined) set.simulated_today = state.simulatedToday;
  await trx.updateTable('organisation').set(set).where('org_id', '=', orgId).execute();
  await recordAudit(trx, {
    orgId,
    actorId,
    action: 'organisation.training_state_set',
    entity: 'organisation',
    entityId: orgId,
    before,
    after: state,
  });
}
