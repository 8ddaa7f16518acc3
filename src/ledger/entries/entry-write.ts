import { recordAudit } from '../../kernel/audit/audit.ts';
import { todayIn } from '../../kernel/dates/index.ts';
import { type Db, isUniqueViolation } from '../../kernel/db/index.ts';
import { conflict } from '../../kernel/errors/domain-error.ts';
import { newId } from '../../kernel/ids.ts';
import { takeNextNumbers } from '../../kernel/numbering/numbering.ts';
import { type FiscalYearRow, organisationCalendar } from '../fiscal-years/fiscal-year.ts';
import type { LedgerJournalTable } from '../journals/tables.ts';
import type { LedgerBalanceTable } from '../reports/tables.ts';
import type { EntryOrigin, LedgerEntryTable, LedgerLineTable } from './tables.ts';

// The low-level writer of validated entries: the only code that inserts into ledger_line. Callers (post,
// validation, reversal, closing, FEC import) check the rules first.

/** A line whose account (and auxiliary account, for a party) is known by id. */
export type ResolvedLine = {
  account_id: string;
  auxiliary_id: string | null;
  label: string | null;
  debit: number;
  credit: number;
  due_date: string | null;
};

export type ValidatedHeader = {
  journal: LedgerJournalTable;
  entry_date: string;
  label: string;
  voucher_ref: string | null;
  voucher_date: string | null;
  origin: EntryOrigin;
  source_ref: string | null;
  reversal_of: string | null;
};

export const sequenceOf = (fiscalYearId: string) => `ledger.entry:${fiscalYearId}`;

export async function auditLines(trx: Db, orgId: string, lines: readonly ResolvedLine[]) {
  const ids = [
    ...new Set(lines.flatMap((l) => (l.auxiliary_id ? [l.account_id, l.auxiliary_id] : [l.account_id]))),
  ];
  const numbers = new Map(
    (
      await trx
        .selectFrom('ledger_account')
        .select(['id', 'number'])
        .where('org_id', '=', orgId)
        .where('id', 'in', ids)
        .execute()
    ).map((a) => [a.id, a.number]),
  );
  return lines.map((l) => ({
    account: numbers.get(l.account_id),
    auxiliary: l.auxiliary_id ? numbers.get(l.auxiliary_id) : undefined,
    debit: l.debit,
    credit: l.credit,
  }));
}

export type NewEntry = {
  header: ValidatedHeader;
  lines: readonly ResolvedLine[];
  year: FiscalYearRow;
  /** FEC ValidDate; today in the organisation's time zone when not given (an import keeps the file's). */
  validatedOn?: string;
};

export type WrittenEntry = { id: string; number: number; lineIds: string[] };

// Rows per INSERT: well under SQLite's 32 766 and PostgreSQL's 65 535 bound parameters.
const ENTRY_ROWS = 512;
const LINE_ROWS = 1024;

/**
 * Rows cut into inserts of few distinct sizes: full chunks, then powers of two, then a small rest. Every
 * distinct row count is a distinct statement in the connection's statement cache (500 kept), and a
 * prepared insert of a thousand rows holds megabytes: with arbitrary remainders a 1M-line import filled the
 * cache with hundreds of them (hundreds of MB) and prepared a new one per batch.
 */
export function* insertChunks<T>(rows: readonly T[], max: number): Generator<T[]> {
  let i = 0;
  for (; rows.length - i >= max; i += max) yield rows.slice(i, i + max);
  for (let size = max / 2; size >= 64; size /= 2)
    if (rows.length - i >= size) {
      yield rows.slice(i, i + size);
      i += size;
    }
  if (i < rows.length) yield rows.slice(i);
}

function lineRows(orgId: string, entryId: string, entry: NewEntry): LedgerLineTable[] {
  return entry.lines.map((l, position) => ({
    org_id: orgId,
    id: newId(),
    entry_id: entryId,
    position,
    fiscal_year_id: entry.year.id,
    journal_id: entry.header.journal.id,
    entry_date: entry.header.entry_date,
    account_id: l.account_id,
    auxiliary_id: l.auxiliary_id,
    // The FEC wants a label on every line: the entry's when the line has none.
    label: l.label ?? entry.header.label,
    debit: l.debit,
    credit: l.credit,
    due_date: l.due_date,
  }));
}

async function insertLineRows(trx: Db, rows: LedgerLineTable[], openingJournals: ReadonlySet<string>) {
  for (const chunk of insertChunks(rows, LINE_ROWS))
    await trx.insertInto('ledger_line').values(chunk).execute();
  await addToBalances(trx, rows, openingJournals);
}

/**
 * Adds the lines to the daily totals the trial balance reads (ledger_balance), in the same transaction:
 * one upsert row per account, day and opening flag.
 */
