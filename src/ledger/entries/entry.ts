import type { Db } from '../../kernel/db/index.ts';
import {
  conflict,
  DomainError,
  type FieldIssue,
  invalid,
  notFound,
  ruleBroken,
} from '../../kernel/errors/domain-error.ts';
import { ensureAuxiliaryAccount } from '../accounts/account.ts';
import { isPostable } from '../accounts/account-number.ts';
import { type FiscalYearRow, requireOpenFiscalYear } from '../fiscal-years/fiscal-year.ts';
import { requireJournal } from '../journals/journal.ts';
import type { LedgerJournalTable } from '../journals/tables.ts';
import type { EntryDto, EntryLineInput, PostingInput } from './contract.ts';
import { ledgerReversalRefusal } from './entry-owner.ts';
import { getEntry } from './entry-read.ts';
import { entryProblems, lineProblem, swapSides } from './entry-rules.ts';
import { insertValidatedEntry, type ResolvedLine } from './entry-write.ts';
import type { EntryOrigin } from './tables.ts';

function refused(message: string, issues: FieldIssue[]): DomainError {
  return new DomainError('rule-broken', message, issues, 'entry-refused');
}

/** Account numbers → ids; a party turns the line into one of its auxiliary account (created on first use). */
export async function resolveLines(
  trx: Db,
  orgId: string,
  lines: readonly EntryLineInput[],
  actorId: string | null,
): Promise<ResolvedLine[]> {
  const numbers = [...new Set(lines.map((l) => l.account))];
  const accounts = new Map(
    (
      await trx
        .selectFrom('ledger_account')
        .select(['id', 'number', 'class'])
        .where('org_id', '=', orgId)
        .where('kind', '=', 'general')
        .where('number', 'in', numbers)
        .execute()
    ).map((a) => [a.number, a]),
  );
  const issues: FieldIssue[] = [];
  lines.forEach((line, i) => {
    const account = accounts.get(line.account);
    if (!account) issues.push({ field: `lines.${i}.account`, message: `Compte ${line.account} inconnu.` });
    else if (!isPostable(account.number))
      issues.push({
        field: `lines.${i}.account`,
        message: `Le compte ${account.number} est un regroupement du plan : utilisez un compte d’au moins trois chiffres.`,
      });
    if (line.debit > 0 && line.credit > 0)
      issues.push({ field: `lines.${i}`, message: 'Une ligne porte un débit ou un crédit, pas les deux.' });
  });
  if (issues.length > 0) throw invalid('Certaines lignes de l’écriture sont invalides.', issues);
  const resolved: ResolvedLine[] = [];
  for (const line of lines) {
    const account = accounts.get(line.account)!;
    const auxiliary = line.partyId
      ? await ensureAuxiliaryAccount(trx, orgId, account, line.partyId, actorId)
      : null;
    resolved.push({
      account_id: account.id,
      auxiliary_id: auxiliary?.id ?? null,
      label: line.label,
      debit: line.debit,
      credit: line.credit,
      due_date: line.dueDate,
    });
  }
  return resolved;
}

/** Opening balances are dated on the first day of their fiscal year (FEC rule). */
export function checkOpeningDate(journal: LedgerJournalTable, date: string, year: FiscalYearRow) {
  if (journal.kind === 'opening' && date !== year.start_date)
    throw ruleBroken(
      `Les à-nouveaux (journal ${journal.code}) sont datés du premier jour de l’exercice, le ${year.start_date}.`,
      'opening-date',
    );
}

export function checkBalanced(lines: readonly ResolvedLine[]) {
  const issues = entryProblems(lines);
  if (issues.length > 0)
    throw refused(
      issues.find((i) => i.field === 'lines')?.message ?? 'L’écriture ne peut pas être validée.',
      issues,
    );
}

/**
 * The posting API of the ledger: creates and validates an entry in one go, inside the caller's
 * transaction. Invoices, receipts, payroll… all reach the ledger through this (and `reverse`).
 */
