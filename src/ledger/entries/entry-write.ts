import { recordAudit } from '../../kernel/audit/audit.ts';
import { todayIn } from '../../kernel/dates/index.ts';
import { type Db, insertRows, isUniqueViolation } from '../../kernel/db/index.ts';
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

// Column orders of the bulk inserts (kernel/db insertRows): rows travel as arrays, not objects, because a
// FEC import writes a million of them (decision 0009).
const ENTRY_COLUMNS = [
  'org_id',
  'id',
  'journal_id',
  'fiscal_year_id',
  'number',
  'entry_date',
  'label',
  'voucher_ref',
  'voucher_date',
  'status',
  'origin',
  'source_ref',
  'reversal_of',
  'validated_at',
  'validated_on',
  'created_at',
  'created_by',
] as const satisfies readonly (keyof LedgerEntryTable)[];

const LINE_COLUMNS = [
  'org_id',
  'id',
  'entry_id',
  'position',
  'fiscal_year_id',
  'journal_id',
  'entry_date',
  'account_id',
  'auxiliary_id',
  'label',
  'debit',
  'credit',
  'due_date',
] as const satisfies readonly (keyof LedgerLineTable)[];

/** A ledger_line row in LINE_COLUMNS order. */
type LineRow = [
  org_id: string,
  id: string,
  entry_id: string,
  position: number,
  fiscal_year_id: string,
  journal_id: string,
  entry_date: string,
  account_id: string,
  auxiliary_id: string | null,
  label: string,
  debit: number,
  credit: number,
  due_date: string | null,
];

function lineRows(orgId: string, entryId: string, entry: NewEntry): LineRow[] {
  return entry.lines.map((l, position) => [
    orgId,
    newId(),
    entryId,
    position,
    entry.year.id,
    entry.header.journal.id,
    entry.header.entry_date,
    l.account_id,
    l.auxiliary_id,
    // The FEC wants a label on every line: the entry's when the line has none.
    l.label ?? entry.header.label,
    l.debit,
    l.credit,
    l.due_date,
  ]);
}

/** Daily totals not yet written to ledger_balance, keyed by fiscal year, account, day and opening flag. */
export type BalanceTotals = Map<string, LedgerBalanceTable>;

async function insertLineRows(
  trx: Db,
  rows: LineRow[],
  openingJournals: ReadonlySet<string>,
  pending?: BalanceTotals,
) {
  await insertRows(trx, 'ledger_line', LINE_COLUMNS, rows);
  const totals = pending ?? new Map();
  addToTotals(totals, rows, openingJournals);
  if (!pending) await writeBalances(trx, totals);
}

// Upserts per statement into ledger_balance: a batch touches a few hundred (account, day) pairs.
const BALANCE_ROWS = 512;

function addToTotals(totals: BalanceTotals, rows: readonly LineRow[], openingJournals: ReadonlySet<string>) {
  for (const [org_id, , , , fiscal_year_id, journal_id, entry_date, account_id, , , debit, credit] of rows) {
    const opening = openingJournals.has(journal_id) ? 1 : 0;
    const key = `${fiscal_year_id}|${account_id}|${entry_date}|${opening}`;
    const total = totals.get(key);
    if (total) {
      total.debit += debit;
      total.credit += credit;
    } else totals.set(key, { org_id, fiscal_year_id, account_id, entry_date, opening, debit, credit });
  }
}

/**
 * Adds lines' totals to the daily totals the trial balance reads (ledger_balance), in the caller's
 * transaction: one upsert row per account, day and opening flag.
 */
export async function writeBalances(trx: Db, totals: BalanceTotals) {
  const values = [...totals.values()];
  for (let start = 0; start < values.length; start += BALANCE_ROWS)
    await trx
      .insertInto('ledger_balance')
      .values(values.slice(start, start + BALANCE_ROWS))
      .onConflict((oc) =>
        oc.columns(['org_id', 'fiscal_year_id', 'account_id', 'entry_date', 'opening']).doUpdateSet((eb) => ({
          debit: eb('ledger_balance.debit', '+', eb.ref('excluded.debit')),
          credit: eb('ledger_balance.credit', '+', eb.ref('excluded.credit')),
        })),
      )
      .execute();
  totals.clear();
}

const openingSet = (entries: readonly Pick<NewEntry, 'header'>[]) =>
  new Set(entries.filter((e) => e.header.journal.kind === 'opening').map((e) => e.header.journal.id));

/**
 * Writes entries straight as validated, in the given order: numbers from each fiscal year's gap-free
 * sequence, taken in the caller's transaction; headers and lines in bulk inserts. The caller has
 * checked the rules. A bulk caller (the FEC import) may collect the daily totals in `pending` and write
 * them with writeBalances before its transaction ends: a million lines touch a few thousand days, and
 * upserting them once instead of per batch spares most of the writes.
 */
export async function insertValidatedEntries(
  trx: Db,
  orgId: string,
  entries: readonly NewEntry[],
  actorId: string | null,
  pending?: BalanceTotals,
): Promise<WrittenEntry[]> {
  const now = new Date().toISOString();
  let today: string | undefined;
  const headers: unknown[][] = [];
  const lines: LineRow[] = [];
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
    const { header } = entry;
    // ENTRY_COLUMNS order.
    headers.push([
      orgId,
      id,
      header.journal.id,
      entry.year.id,
      number,
      header.entry_date,
      header.label,
      header.voucher_ref,
      header.voucher_date,
      'validated',
      header.origin,
      header.source_ref,
      header.reversal_of,
      now,
      entry.validatedOn ?? today!,
      now,
      actorId,
    ]);
    const rows = lineRows(orgId, id, entry);
    for (const row of rows) lines.push(row);
    written.push({ id, number, lineIds: rows.map((r) => r[1]) });
  }
  await insertRows(trx, 'ledger_entry', ENTRY_COLUMNS, headers);
  await insertLineRows(trx, lines, openingSet(entries), pending);
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
  return rows.map((r) => r[1]);
}
