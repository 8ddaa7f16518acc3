import { recordAudit } from '../../kernel/audit/audit.ts';
import { type Db, isUniqueViolation } from '../../kernel/db/index.ts';
import { conflict, notFound } from '../../kernel/errors/domain-error.ts';
import { newId } from '../../kernel/ids.ts';
import type { JournalDto, JournalInput } from './contract.ts';
import type { JournalKind, LedgerJournalTable } from './tables.ts';

/** The journals every organisation starts with, as French practice names them. */
export const DEFAULT_JOURNALS: readonly { code: string; label: string; kind: JournalKind }[] = [
  { code: 'VE', label: 'Ventes', kind: 'sales' },
  { code: 'AC', label: 'Achats', kind: 'purchases' },
  { code: 'BQ', label: 'Banque', kind: 'bank' },
  { code: 'CA', label: 'Caisse', kind: 'cash' },
  { code: 'OD', label: 'Opérations diverses', kind: 'general' },
  { code: 'PA', label: 'Paie', kind: 'payroll' },
  { code: 'AN', label: 'À-nouveaux', kind: 'opening' },
];

export const OPENING_JOURNAL = 'AN';

export function toJournalDto(row: LedgerJournalTable): JournalDto {
  return { id: row.id, code: row.code, label: row.label, kind: row.kind };
}

/** Adds the default journals the organisation lacks; returns how many were added. */
export async function seedJournals(trx: Db, orgId: string, actorId: string | null = null): Promise<number> {
  const existing = new Set(
    (await trx.selectFrom('ledger_journal').select('code').where('org_id', '=', orgId).execute()).map(
      (r) => r.code,
    ),
  );
  const missing = DEFAULT_JOURNALS.filter((j) => !existing.has(j.code));
  if (missing.length === 0) return 0;
  const now = new Date().toISOString();
  await trx
    .insertInto('ledger_journal')
    .values(missing.map((j) => ({ org_id: orgId, id: newId(), ...j, created_at: now })))
    .execute();
  await recordAudit(trx, {
    orgId,
    actorId,
    action: 'ledger.journals.seeded',
    entity: 'ledger_journal',
    entityId: orgId,
    after: { codes: missing.map((j) => j.code) },
  });
  return missing.length;
}

export async function createJournal(
  trx: Db,
  orgId: string,
  input: JournalInput,
  actorId: string | null,
): Promise<JournalDto> {
  const row: LedgerJournalTable = {
    org_id: orgId,
    id: newId(),
    code: input.code,
    label: input.label,
    kind: input.kind,
    created_at: new Date().toISOString(),
  };
  try {
    await trx.insertInto('ledger_journal').values(row).execute();
  } catch (error) {
    if (isUniqueViolation(error)) throw conflict(`Le journal ${input.code} existe déjà.`);
    throw error;
  }
  await recordAudit(trx, {
    orgId,
    actorId,
    action: 'ledger.journal.created',
    entity: 'ledger_journal',
    entityId: row.id,
    after: input,
  });
  return toJournalDto(row);
}

export async function listJournals(db: Db, orgId: string): Promise<JournalDto[]> {
  const rows = await db
    .selectFrom('ledger_journal')
    .selectAll()
    .where('org_id', '=', orgId)
    .orderBy('code')
    .execute();
  return rows.map(toJournalDto);
}

export async function findJournal(db: Db, orgId: string, code: string) {
  return db
    .selectFrom('ledger_journal')
    .selectAll()
    .where('org_id', '=', orgId)
    .where('code', '=', code)
    .executeTakeFirst();
}

export async function requireJournal(db: Db, orgId: string, code: string): Promise<LedgerJournalTable> {
  const journal = await findJournal(db, orgId, code);
  if (!journal) throw notFound(`Journal ${code}`);
  return journal;
}

/** Ids of the opening (AN) journals: their lines are opening balances in the reports. */
export async function openingJournalIds(db: Db, orgId: string): Promise<string[]> {
  const rows = await db
    .selectFrom('ledger_journal')
    .select('id')
    .where('org_id', '=', orgId)
    .where('kind', '=', 'opening')
    .execute();
  return rows.map((r) => r.id);
}
