import { recordAudit } from '../../kernel/audit/audit.ts';
import { formatDateFr } from '../../kernel/dates/index.ts';
import type { Db } from '../../kernel/db/index.ts';
import { conflict, invalid, notFound, ruleBroken } from '../../kernel/errors/domain-error.ts';
import { newId } from '../../kernel/ids.ts';
import { divideRounded, formatAmount } from '../../kernel/money/index.ts';
import { type EntryLineInput, post, reverse } from '../../ledger/index.ts';
import { bankAccountDto, resolveBankAccount } from './bank-accounts.ts';
import { bankLinesOf, bankText } from './bank-lines.ts';
import type {
  AutoMatchResult,
  BankLineDto,
  ManualMatchInput,
  PostLineInput,
  WorkspaceDto,
} from './contract.ts';
import { ledgerLinesOf, outstanding } from './ledger-side.ts';
import { autoMatch } from './matching.ts';
import type { BankMatchKind, ProductionBankAccountTable } from './tables.ts';

// Pointage (decision 0040): a bank line is matched with one or several lines of the books' bank account
// whose total equals it. Matches live in production_bank_match; the ledger is only read, and written
// through post() / reverse() when a bank line is « comptabilisée ».

export const BANK_LINE_SOURCE = 'production.bank_line:';
const DEDUCTIBLE_VAT = '44566';
const COLLECTED_VAT = '44571';

/** Both sides of one bank account: unmatched lines first, then the matched ones, most recent first. */
export async function getWorkspace(db: Db, orgId: string, accountId?: string): Promise<WorkspaceDto> {
  const account = await resolveBankAccount(db, orgId, accountId);
  if (!account) return { account: null, bankLines: [], ledgerLines: [] };
  const bank = await bankLinesOf(db, orgId, { accountId: account.id });
  const ledger = await ledgerLinesOf(db, orgId, account.ledger_account);
  // Entries older than the first statement (beyond the matching window) are in its opening balance.
  const start = await firstStatementStart(db, orgId, account.id);
  const horizon = start ? shiftDays(start, -DEFAULT_WINDOW_DAYS) : null;
  const open = new Set(
    outstanding(ledger)
      .filter((l) => horizon === null || l.date >= horizon)
      .map((l) => l.id),
  );
  const order =
    <T extends { date: string; id: string }>(isOpen: (x: T) => boolean) =>
    (a: T, b: T) =>
      Number(isOpen(b)) - Number(isOpen(a)) || b.date.localeCompare(a.date) || a.id.localeCompare(b.id);
  return {
    account: bankAccountDto(account),
    bankLines: bank
      .map((l) => ({ ...l, date: l.bookingDate }))
      .sort(order((l) => l.matches.length === 0))
      .map(({ date: _date, ...l }) => l),
    ledgerLines: ledger
      .filter((l) => l.bankLineId !== null || open.has(l.id))
      .sort(order((l) => open.has(l.id)))
      .map(({ reversalOf: _r, reversed: _v, ...l }) => l),
  };
}

export const DEFAULT_WINDOW_DAYS = 5;

function shiftDays(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}

async function firstStatementStart(db: Db, orgId: string, accountId: string): Promise<string | null> {
  const first = await db
    .selectFrom('production_bank_statement')
    .select(['from_date', 'to_date'])
    .where('org_id', '=', orgId)
    .where('bank_account_id', '=', accountId)
    .orderBy('to_date')
    .limit(1)
    .executeTakeFirst();
  return first ? String(first.from_date ?? first.to_date) : null;
}

async function insertMatches(
  trx: Db,
  orgId: string,
  bankLineId: string,
  ledgerLineIds: string[],
  kind: BankMatchKind,
  actorId: string | null,
) {
  const now = new Date().toISOString();
  await trx
    .insertInto('production_bank_match')
    .values(
      ledgerLineIds.map((ledgerLineId) => ({
        org_id: orgId,
        id: newId(),
        bank_line_id: bankLineId,
        ledger_line_id: ledgerLineId,
        kind,
        matched_at: now,
        matched_by: actorId,
      })),
    )
    .execute();
}

/** Locks the account's matching: two auto-matches at once would both see the same lines unmatched. */
async function lockAccount(trx: Db, orgId: string, account: ProductionBankAccountTable) {
  await trx
    .updateTable('production_bank_account')
    .set((eb) => ({ label: eb.ref('label') }))
    .where('org_id', '=', orgId)
    .where('id', '=', account.id)
    .execute();
}

