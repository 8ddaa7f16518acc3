import { recordAudit } from '../../kernel/audit/audit.ts';
import { type Db, isUniqueViolation } from '../../kernel/db/index.ts';
import { conflict, invalid, notFound } from '../../kernel/errors/domain-error.ts';
import { newId } from '../../kernel/ids.ts';
import {
  acceptsParty,
  accountClass,
  auxiliaryNumberFor,
  isPostable,
  parentNumber,
} from './account-number.ts';
import { referenceChart } from './chart.ts';
import type { AccountDto, AccountInput, AccountListQuery } from './contract.ts';
import type { LedgerAccountTable } from './tables.ts';

type AccountRow = LedgerAccountTable;

export function toAccountDto(row: AccountRow, collectiveNumber: string | null = null): AccountDto {
  return {
    id: row.id,
    number: row.number,
    label: row.label,
    class: Number(row.class),
    kind: row.kind,
    collectiveNumber,
    partyId: row.party_id,
    postable: row.kind === 'auxiliary' || isPostable(row.number),
  };
}

/**
 * Gives the organisation the reference chart's accounts it does not have yet. Idempotent; returns the
 * number of accounts added. One audit event for the whole seed, not one per account.
 */
export async function seedChartOfAccounts(trx: Db, orgId: string, actorId: string | null = null) {
  const org = await trx
    .selectFrom('organisation')
    .select('kind')
    .where('org_id', '=', orgId)
    .executeTakeFirst();
  if (!org) throw notFound('Organisation');
  const existing = new Set(
    (
      await trx
        .selectFrom('ledger_account')
        .select('number')
        .where('org_id', '=', orgId)
        .where('kind', '=', 'general')
        .execute()
    ).map((r) => r.number),
  );
  const now = new Date().toISOString();
  const missing = referenceChart(org.kind).filter((a) => !existing.has(a.number));
  for (let i = 0; i < missing.length; i += 200) {
    await trx
      .insertInto('ledger_account')
      .values(
        missing.slice(i, i + 200).map((a) => ({
          org_id: orgId,
          id: newId(),
          number: a.number,
          label: a.label,
          class: accountClass(a.number),
          kind: 'general' as const,
          parent_id: null,
          party_id: null,
          archived_at: null,
          created_at: now,
        })),
      )
      .execute();
  }
  if (missing.length > 0)
    await recordAudit(trx, {
      orgId,
      actorId,
      action: 'ledger.chart.seeded',
      entity: 'ledger_account',
      entityId: orgId,
      after: { accounts: missing.length },
    });
  return missing.length;
}

async function insertAccount(trx: Db, row: AccountRow, actorId: string | null): Promise<AccountRow> {
  try {
    await trx.insertInto('ledger_account').values(row).execute();
  } catch (error) {
    if (isUniqueViolation(error)) throw conflict(`Le compte ${row.number} existe déjà.`);
    throw error;
  }
  await recordAudit(trx, {
    orgId: row.org_id,
    actorId,
    action: 'ledger.account.created',
    entity: 'ledger_account',
    entityId: row.id,
    after: {
      number: row.number,
      label: row.label,
      kind: row.kind,
      parentId: row.parent_id,
      partyId: row.party_id,
    },
  });
  return row;
}

async function generalNumbers(db: Db, orgId: string): Promise<string[]> {
  const rows = await db
    .selectFrom('ledger_account')
    .select('number')
    .where('org_id', '=', orgId)
    .where('kind', '=', 'general')
    .execute();
  return rows.map((r) => r.number);
}

/** A sub-account of the chart, e.g. 6064 → 60641 « Fournitures de bureau ». */
export async function createAccount(
  trx: Db,
  orgId: string,
  input: AccountInput,
  actorId: string | null,
): Promise<AccountDto> {
  const numbers = await generalNumbers(trx, orgId);
  if (numbers.includes(input.number)) throw conflict(`Le compte ${input.number} existe déjà.`);
  if (!parentNumber(input.number, numbers))
    throw invalid(
      `Le compte ${input.number} doit prolonger un compte existant du plan (classe ${input.number[0]}).`,
      [{ field: 'number', message: 'Aucun compte parent dans le plan de l’organisation.' }],
    );
  const row = await insertAccount(
    trx,
    {
      org_id: orgId,
      id: newId(),
      number: input.number,
      label: input.label,
      class: accountClass(input.number),
      kind: 'general',
      parent_id: null,
      party_id: null,
      archived_at: null,
      created_at: new Date().toISOString(),
    },
    actorId,
  );
  return toAccountDto(row);
}

export async function renameAccount(
  trx: Db,
  orgId: string,
  accountId: string,
  label: string,
  actorId: string | null,
): Promise<AccountDto> {
  const before = await getAccount(trx, orgId, accountId);
  await trx
    .updateTable('ledger_account')
    .set({ label })
    .where('org_id', '=', orgId)
    .where('id', '=', accountId)
    .execute();
  await recordAudit(trx, {
    orgId,
    actorId,
    action: 'ledger.account.renamed',
    entity: 'ledger_account',
    entityId: accountId,
    before: { label: before.label },
    after: { label },
  });
  return { ...before, label };
}