export async function post(
  trx: Db,
  orgId: string,
  input: PostingInput,
  actorId: string | null,
  origin: EntryOrigin = 'posting',
): Promise<EntryDto> {
  const journal = await requireJournal(trx, orgId, input.journal);
  const lines = await resolveLines(trx, orgId, input.lines, actorId);
  checkBalanced(lines);
  const year = await requireOpenFiscalYear(trx, orgId, input.date);
  checkOpeningDate(journal, input.date, year);
  const { id } = await insertValidatedEntry(
    trx,
    orgId,
    {
      journal,
      entry_date: input.date,
      label: input.label,
      voucher_ref: input.voucherRef,
      voucher_date: input.voucherDate,
      origin,
      source_ref: input.sourceRef ?? null,
      reversal_of: null,
    },
    lines,
    year,
    actorId,
  );
  return getEntry(trx, orgId, id);
}

/**
 * The ledger screen's reversal: the entries the ledger owns (manual, imported, reversals of those). An
 * entry posted for a document is corrected through that document (entry-owner.ts), never from here.
 */
export async function reverseFromLedger(
  trx: Db,
  orgId: string,
  entryId: string,
  date: string,
  actorId: string | null,
): Promise<EntryDto> {
  const entry = await trx
    .selectFrom('ledger_entry')
    .select(['source_ref', 'number'])
    .where('org_id', '=', orgId)
    .where('id', '=', entryId)
    .executeTakeFirst();
  if (!entry) throw notFound('Écriture');
  const refusal = ledgerReversalRefusal(entry.source_ref, entry.number);
  if (refusal) throw ruleBroken(refusal, 'entry-owned-by-document');
  return reverse(trx, orgId, entryId, date, actorId);
}

/**
 * Cancels a validated entry the only lawful way: a new validated entry, dated `date`, with debit and
 * credit swapped, pointing at the original. An entry is reversed at most once.
 */
export async function reverse(
  trx: Db,
  orgId: string,
  entryId: string,
  date: string,
  actorId: string | null,
): Promise<EntryDto> {
  const original = await trx
    .selectFrom('ledger_entry')
    .selectAll()
    .where('org_id', '=', orgId)
    .where('id', '=', entryId)
    .executeTakeFirst();
  if (!original) throw notFound('Écriture');
  if (original.status !== 'validated')
    throw ruleBroken(
      'Seule une écriture validée s’extourne ; un brouillon se modifie ou se supprime.',
      'entry-draft',
    );
  const already = await trx
    .selectFrom('ledger_entry')
    .select('id')
    .where('org_id', '=', orgId)
    .where('reversal_of', '=', entryId)
    .executeTakeFirst();
  if (already) throw conflict('Cette écriture a déjà été extournée.');
  const lines: ResolvedLine[] = swapSides(
    (
      await trx
        .selectFrom('ledger_line')
        .select(['account_id', 'auxiliary_id', 'label', 'debit', 'credit', 'due_date'])
        .where('org_id', '=', orgId)
        .where('entry_id', '=', entryId)
        .orderBy('position')
        .execute()
    ).map((l) => ({ ...l, debit: Number(l.debit), credit: Number(l.credit) })),
  );
  for (const line of lines) if (lineProblem(line)) throw new Error('ledger: stored line breaks the rules');
  const journal = await trx
    .selectFrom('ledger_journal')
    .selectAll()
    .where('org_id', '=', orgId)
    .where('id', '=', original.journal_id)
    .executeTakeFirstOrThrow();
  const year = await requireOpenFiscalYear(trx, orgId, date);
  checkOpeningDate(journal, date, year);
  const { id } = await insertValidatedEntry(
    trx,
    orgId,
    {
      journal,
      entry_date: date,
      label: `Extourne de l’écriture n° ${original.number} : ${original.label}`.slice(0, 200),
      voucher_ref: original.voucher_ref,
      voucher_date: original.voucher_date,
      origin: 'reversal',
      source_ref: original.source_ref,
      reversal_of: entryId,
    },
    lines,
    year,
    actorId,
  );
  return getEntry(trx, orgId, id);
}
