import { recordAudit } from '../../kernel/audit/audit.ts';
import type { Db } from '../../kernel/db/index.ts';
import { ensureAuxiliaryByNumber, ensureGeneralByNumber, seedChartOfAccounts } from '../accounts/account.ts';
import type { LedgerAccountTable } from '../accounts/tables.ts';
import {
  type BalanceTotals,
  insertValidatedEntries,
  type NewEntry,
  type ResolvedLine,
  writeBalances,
} from '../entries/entry-write.ts';
import {
  ensureFiscalYearFor,
  type FiscalYearRow,
  fiscalYearName,
  fiscalYearOf,
} from '../fiscal-years/fiscal-year.ts';
import { createJournal, findJournal, seedJournals } from '../journals/journal.ts';
import type { LedgerJournalTable } from '../journals/tables.ts';
import { letter } from '../lettering/lettering.ts';
import type { FecIssue, FecIssues, ParsedEntry } from './fec-parse.ts';

export type FecImportReport = {
  entries: number;
  lines: number;
  accountsCreated: number;
  journalsCreated: number;
  fiscalYearsCreated: number;
  letterings: number;
  rejected: FecIssue[];
  warnings: FecIssue[];
};

// Codes other software give its opening journal: entries there are opening balances here too.
const OPENING_CODES = /^(AN|RAN|ANO|ANX|OUV)$/;

// Entries per call of the writer: a few thousand lines, several multi-row inserts.
const BATCH = 1000;
// Daily totals (account × day) held before they are written: a few MB at most.
const BALANCES_HELD = 20_000;

type Lettered = { lineIds: string[]; letteredOn: string | null; line: number };

/**
 * Writes the valid entries of a FEC, as the parser gives them, into an organisation, inside the caller's
 * transaction (the file is read as it is written, so nothing holds all of it): each
 * entry validated and numbered in the organisation's own sequence (in file order), its original ValidDate
 * kept; missing journals, accounts, auxiliary accounts and fiscal years are created; letterings are
 * rebuilt from EcritureLet. Entries dated in a closed fiscal year are rejected.
 */
