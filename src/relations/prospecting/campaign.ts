import { sql } from 'kysely';
import { recordAudit } from '../../kernel/audit/audit.ts';
import type { Db } from '../../kernel/db/index.ts';
import { invalid, notFound } from '../../kernel/errors/domain-error.ts';
import { newId } from '../../kernel/ids.ts';
import { likeContains, sortKey } from '../../kernel/parties/sort-key.ts';
import type { PartyRole } from '../../kernel/parties/tables.ts';
import { PARTY_FIELDS, unknownPlaceholderMessage, unknownPlaceholders } from '../shared/mail-merge.ts';
import {
  type ActionDto,
  type CampaignDto,
  type CampaignInput,
  type CampaignSummaryDto,
  prospectOutcomes,
  type TargetDto,
  type TargetFilter,
} from './contract.ts';
import type { RelationsCampaignTable } from './tables.ts';

async function targetCounts(db: Db, orgId: string, ids: string[]) {
  if (ids.length === 0) return new Map<string, number>();
  const rows = await db
    .selectFrom('relations_campaign_target')
    .select(['campaign_id', (eb) => eb.cast<number>(eb.fn.countAll(), 'bigint').as('n')])
    .where('org_id', '=', orgId)
    .where('campaign_id', 'in', ids)
    .groupBy('campaign_id')
    .execute();
  return new Map(rows.map((r) => [r.campaign_id, Number(r.n)]));
}