export async function getAccount(db: Db, orgId: string, accountId: string): Promise<AccountDto> {
  const row = await db
    .selectFrom('ledger_account')
    .selectAll()
    .where('org_id', '=', orgId)
    .where('id', '=', accountId)
    .executeTakeFirst();
  if (!row) throw notFound('Compte');
  const collective = row.parent_id ? await rowById(db, orgId, row.parent_id) : undefined;
  return toAccountDto(row, collective?.number ?? null);
}

async function rowById(db: Db, orgId: string, id: string) {
  return db
    .selectFrom('ledger_account')
    .selectAll()
    .where('org_id', '=', orgId)
    .where('id', '=', id)
    .executeTakeFirst();
}

export async function findGeneralAccount(db: Db, orgId: string, number: string) {
  return db
    .selectFrom('ledger_account')
    .selectAll()
    .where('org_id', '=', orgId)
    .where('kind', '=', 'general')
    .where('number', '=', number)
    .executeTakeFirst();
}

export async function listAccounts(
  db: Db,
  orgId: string,
  query: AccountListQuery = {},
): Promise<AccountDto[]> {
  let select = db
    .selectFrom('ledger_account as a')
    .leftJoin('ledger_account as p', (join) =>
      join.onRef('p.org_id', '=', 'a.org_id').onRef('p.id', '=', 'a.parent_id'),
    )
    .selectAll('a')
    .select('p.number as collective_number')
    .where('a.org_id', '=', orgId);
  if (query.kind) select = select.where('a.kind', '=', query.kind);
  if (query.partyId) select = select.where('a.party_id', '=', query.partyId);
  if (query.q) {
    const q = query.q.toLowerCase();
    select = select.where((eb) =>
      eb.or([
        eb('a.number', 'like', `${q.replace(/[\\%_]/g, '')}%`),
        eb(eb.fn('lower', ['a.label']), 'like', `%${q.replace(/[\\%_]/g, '')}%`),
      ]),
    );
  }
  const rows = await select.orderBy('a.kind', 'desc').orderBy('a.number').orderBy('p.number').execute();
  return rows.map((r) => toAccountDto(r, r.collective_number));
}

/**
 * The auxiliary account of a party under a collective account (411, 401…), created on first use with
 * a readable code. Called when a line names a party.
 */
export async function ensureAuxiliaryAccount(
  trx: Db,
  orgId: string,
  collective: Pick<AccountRow, 'id' | 'number' | 'class'>,
  partyId: string,
  actorId: string | null,
): Promise<AccountRow> {
  const existing = await trx
    .selectFrom('ledger_account')
    .selectAll()
    .where('org_id', '=', orgId)
    .where('parent_id', '=', collective.id)
    .where('party_id', '=', partyId)
    .executeTakeFirst();
  if (existing) return existing;
  if (!acceptsParty(collective.number))
    throw invalid(
      `Le compte ${collective.number} n’accepte pas de tiers : seuls les comptes de tiers (classe 4) en ont.`,
    );
  const party = await trx
    .selectFrom('party')
    .select('name')
    .where('org_id', '=', orgId)
    .where('id', '=', partyId)
    .executeTakeFirst();
  if (!party) throw notFound('Tiers');
  const taken = new Set(
    (
      await trx
        .selectFrom('ledger_account')
        .select('number')
        .where('org_id', '=', orgId)
        .where('parent_id', '=', collective.id)
        .execute()
    ).map((r) => r.number),
  );
  return insertAccount(
    trx,
    {
      org_id: orgId,
      id: newId(),
      number: auxiliaryNumberFor(collective.number, party.name, taken),
      label: party.name,
      class: Number(collective.class),
      kind: 'auxiliary',
      parent_id: collective.id,
      party_id: partyId,
      archived_at: null,
      created_at: new Date().toISOString(),
    },
    actorId,
  );
}

/** Import path: an auxiliary account known only by its code and label (no party in Agora yet). */
export async function ensureAuxiliaryByNumber(
  trx: Db,
  orgId: string,
  collective: Pick<AccountRow, 'id' | 'class'>,
  number: string,
  label: string,
  actorId: string | null,
): Promise<AccountRow> {
  const existing = await trx
    .selectFrom('ledger_account')
    .selectAll()
    .where('org_id', '=', orgId)
    .where('kind', '=', 'auxiliary')
    .where('parent_id', '=', collective.id)
    .where('number', '=', number)
    .executeTakeFirst();
  if (existing) return existing;
  return insertAccount(
    trx,
    {
      org_id: orgId,
      id: newId(),
      number,
      label: label || number,
      class: Number(collective.class),
      kind: 'auxiliary',
      parent_id: collective.id,
      party_id: null,
      archived_at: null,
      created_at: new Date().toISOString(),
    },
    actorId,
  );
}

/** Import path: a general account from another software, created if missing (only the FEC's 3-digit rule). */
export async function ensureGeneralByNumber(
  trx: Db,
  orgId: string,
  number: string,
  label: string,
  actorId: string | null,
): Promise<AccountRow> {
  const existing = await findGeneralAccount(trx, orgId, number);
  if (existing) return existing;
  return insertAccount(
    trx,
    {
      org_id: orgId,
      id: newId(),
      number,
      label: label || number,
      class: accountClass(number),
      kind: 'general',
      parent_id: null,
      party_id: null,
      archived_at: null,
      created_at: new Date().toISOString(),
    },
    actorId,
  );
}
