// Drafts: entries typed by hand, saved unbalanced if need be, validated when ready. The one UPDATE the
// ledger ever issues on ledger_entry lives here, guarded by status = 'draft'.
import { recordAudit } from '../../kernel/audit/audit.ts';
import { todayIn } from '../../kernel/dates/index.ts';
import type { Db } from '../../kernel/db/index.ts';
import { conflict, notFound, ruleBroken } from '../../kernel/errors/domain-error.ts';
import { newId } from '../../kernel/ids.ts';
import { takeNextNumber } from '../../kernel/numbering/numbering.ts';
import { organisationCalendar, requireOpenFiscalYear } from '../fiscal-years/fiscal-year.ts';
import { requireJournal } from '../journals/journal.ts';
import type { EntryDto, EntryInput } from './contract.ts';
import { checkBalanced, checkOpeningDate, resolveLines } from './entry.ts';
import { getEntry } from './entry-read.ts';
import { auditLines, insertLines, type ResolvedLine, sequenceOf } from './entry-write.ts';
import type { LedgerEntryTable } from './tables.ts';

async function insertDraftLines(trx: Db, orgId: string, entryId: string, lines: readonly ResolvedLine[]) {
  if (lines.length === 0) return;
  const rows = lines.map((l, position) => ({
    org_id: orgId,
    id: newId(),
    entry_id: entryId,
    position,
    ...l,
  }));
  for (let i = 0; i < rows.length; i += 500)
    await trx
      .insertInto('ledger_draft_line')
      .values(rows.slice(i, i + 500))
      .execute();
}

/** A draft may be unbalanced (work in progress); it is checked when validated. */
export async function createDraft(
  trx: Db,
  orgId: string,
  input: EntryInput,
  actorId: string | null,
): Promise<EntryDto> {
  const journal = await requireJournal(trx, orgId, input.journal);
  const lines = await resolveLines(trx, orgId, input.lines, actorId);
  const id = newId();
  await trx
    .insertInto('ledger_entry')
    .values({
      org_id: orgId,
      id,
      journal_id: journal.id,
      fiscal_year_id: null,
      number: null,
      entry_date: input.date,
      label: input.label,
      voucher_ref: input.voucherRef,
      voucher_date: input.voucherDate,
      status: 'draft',
      origin: 'manual',
      source_ref: null,
      reversal_of: null,
      validated_at: null,
      validated_on: null,
      created_at: new Date().toISOString(),
      created_by: actorId,
    })
    .execute();
  await insertDraftLines(trx, orgId, id, lines);
  const entry = await getEntry(trx, orgId, id);
  await recordAudit(trx, {
    orgId,
    actorId,
    action: 'ledger.entry.drafted',
    entity: 'ledger_entry',
    entityId: id,
    after: entry,
  });
  return entry;
}

async function requireDraft(trx: Db, orgId: string, entryId: string) {
  const entry = await trx
    .selectFrom('ledger_entry')
    .selectAll()
    .where('org_id', '=', orgId)
    .where('id', '=', entryId)
    .executeTakeFirst();
  if (!entry) throw notFound('Écriture');
  if (entry.status !== 'draft')
    throw ruleBroken(
      'Une écriture validée ne se modifie plus : passez une écriture d’extourne.',
      'entry-validated',
    );
  return entry;
}

/**
 * The only UPDATE ever issued on ledger_entry: guarded by status = 'draft', so a validated entry cannot be
 * touched (the database triggers refuse it as well).
 */
async function updateDraftHeader(trx: Db, orgId: string, entryId: string, set: Partial<LedgerEntryTable>) {
  const result = await trx
    .updateTable('ledger_entry')
    .set(set)
    .where('org_id', '=', orgId)
    .where('id', '=', entryId)
    .where('status', '=', 'draft')
    .executeTakeFirst();
  if (Number(result.numUpdatedRows) !== 1) throw conflict('L’écriture a changé entre-temps : rechargez-la.');
}