export async function autoMatchAccount(
  trx: Db,
  orgId: string,
  input: { accountId?: string | undefined; windowDays: number },
  actorId: string | null,
): Promise<AutoMatchResult> {
  const account = await resolveBankAccount(trx, orgId, input.accountId);
  if (!account) throw ruleBroken('Aucun relevé bancaire importé : importez un relevé avant de rapprocher.');
  await lockAccount(trx, orgId, account);
  const bank = (await bankLinesOf(trx, orgId, { accountId: account.id })).filter(
    (l) => l.matches.length === 0,
  );
  const ledger = outstanding(await ledgerLinesOf(trx, orgId, account.ledger_account));
  const pairs = autoMatch(
    bank.map((l) => ({ id: l.id, date: l.bookingDate, amount: l.amount, text: bankText(l) })),
    ledger.map((l) => ({
      id: l.id,
      date: l.date,
      amount: l.amount,
      text: `${l.label} ${l.voucherRef ?? ''}`,
    })),
    input.windowDays,
  );
  for (const p of pairs) await insertMatches(trx, orgId, p.bankLineId, [p.ledgerLineId], 'auto', actorId);
  if (pairs.length > 0)
    await recordAudit(trx, {
      orgId,
      actorId,
      action: 'production.bank_reconciliation.auto_matched',
      entity: 'production_bank_account',
      entityId: account.id,
      after: { pairs: pairs.length, windowDays: input.windowDays },
    });
  return { matched: pairs.length, pairs };
}

async function requireBankLine(trx: Db, orgId: string, bankLineId: string) {
  const line = await trx
    .selectFrom('production_bank_line as b')
    .innerJoin('production_bank_account as a', (j) =>
      j.onRef('a.org_id', '=', 'b.org_id').onRef('a.id', '=', 'b.bank_account_id'),
    )
    .select([
      'b.id',
      'b.amount',
      'b.booking_date',
      'b.label',
      'b.bank_ref',
      'b.end_to_end_ref',
      'a.ledger_account',
      'b.bank_account_id',
    ])
    .where('b.org_id', '=', orgId)
    .where('b.id', '=', bankLineId)
    .executeTakeFirst();
  if (!line) throw notFound('Ligne de relevé');
  // One writer at a time on the account's matches: two requests would both see the line unmatched.
  await trx
    .updateTable('production_bank_account')
    .set((eb) => ({ label: eb.ref('label') }))
    .where('org_id', '=', orgId)
    .where('id', '=', line.bank_account_id)
    .execute();
  const matched = await trx
    .selectFrom('production_bank_match')
    .select(['id', 'ledger_line_id', 'kind'])
    .where('org_id', '=', orgId)
    .where('bank_line_id', '=', bankLineId)
    .execute();
  return { ...line, amount: Number(line.amount), booking_date: String(line.booking_date), matched };
}

export async function matchManually(
  trx: Db,
  orgId: string,
  input: ManualMatchInput,
  actorId: string | null,
): Promise<BankLineDto> {
  const line = await requireBankLine(trx, orgId, input.bankLineId);
  if (line.matched.length > 0)
    throw conflict('Cette ligne du relevé est déjà rapprochée : défaites le rapprochement d’abord.');
  const ids = [...new Set(input.ledgerLineIds)];
  const ledger = (await ledgerLinesOf(trx, orgId, line.ledger_account)).filter((l) => ids.includes(l.id));
  if (ledger.length !== ids.length) throw notFound(`Ligne du compte ${line.ledger_account}`);
  const taken = ledger.find((l) => l.bankLineId !== null);
  if (taken)
    throw conflict(
      `La ligne « ${taken.label} » du ${formatDateFr(taken.date)} est déjà rapprochée d’une autre ligne du relevé.`,
    );
  const total = ledger.reduce((s, l) => s + l.amount, 0);
  if (total !== line.amount)
    throw ruleBroken(
      `Les lignes choisies totalisent ${formatAmount(total)}, la ligne du relevé ${formatAmount(line.amount)} : le rapprochement exige le même montant.`,
    );
  await insertMatches(trx, orgId, line.id, ids, 'manual', actorId);
  await recordAudit(trx, {
    orgId,
    actorId,
    action: 'production.bank_reconciliation.matched',
    entity: 'production_bank_line',
    entityId: line.id,
    after: { ledgerLineIds: ids },
  });
  return (await bankLinesOf(trx, orgId, { accountId: line.bank_account_id })).find((l) => l.id === line.id)!;
}

/**
 * Undoes a bank line's match. When the entry was made from the bank line (« Comptabiliser »), it is
 * reversed on the same day: the books keep the error and its correction, the bank line is open again.
 */