export async function importFecEntries(
  trx: Db,
  orgId: string,
  parsed: AsyncIterable<ParsedEntry[]> | Iterable<ParsedEntry[]>,
  issues: FecIssues,
  actorId: string | null,
  // Called once every line is written, before the letterings are rebuilt (fec-io builds deferred indexes).
  afterLines: () => Promise<void> = async () => {},
): Promise<FecImportReport> {
  // The parser adds to the same lists while the entries are read.
  const { rejected, warnings } = issues;
  const journals = new Map<string, LedgerJournalTable>();
  const accounts = new Map<string, LedgerAccountTable>();
  const auxiliaries = new Map<string, LedgerAccountTable>();
  const years: FiscalYearRow[] = [];
  const letterings = new Map<string, Lettered>();
  const report = { entries: 0, lines: 0, accountsCreated: 0, journalsCreated: 0, fiscalYearsCreated: 0 };

  const journalFor = async (code: string, label: string) => {
    let journal = await findJournal(trx, orgId, code);
    if (!journal) {
      const created = await createJournal(
        trx,
        orgId,
        { code, label, kind: OPENING_CODES.test(code) ? 'opening' : 'general' },
        actorId,
      );
      journal = (await findJournal(trx, orgId, created.code))!;
      report.journalsCreated++;
    }
    journals.set(code, journal);
    return journal;
  };
  const accountFor = async (number: string, label: string) => {
    let account = accounts.get(number);
    if (!account) {
      account = await ensureGeneralByNumber(trx, orgId, number, label, actorId);
      accounts.set(number, account);
    }
    return account;
  };
  const auxiliaryFor = async (collective: LedgerAccountTable, number: string, label: string) => {
    const key = `${collective.id}\u0000${number}`;
    let auxiliary = auxiliaries.get(key);
    if (!auxiliary) {
      auxiliary = await ensureAuxiliaryByNumber(trx, orgId, collective, number, label, actorId);
      auxiliaries.set(key, auxiliary);
    }
    return auxiliary;
  };
  const knownYear = (date: string) => years.find((y) => y.start_date <= date && date <= y.end_date);
  const yearFor = async (date: string) => {
    const existed = await fiscalYearOf(trx, orgId, date);
    const year = existed ?? (await ensureFiscalYearFor(trx, orgId, date, actorId));
    if (!existed) report.fiscalYearsCreated++;
    years.push(year);
    return year;
  };

  // The reference chart and journals first: imported accounts then find their PCG labels and parents.
  await seedChartOfAccounts(trx, orgId, actorId);
  await seedJournals(trx, orgId, actorId);
  const accountsBefore = await countAccounts(trx, orgId);
  // Entries are written a batch at a time (multi-row inserts); their lettering codes wait for the ids.
  let batch: { entry: ParsedEntry; item: NewEntry }[] = [];
  // The daily totals of the trial balance, written when many have gathered and at the end: the same days
  // recur in every batch, and the bound keeps a file of many accounts within the import's memory.
  const balances: BalanceTotals = new Map();
  const flush = async () => {
    const written = await insertValidatedEntries(
      trx,
      orgId,
      batch.map((b) => b.item),
      actorId,
      balances,
    );
    for (const [n, { entry, item }] of batch.entries())
      for (const [k, l] of entry.lines.entries()) {
        if (!l.lettering) continue;
        const line = item.lines[k]!;
        const key = `${line.account_id}\u0000${line.auxiliary_id ?? ''}\u0000${l.lettering.toUpperCase()}`;
        const group = letterings.get(key) ?? { lineIds: [], letteredOn: null, line: l.line };
        group.lineIds.push(written[n]!.lineIds[k]!);
        if (l.letteredOn && (!group.letteredOn || l.letteredOn > group.letteredOn))
          group.letteredOn = l.letteredOn;
        letterings.set(key, group);
      }
    batch = [];
    if (balances.size >= BALANCES_HELD) await writeBalances(trx, balances);
  };
  // The caches are read without awaiting: a million lines make a million awaits otherwise.
  for await (const entries of parsed)
    for (const entry of entries) {
      const year = knownYear(entry.date) ?? (await yearFor(entry.date));
      if (year.status !== 'open') {
        for (const l of entry.lines)
          rejected.push({
            line: l.line,
            reason: `Écriture ${entry.journalCode} ${entry.number} rejetée : l’exercice ${fiscalYearName(year.start_date, year.end_date)} est clôturé.`,
          });
        continue;
      }
      const journal =
        journals.get(entry.journalCode) ?? (await journalFor(entry.journalCode, entry.journalLabel));
      const lines: ResolvedLine[] = [];
      for (const l of entry.lines) {
        const account = accounts.get(l.account) ?? (await accountFor(l.account, l.accountLabel));
        const auxiliary = l.auxiliary
          ? (auxiliaries.get(`${account.id}\u0000${l.auxiliary}`) ??
            (await auxiliaryFor(account, l.auxiliary, l.auxiliaryLabel)))
          : null;
        lines.push({
          account_id: account.id,
          auxiliary_id: auxiliary?.id ?? null,
          label: l.label,
          debit: l.debit,
          credit: l.credit,
          due_date: null,
        });
      }
      batch.push({
        entry,
        item: {
          header: {
            journal,
            entry_date: entry.date,
            label: entry.label,
            voucher_ref: entry.voucherRef,
            voucher_date: entry.voucherDate,
            origin: 'import',
            source_ref: null,
            reversal_of: null,
          },
          lines,
          year,
          validatedOn: entry.validatedOn,
        },
      });
      report.entries++;
      report.lines += lines.length;
      if (batch.length === BATCH) await flush();
    }
  if (batch.length > 0) await flush();
  await writeBalances(trx, balances);
  await afterLines();
  report.accountsCreated = (await countAccounts(trx, orgId)) - accountsBefore;
  const lettered = await rebuildLetterings(trx, orgId, letterings, actorId, warnings);
  await recordAudit(trx, {
    orgId,
    actorId,
    action: 'ledger.fec.imported',
    entity: 'ledger_entry',
    entityId: orgId,
    after: { ...report, letterings: lettered, rejected: rejected.length, warnings: warnings.length },
  });
  rejected.sort((a, b) => a.line - b.line);
  return { ...report, letterings: lettered, rejected, warnings };
}

async function countAccounts(trx: Db, orgId: string) {
  const { count } = await trx
    .selectFrom('ledger_account')
    .select((eb) => eb.cast<number>(eb.fn.countAll(), 'bigint').as('count'))
    .where('org_id', '=', orgId)
    .executeTakeFirstOrThrow();
  return Number(count);
}

/** The file's EcritureLet codes become letterings again: complete when balanced, partial otherwise. */
async function rebuildLetterings(
  trx: Db,
  orgId: string,
  groups: Map<string, Lettered>,
  actorId: string | null,
  warnings: FecIssue[],
): Promise<number> {
  let made = 0;
  for (const [key, group] of groups) {
    const [accountId, , code] = key.split('\u0000') as [string, string, string];
    if (group.lineIds.length < 2) {
      warnings.push({ line: group.line, reason: `Lettrage ${code} sur une seule ligne : ignoré.` });
      continue;
    }
    // Keep the file's code unless the organisation already uses it on this account.
    const taken = await trx
      .selectFrom('ledger_lettering')
      .select('id')
      .where('org_id', '=', orgId)
      .where('account_id', '=', accountId)
      .where('code', '=', code)
      .executeTakeFirst();
    try {
      await letter(trx, orgId, { lineIds: group.lineIds, partial: true }, actorId, {
        code: taken || !/^[A-Z]{1,10}$/.test(code) ? undefined : code,
        letteredOn: group.letteredOn ?? undefined,
        audit: false,
      });
      made++;
    } catch (error) {
      warnings.push({
        line: group.line,
        reason: `Lettrage ${code} non repris : ${(error as Error).message}`,
      });
    }
  }
  return made;
}