export async function updateDraft(
  trx: Db,
  orgId: string,
  entryId: string,
  input: EntryInput,
  actorId: string | null,
): Promise<EntryDto> {
  await requireDraft(trx, orgId, entryId);
  const before = await getEntry(trx, orgId, entryId);
  const journal = await requireJournal(trx, orgId, input.journal);
  const lines = await resolveLines(trx, orgId, input.lines, actorId);
  await updateDraftHeader(trx, orgId, entryId, {
    journal_id: journal.id,
    entry_date: input.date,
    label: input.label,
    voucher_ref: input.voucherRef,
    voucher_date: input.voucherDate,
  });
  await trx
    .deleteFrom('ledger_draft_line')
    .where('org_id', '=', orgId)
    .where('entry_id', '=', entryId)
    .execute();
  await insertDraftLines(trx, orgId, entryId, lines);
  const after = await getEntry(trx, orgId, entryId);
  await recordAudit(trx, {
    orgId,
    actorId,
    action: 'ledger.entry.updated',
    entity: 'ledger_entry',
    entityId: entryId,
    before,
    after,
  });
  return after;
}

/** Drafts are not accounting records yet: they may be thrown away. */
export async function deleteDraft(
  trx: Db,
  orgId: string,
  entryId: string,
  actorId: string | null,
): Promise<void> {
  await requireDraft(trx, orgId, entryId);
  const before = await getEntry(trx, orgId, entryId);
  await trx
    .deleteFrom('ledger_draft_line')
    .where('org_id', '=', orgId)
    .where('entry_id', '=', entryId)
    .execute();
  await trx
    .deleteFrom('ledger_entry')
    .where('org_id', '=', orgId)
    .where('id', '=', entryId)
    .where('status', '=', 'draft')
    .execute();
  await recordAudit(trx, {
    orgId,
    actorId,
    action: 'ledger.entry.deleted',
    entity: 'ledger_entry',
    entityId: entryId,
    before,
  });
}

/** Draft → validated: checked, numbered in its fiscal year, lines frozen in ledger_line. */
export async function validateEntry(
  trx: Db,
  orgId: string,
  entryId: string,
  actorId: string | null,
): Promise<EntryDto> {
  const entry = await requireDraft(trx, orgId, entryId);
  const lines: ResolvedLine[] = (
    await trx
      .selectFrom('ledger_draft_line')
      .select(['account_id', 'auxiliary_id', 'label', 'debit', 'credit', 'due_date'])
      .where('org_id', '=', orgId)
      .where('entry_id', '=', entryId)
      .orderBy('position')
      .execute()
  ).map((l) => ({ ...l, debit: Number(l.debit), credit: Number(l.credit) }));
  checkBalanced(lines);
  const journal = await trx
    .selectFrom('ledger_journal')
    .selectAll()
    .where('org_id', '=', orgId)
    .where('id', '=', entry.journal_id)
    .executeTakeFirstOrThrow();
  const year = await requireOpenFiscalYear(trx, orgId, entry.entry_date);
  checkOpeningDate(journal, entry.entry_date, year);
  const number = await takeNextNumber(trx, orgId, sequenceOf(year.id));
  const now = new Date().toISOString();
  await updateDraftHeader(trx, orgId, entryId, {
    status: 'validated',
    fiscal_year_id: year.id,
    number,
    validated_at: now,
    validated_on: todayIn((await organisationCalendar(trx, orgId)).time_zone),
  });
  await insertLines(
    trx,
    orgId,
    entryId,
    { journal, entry_date: entry.entry_date, label: entry.label },
    lines,
    year,
  );
  await trx
    .deleteFrom('ledger_draft_line')
    .where('org_id', '=', orgId)
    .where('entry_id', '=', entryId)
    .execute();
  await recordAudit(trx, {
    orgId,
    actorId,
    action: 'ledger.entry.validated',
    entity: 'ledger_entry',
    entityId: entryId,
    after: { number, fiscalYearId: year.id, lines: await auditLines(trx, orgId, lines) },
  });
  return getEntry(trx, orgId, entryId);
}
