import { recordAudit } from '../../kernel/audit/audit.ts';
import type { Db } from '../../kernel/db/index.ts';
import { newId } from '../../kernel/ids.ts';
import { getParty } from '../../kernel/parties/party.ts';
import { orgToday } from '../requests/request.ts';
import type { ConsentDto, ConsentInput, ConsentsDto } from './contract.ts';
import type { RelationsConsentTable } from './tables.ts';

const toDto = (row: RelationsConsentTable): ConsentDto => ({
  id: row.id,
  purpose: row.purpose,
  granted: Number(row.granted) === 1,
  givenOn: row.given_on,
  source: row.source,
  recordedAt: row.recorded_at,
});

export async function listConsents(db: Db, orgId: string, partyId: string): Promise<ConsentsDto> {
  await getParty(db, orgId, partyId);
  const rows = await db
    .selectFrom('relations_consent')
    .selectAll()
    .where('org_id', '=', orgId)
    .where('party_id', '=', partyId)
    .orderBy('recorded_at', 'desc')
    .orderBy('id', 'desc')
    .execute();
  const history = rows.map(toDto);
  const current = new Map<string, ConsentDto>();
  for (const c of history) if (!current.has(c.purpose)) current.set(c.purpose, c);
  return { current: [...current.values()], history };
}

/** Records a consent given or withdrawn; earlier records stay as proof. */
export async function recordConsent(
  trx: Db,
  orgId: string,
  partyId: string,
  input: ConsentInput,
  actorId: string | null,
): Promise<ConsentsDto> {
  await getParty(trx, orgId, partyId);
  const id = newId();
  const row: RelationsConsentTable = {
    org_id: orgId,
    id,
    party_id: partyId,
    purpose: input.purpose,
    granted: input.granted ? 1 : 0,
    given_on: input.givenOn ?? (await orgToday(trx, orgId)),
    source: input.source,
    recorded_at: new Date().toISOString(),
    recorded_by: actorId,
  };
  await trx.insertInto('relations_consent').values(row).execute();
  await recordAudit(trx, {
    orgId,
    actorId,
    action: input.granted ? 'consent.granted' : 'consent.withdrawn',
    entity: 'relations_consent',
    entityId: id,
    after: toDto(row),
  });
  return listConsents(trx, orgId, partyId);
}