async function addToBalances(
  trx: Db,
  rows: readonly LedgerLineTable[],
  openingJournals: ReadonlySet<string>,
) {
  const totals = new Map<string, LedgerBalanceTable>();
  for (const r of rows) {
    const opening = openingJournals.has(r.journal_id) ? 1 : 0;
    const key = `${r.fiscal_year_id}|${r.account_id}|${r.entry_date}|${opening}`;
    const total = totals.get(key);
    if (total) {
      total.debit += r.debit;
      total.credit += r.credit;
    } else
      totals.set(key, {
        org_id: r.org_id,
        fiscal_year_id: r.fiscal_year_id,
        account_id: r.account_id,
        entry_date: r.entry_date,
        opening,
        debit: r.debit,
        credit: r.credit,
      });
  }
  const values = [...totals.values()];
  for (const chunk of insertChunks(values, LINE_ROWS))
    await trx
      .insertInto('ledger_balance')
      .values(chunk)
      .onConflict((oc) =>
        oc.columns(['org_id', 'fiscal_year_id', 'account_id', 'entry_date', 'opening']).doUpdateSet((eb) => ({
          debit: eb('ledger_balance.debit', '+', eb.ref('excluded.debit')),
          credit: eb('ledger_balance.credit', '+', eb.ref('excluded.credit')),
        })),
      )
      .execute();
}

const openingSet = (entries: readonly Pick<NewEntry, 'header'>[]) =>
  new Set(entries.filter((e) => e.header.journal.kind === 'opening').map((e) => e.header.journal.id));

/**
 * Writes entries straight as validated, in the given order: numbers from each fiscal year's gap-free
 * sequence, taken in the caller's transaction; headers and lines in multi-row inserts. The caller has
 * checked the rules.
 */
export async function insertValidatedEntries(
  trx: Db,
  orgId: string,
  entries: readonly NewEntry[],
  actorId: string | null,
): Promise<WrittenEntry[]> {
  const now = new Date().toISOString();
  let today: string | undefined;
  const headers: LedgerEntryTable[] = [];
  const lines: LedgerLineTable[] = [];
  const written: WrittenEntry[] = [];
  // Numbers are taken per fiscal year for the whole batch, then handed out in the entries' order.
  const next = new Map<string, number>();
  const perYear = new Map<string, number>();
  for (const entry of entries) perYear.set(entry.year.id, (perYear.get(entry.year.id) ?? 0) + 1);
  for (const [yearId, count] of perYear)
    next.set(yearId, await takeNextNumbers(trx, orgId, sequenceOf(yearId), count));
  for (const entry of entries) {
    const number = next.get(entry.year.id)!;
    next.set(entry.year.id, number + 1);
    const id = newId();
    today ??= entry.validatedOn ? undefined : todayIn((await organisationCalendar(trx, orgId)).time_zone);
    headers.push({
      org_id: orgId,
      id,
      journal_id: entry.header.journal.id,
      fiscal_year_id: entry.year.id,
      number,
      entry_date: entry.header.entry_date,
      label: entry.header.label,
      voucher_ref: entry.header.voucher_ref,
      voucher_date: entry.header.voucher_date,
      status: 'validated',
      origin: entry.header.origin,
      source_ref: entry.header.source_ref,
      reversal_of: entry.header.reversal_of,
      validated_at: now,
      validated_on: entry.validatedOn ?? today!,
      created_at: now,
      created_by: actorId,
    });
    const rows = lineRows(orgId, id, entry);
    lines.push(...rows);
    written.push({ id, number, lineIds: rows.map((r) => r.id) });
  }
  for (const chunk of insertChunks(headers, ENTRY_ROWS))
    await trx.insertInto('ledger_entry').values(chunk).execute();
  await insertLineRows(trx, lines, openingSet(entries));
  return written;
}

/** One validated entry, recorded in the audit chain (unless the caller records a summary itself). */
export async function insertValidatedEntry(
  trx: Db,
  orgId: string,
  header: ValidatedHeader,
  lines: readonly ResolvedLine[],
  year: FiscalYearRow,
  actorId: string | null,
  options: { validatedOn?: string; audit?: boolean } = {},
): Promise<WrittenEntry> {
  let written: WrittenEntry;
  try {
    [written] = (await insertValidatedEntries(
      trx,
      orgId,
      [{ header, lines, year, validatedOn: options.validatedOn }],
      actorId,
    )) as [WrittenEntry];
  } catch (error) {
    if (isUniqueViolation(error) && header.reversal_of)
      throw conflict('Cette écriture a déjà été extournée.');
    throw error;
  }
  if (options.audit !== false)
    await recordAudit(trx, {
      orgId,
      actorId,
      action: `ledger.entry.${header.origin === 'reversal' ? 'reversed' : 'posted'}`,
      entity: 'ledger_entry',
      entityId: written.id,
      after: {
        number: written.number,
        journal: header.journal.code,
        date: header.entry_date,
        label: header.label,
        reversalOf: header.reversal_of,
        sourceRef: header.source_ref,
        lines: await auditLines(trx, orgId, lines),
      },
    });
  return written;
}

/** The lines of a draft being validated, under its existing header. */
export async function insertLines(
  trx: Db,
  orgId: string,
  entryId: string,
  header: Pick<ValidatedHeader, 'journal' | 'entry_date' | 'label'>,
  lines: readonly ResolvedLine[],
  year: FiscalYearRow,
): Promise<string[]> {
  const rows = lineRows(orgId, entryId, { header: header as ValidatedHeader, lines, year });
  await insertLineRows(trx, rows, openingSet([{ header: header as ValidatedHeader }]));
  return rows.map((r) => r.id);
}