function toSummary(row: RelationsCampaignTable, targetCount: number): CampaignSummaryDto {
  return {
    id: row.id,
    name: row.name,
    description: row.description,
    status: row.status,
    letterSubject: row.letter_subject,
    letterText: row.letter_text,
    targetCount,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

export async function getCampaignRow(db: Db, orgId: string, campaignId: string) {
  const row = await db
    .selectFrom('relations_campaign')
    .selectAll()
    .where('org_id', '=', orgId)
    .where('id', '=', campaignId)
    .executeTakeFirst();
  if (!row) throw notFound('Campagne');
  return row;
}

export async function listTargets(db: Db, orgId: string, campaignId: string): Promise<TargetDto[]> {
  const rows = await db
    .selectFrom('relations_campaign_target as t')
    .innerJoin('party as p', (j) => j.onRef('p.org_id', '=', 't.org_id').onRef('p.id', '=', 't.party_id'))
    .leftJoin('relations_sales_document as q', (j) =>
      j.onRef('q.org_id', '=', 't.org_id').onRef('q.id', '=', 't.quote_id'),
    )
    .select([
      't.party_id',
      't.outcome',
      't.converted_at',
      't.quote_id',
      't.quoted_at',
      'q.number as quote_number',
      'q.status as quote_status',
      'p.name',
      'p.email',
    ])
    .select((eb) => [
      eb
        .selectFrom('party_address as a')
        .select('a.city')
        .whereRef('a.org_id', '=', 't.org_id')
        .whereRef('a.party_id', '=', 't.party_id')
        .orderBy('a.position')
        .limit(1)
        .as('city'),
      eb
        .selectFrom('party_address as a')
        .select('a.postal_code')
        .whereRef('a.org_id', '=', 't.org_id')
        .whereRef('a.party_id', '=', 't.party_id')
        .orderBy('a.position')
        .limit(1)
        .as('postal_code'),
    ])
    .where('t.org_id', '=', orgId)
    .where('t.campaign_id', '=', campaignId)
    .orderBy('p.sort_key')
    .orderBy('t.party_id')
    .execute();
  const [roles, actions] = await Promise.all([
    db
      .selectFrom('party_role as r')
      .innerJoin('relations_campaign_target as t', (j) =>
        j.onRef('t.org_id', '=', 'r.org_id').onRef('t.party_id', '=', 'r.party_id'),
      )
      .select(['r.party_id', 'r.role'])
      .where('t.org_id', '=', orgId)
      .where('t.campaign_id', '=', campaignId)
      .execute(),
    db
      .selectFrom('relations_campaign_action')
      .selectAll()
      .where('org_id', '=', orgId)
      .where('campaign_id', '=', campaignId)
      .orderBy('date')
      .orderBy('created_at')
      .execute(),
  ]);
  const rolesOf = new Map<string, PartyRole[]>();
  for (const r of roles) rolesOf.set(r.party_id, [...(rolesOf.get(r.party_id) ?? []), r.role]);
  const actionsOf = new Map<string, ActionDto[]>();
  for (const a of actions)
    actionsOf.set(a.party_id, [
      ...(actionsOf.get(a.party_id) ?? []),
      { id: a.id, kind: a.kind, date: a.date, outcome: a.outcome, notes: a.notes },
    ]);
  return rows.map((r) => ({
    partyId: r.party_id,
    name: r.name,
    email: r.email,
    city: r.city ?? null,
    postalCode: r.postal_code ?? null,
    roles: (rolesOf.get(r.party_id) ?? []).sort(),
    outcome: r.outcome,
    convertedAt: r.converted_at,
    quote: r.quote_id
      ? { id: r.quote_id, number: r.quote_number ?? null, status: r.quote_status!, quotedAt: r.quoted_at! }
      : null,
    actions: actionsOf.get(r.party_id) ?? [],
  }));
}

export async function getCampaign(db: Db, orgId: string, campaignId: string): Promise<CampaignDto> {
  const row = await getCampaignRow(db, orgId, campaignId);
  const targets = await listTargets(db, orgId, campaignId);
  const outcomes = Object.fromEntries(
    [...prospectOutcomes, 'none'].map((o) => [o, 0]),
  ) as CampaignDto['outcomes'];
  for (const t of targets) outcomes[t.outcome ?? 'none']++;
  return {
    ...toSummary(row, targets.length),
    targets,
    outcomes,
    converted: targets.filter((t) => t.convertedAt).length,
    quoted: targets.filter((t) => t.quote).length,
  };
}

function checkLetter(input: CampaignInput) {
  const issues = [];
  for (const [field, template] of [
    ['letterSubject', input.letterSubject],
    ['letterText', input.letterText],
  ] as const) {
    const unknown = unknownPlaceholders(template ?? '', PARTY_FIELDS);
    if (unknown.length > 0) issues.push({ field, message: unknownPlaceholderMessage(unknown, PARTY_FIELDS) });
  }
  if (issues.length > 0) throw invalid('Lettre type invalide.', issues);
}

export async function createCampaign(trx: Db, orgId: string, input: CampaignInput, actorId: string | null) {
  checkLetter(input);
  const now = new Date().toISOString();
  const id = newId();
  await trx
    .insertInto('relations_campaign')
    .values({
      org_id: orgId,
      id,
      name: input.name,
      description: input.description,
      status: input.status,
      letter_subject: input.letterSubject,
      letter_text: input.letterText,
      created_at: now,
      updated_at: now,
    })
    .execute();
  const campaign = await getCampaign(trx, orgId, id);
  await recordAudit(trx, {
    orgId,
    actorId,
    action: 'relations.campaign.created',
    entity: 'relations_campaign',
    entityId: id,
    after: campaign,
  });
  return campaign;
}

export async function updateCampaign(
  trx: Db,
  orgId: string,
  campaignId: string,
  input: CampaignInput,
  actorId: string | null,
) {
  checkLetter(input);
  const before = toSummary(await getCampaignRow(trx, orgId, campaignId), 0);
  await trx
    .updateTable('relations_campaign')
    .set({
      name: input.name,
      description: input.description,
      status: input.status,
      letter_subject: input.letterSubject,
      letter_text: input.letterText,
      updated_at: new Date().toISOString(),
    })
    .where('org_id', '=', orgId)
    .where('id', '=', campaignId)
    .execute();
  const after = await getCampaign(trx, orgId, campaignId);
  await recordAudit(trx, {
    orgId,
    actorId,
    action: 'relations.campaign.updated',
    entity: 'relations_campaign',
    entityId: campaignId,
    before,
    after: { ...after, targets: undefined },
  });
  return after;
}

export async function listCampaigns(db: Db, orgId: string, query: { limit: number; offset: number }) {
  const base = db.selectFrom('relations_campaign').where('org_id', '=', orgId);
  const { total } = await base
    .select((eb) => eb.cast<number>(eb.fn.countAll(), 'bigint').as('total'))
    .executeTakeFirstOrThrow();
  const rows = await base
    .selectAll()
    .orderBy('created_at', 'desc')
    .orderBy('id', 'desc')
    .limit(query.limit)
    .offset(query.offset)
    .execute();
  const counts = await targetCounts(
    db,
    orgId,
    rows.map((r) => r.id),
  );
  return { items: rows.map((r) => toSummary(r, counts.get(r.id) ?? 0)), total: Number(total) };
}

const MAX_TARGETS = 5000;

/** The parties a filter selects (not archived), in name order: what "build the target list" adds. */
export async function selectParties(db: Db, orgId: string, filter: TargetFilter): Promise<string[]> {
  let base = db
    .selectFrom('party')
    .select('party.id')
    .where('party.org_id', '=', orgId)
    .where('party.archived_at', 'is', null);
  if (filter.partyIds)
    base = base.where('party.id', 'in', filter.partyIds.length > 0 ? filter.partyIds : ['']);
  if (filter.kind) base = base.where('party.kind', '=', filter.kind);
  if (filter.q)
    base = base.where(sql`party.sort_key`, 'like', sql`${likeContains(sortKey(filter.q))} escape '\\'`);
  if (filter.roles.length > 0) {
    const roles = filter.roles;
    base = base.where((eb) =>
      eb.exists(
        eb
          .selectFrom('party_role as r')
          .select('r.role')
          .whereRef('r.org_id', '=', 'party.org_id')
          .whereRef('r.party_id', '=', 'party.id')
          .where('r.role', 'in', roles),
      ),
    );
  }
  if (filter.city || filter.postalCodePrefix) {
    const { city, postalCodePrefix } = filter;
    base = base.where((eb) => {
      let address = eb
        .selectFrom('party_address as a')
        .select('a.id')
        .whereRef('a.org_id', '=', 'party.org_id')
        .whereRef('a.party_id', '=', 'party.id');
      if (city) address = address.where(sql`lower(a.city)`, '=', city.toLowerCase());
      if (postalCodePrefix)
        address = address.where('a.postal_code', 'like', `${postalCodePrefix.replace(/[\\%_]/g, '')}%`);
      return eb.exists(address);
    });
  }
  const rows = await base.orderBy('party.sort_key').orderBy('party.id').limit(MAX_TARGETS).execute();
  return rows.map((r) => r.id);
}

export async function addTargets(
  trx: Db,
  orgId: string,
  campaignId: string,
  filter: TargetFilter,
  actorId: string | null,
) {
  await getCampaignRow(trx, orgId, campaignId);
  const selected = await selectParties(trx, orgId, filter);
  const existing = new Set(
    (
      await trx
        .selectFrom('relations_campaign_target')
        .select('party_id')
        .where('org_id', '=', orgId)
        .where('campaign_id', '=', campaignId)
        .execute()
    ).map((r) => r.party_id),
  );
  const fresh = selected.filter((id) => !existing.has(id));
  const now = new Date().toISOString();
  for (let i = 0; i < fresh.length; i += 500)
    await trx
      .insertInto('relations_campaign_target')
      .values(
        fresh.slice(i, i + 500).map((party_id) => ({
          org_id: orgId,
          campaign_id: campaignId,
          party_id,
          outcome: null,
          converted_at: null,
          added_at: now,
          updated_at: now,
        })),
      )
      .execute();
  if (fresh.length > 0)
    await recordAudit(trx, {
      orgId,
      actorId,
      action: 'relations.campaign.targets_added',
      entity: 'relations_campaign',
      entityId: campaignId,
      after: { filter, added: fresh.length },
    });
  return { added: fresh.length, campaign: await getCampaign(trx, orgId, campaignId) };
}

export async function getTarget(db: Db, orgId: string, campaignId: string, partyId: string) {
  const row = await db
    .selectFrom('relations_campaign_target')
    .selectAll()
    .where('org_id', '=', orgId)
    .where('campaign_id', '=', campaignId)
    .where('party_id', '=', partyId)
    .executeTakeFirst();
  if (!row) throw notFound('Cible de la campagne');
  return row;
}

export async function removeTarget(
  trx: Db,
  orgId: string,
  campaignId: string,
  partyId: string,
  actorId: string | null,
) {
  await getTarget(trx, orgId, campaignId, partyId);
  for (const table of ['relations_campaign_action', 'relations_campaign_target'] as const)
    await trx
      .deleteFrom(table)
      .where('org_id', '=', orgId)
      .where('campaign_id', '=', campaignId)
      .where('party_id', '=', partyId)
      .execute();
  await recordAudit(trx, {
    orgId,
    actorId,
    action: 'relations.campaign.target_removed',
    entity: 'relations_campaign',
    entityId: campaignId,
    before: { partyId },
  });
  return getCampaign(trx, orgId, campaignId);
}