export async function unmatch(
  trx: Db,
  orgId: string,
  bankLineId: string,
  actorId: string | null,
): Promise<BankLineDto> {
  const line = await requireBankLine(trx, orgId, bankLineId);
  if (line.matched.length === 0) throw ruleBroken('Cette ligne du relevé n’est pas rapprochée.');
  await trx
    .deleteFrom('production_bank_match')
    .where('org_id', '=', orgId)
    .where('bank_line_id', '=', line.id)
    .execute();
  let reversed: number | null = null;
  if (line.matched.some((m) => m.kind === 'posted')) {
    const entry = await trx
      .selectFrom('ledger_line')
      .select('entry_id')
      .where('org_id', '=', orgId)
      .where('id', '=', line.matched[0]!.ledger_line_id)
      .executeTakeFirstOrThrow();
    reversed = (await reverse(trx, orgId, entry.entry_id, line.booking_date, actorId)).number;
  }
  await recordAudit(trx, {
    orgId,
    actorId,
    action: 'production.bank_reconciliation.unmatched',
    entity: 'production_bank_line',
    entityId: line.id,
    before: { ledgerLineIds: line.matched.map((m) => m.ledger_line_id) },
    after: { reversalEntry: reversed },
  });
  return (await bankLinesOf(trx, orgId, { accountId: line.bank_account_id })).find((l) => l.id === line.id)!;
}

/** The VAT inside an amount that includes it: amount × rate ÷ (1 + rate), rounded to the cent. */
export function includedVat(amount: number, rate: number): number {
  return Number(divideRounded(BigInt(amount) * BigInt(rate), BigInt(10000 + rate), 'halfUp'));
}

/** « Comptabiliser » : the bank entry (journal BQ) for a bank line the books do not have, matched at once. */
export async function postBankLine(
  trx: Db,
  orgId: string,
  bankLineId: string,
  input: PostLineInput,
  actorId: string | null,
): Promise<{ line: BankLineDto; entryId: string; entryNumber: number | null }> {
  const line = await requireBankLine(trx, orgId, bankLineId);
  if (line.matched.length > 0)
    throw conflict('Cette ligne du relevé est déjà rapprochée : rien à comptabiliser.');
  if (/^(401|411)/.test(input.account) && !input.partyId)
    throw invalid(
      'Choisissez le tiers : un compte 401 ou 411 se passe au compte du fournisseur ou du client.',
      [{ field: 'partyId', message: 'Tiers obligatoire pour ce compte.' }],
    );
  if (input.account.startsWith('512'))
    throw invalid('La contrepartie d’un mouvement de banque ne peut pas être un compte de banque.', [
      { field: 'account', message: 'Choisissez un compte de charge, de produit ou de tiers.' },
    ]);
  const label = (input.label ?? line.label).slice(0, 200);
  const magnitude = Math.abs(line.amount);
  const vat = input.vatRate > 0 ? includedVat(magnitude, input.vatRate) : 0;
  const lineOf = (
    account: string,
    amount: number,
    debit: boolean,
    partyId: string | null = null,
  ): EntryLineInput => ({
    account,
    partyId,
    label,
    debit: debit ? amount : 0,
    credit: debit ? 0 : amount,
    dueDate: null,
  });
  const moneyIn = line.amount > 0;
  const lines: EntryLineInput[] = [lineOf(line.ledger_account, magnitude, moneyIn)];
  // Money out: the charge (net) and its deductible VAT on the debit side; money in: the mirror.
  lines.push(lineOf(input.account, magnitude - vat, !moneyIn, input.partyId));
  if (vat > 0) lines.push(lineOf(moneyIn ? COLLECTED_VAT : DEDUCTIBLE_VAT, vat, !moneyIn));
  const entry = await post(
    trx,
    orgId,
    {
      journal: 'BQ',
      date: line.booking_date,
      label,
      voucherRef: (line.bank_ref ?? line.end_to_end_ref)?.slice(0, 100) ?? null,
      voucherDate: line.booking_date,
      lines,
      sourceRef: `${BANK_LINE_SOURCE}${line.id}`,
    },
    actorId,
  );
  const bankSide = entry.lines.find((l) => l.account === line.ledger_account)!;
  await insertMatches(trx, orgId, line.id, [bankSide.id], 'posted', actorId);
  await recordAudit(trx, {
    orgId,
    actorId,
    action: 'production.bank_reconciliation.posted',
    entity: 'production_bank_line',
    entityId: line.id,
    after: { entry: entry.number, account: input.account, vatRate: input.vatRate },
  });
  const dto = (await bankLinesOf(trx, orgId, { accountId: line.bank_account_id })).find(
    (l) => l.id === line.id,
  )!;
  return { line: dto, entryId: entry.id, entryNumber: entry.number };
}
