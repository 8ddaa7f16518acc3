import { recordAudit } from '../../kernel/audit/audit.ts';
import type { Db } from '../../kernel/db/index.ts';
import { conflict, DomainError, invalid } from '../../kernel/errors/domain-error.ts';
import { newId } from '../../kernel/ids.ts';
import { formatAmount } from '../../kernel/money/index.ts';
import { getInvoiceSettings } from '../../relations/index.ts';
import {
  accountLabel,
  bankAccountDto,
  DEFAULT_BANK_LEDGER_ACCOUNT,
  listBankAccounts,
} from './bank-accounts.ts';
import type { ImportQuery, ImportReport } from './contract.ts';
import { parseStatementFile } from './parse-file.ts';
import { BankFileError, type ParsedLine, type ParsedStatement } from './statement-file.ts';
import type { ProductionBankAccountTable } from './tables.ts';

// Importing a statement file (decision 0040), in the caller's transaction: all or nothing.
// - A file that cannot be read is refused with the parser's French message; nothing is written.
// - Euros only: the books are kept in euros and a foreign-currency account needs conversion we do not do.
// - A line already imported for the account (same bank reference, or same date, amount and label) is not
//   imported again; the report lists it. Within one file identical lines are kept: two card payments of
//   the same amount on the same day are two payments.
// - A statement whose opening + Σ lines ≠ closing is imported as the bank sent it, with its gap stored
//   and shown as a warning: correcting a bank's figures is not ours to do, hiding the gap would be worse.

const EUR = 'EUR';

export async function importStatementFile(
  trx: Db,
  orgId: string,
  bytes: Uint8Array,
  query: ImportQuery,
  actorId: string | null,
): Promise<ImportReport> {
  let statements: ParsedStatement[];
  try {
    statements = parseStatementFile(bytes);
  } catch (error) {
    if (error instanceof BankFileError) throw invalid(`Relevé refusé : ${error.message}`);
    throw error;
  }
  const accounts = new Set(statements.map((s) => s.account));
  if (accounts.size > 1)
    throw invalid(
      `Ce fichier contient les relevés de ${accounts.size} comptes (${[...accounts].map(accountLabel).join(', ')}) : importez un fichier par compte.`,
    );
  for (const s of statements) checkEuros(s);
  const { account, created } = await accountFor(trx, orgId, statements[0]!, query, actorId);

  const known = await knownLines(trx, orgId, account.id);
  const report: ImportReport = { account: bankAccountDto(account), newAccount: created, statements: [] };
  for (const s of statements) {
    const already = await trx
      .selectFrom('production_bank_statement')
      .select('id')
      .where('org_id', '=', orgId)
      .where('bank_account_id', '=', account.id)
      .where('reference', '=', s.reference)
      .executeTakeFirst();
    if (already) {
      report.statements.push({
        id: already.id,
        reference: s.reference,
        alreadyImported: true,
        imported: 0,
        duplicates: [],
        notBooked: s.notBooked,
        balanceGap: 0,
        warnings: [`Le relevé ${s.reference} est déjà importé : rien n’a été ajouté.`],
      });
      continue;
    }
    report.statements.push(
      await insertStatement(trx, orgId, account, s, known, query.fileName ?? null, actorId),
    );
  }
  return report;
}

function checkEuros(s: ParsedStatement) {
  const foreign = [
    s.currency,
    s.opening?.currency,
    s.closing?.currency,
    ...s.lines.map((l) => l.currency),
  ].find((c) => c && c !== EUR);
  if (foreign)
    throw invalid(
      `Relevé refusé : le relevé ${s.reference} est en ${foreign} ; seuls les relevés en euros (EUR) s’importent.`,
    );
  if (!s.closing) throw invalid(`Relevé refusé : le relevé ${s.reference} ne donne pas de solde de clôture.`);
}

async function accountFor(
  trx: Db,
  orgId: string,
  s: ParsedStatement,
  query: ImportQuery,
  actorId: string | null,
): Promise<{ account: ProductionBankAccountTable; created: boolean }> {
  const accounts = await listBankAccounts(trx, orgId);
  const existing = accounts.find((a) => a.account === s.account);
  if (existing) return { account: existing, created: false };
  if (accounts.length > 0 && !query.ledgerAccount)
    // The field issue lets the import screen ask for the 512x account and send the file again.
    throw new DomainError(
      'rule-broken',
      `Ce relevé concerne le compte ${accountLabel(s.account)}, qui n’est pas encore un compte de l’organisation (compte connu : ${accounts.map((a) => accountLabel(a.account)).join(', ')}). Pour l’ajouter, indiquez le compte de banque des livres auquel le rapprocher (5121, 5122…).`,
      [{ field: 'ledgerAccount', message: 'Compte de banque des livres (5121, 5122…) à indiquer.' }],
      'bank-account-unknown',
    );
  // The first file: its account becomes the organisation's, unless it contradicts the IBAN the invoices
  // print (Relations › Paramètres de facturation) — then the user confirms by naming the 512x account.
  const invoiceIban = accounts.length === 0 ? (await getInvoiceSettings(trx, orgId)).iban : null;
  if (invoiceIban && invoiceIban !== s.account && !query.ledgerAccount)
    throw new DomainError(
      'rule-broken',
      `Ce relevé concerne le compte ${accountLabel(s.account)}, alors que l’IBAN de l’organisation (paramètres de facturation) est ${accountLabel(invoiceIban)}. S’il s’agit bien d’un compte de l’organisation, indiquez le compte de banque des livres auquel le rapprocher (512, 5121…).`,
      [{ field: 'ledgerAccount', message: 'Compte de banque des livres (512, 5121…) à indiquer.' }],
      'bank-account-unknown',
    );
  const ledgerAccount = query.ledgerAccount ?? DEFAULT_BANK_LEDGER_ACCOUNT;
  const taken = accounts.find((a) => a.ledger_account === ledgerAccount);
  if (taken)
    throw conflict(
      `Le compte ${ledgerAccount} des livres est déjà rapproché du compte bancaire ${accountLabel(taken.account)} : choisissez-en un autre (5121, 5122…).`,
    );
  const inChart = await trx
    .selectFrom('ledger_account')
    .select('id')
    .where('org_id', '=', orgId)
    .where('kind', '=', 'general')
    .where('number', '=', ledgerAccount)
    .executeTakeFirst();
  if (!inChart)
    throw invalid(
      `Le compte ${ledgerAccount} n’existe pas dans le plan comptable : créez-le (Comptabilité › Plan comptable) avant d’importer ce relevé.`,
    );
  const row: ProductionBankAccountTable = {
    org_id: orgId,
    id: newId(),
    account: s.account,
    iban: s.iban,
    label: `Compte ${accountLabel(s.account)}`,
    ledger_account: ledgerAccount,
    created_at: new Date().toISOString(),
    created_by: actorId,
  };
  await trx.insertInto('production_bank_account').values(row).execute();
  await recordAudit(trx, {
    orgId,
    actorId,
    action: 'production.bank_account.recorded',
    entity: 'production_bank_account',
    entityId: row.id,
    after: { account: row.account, ledgerAccount },
  });
  return { account: row, created: true };
}

type Known = { refs: Set<string>; keys: Set<string> };

const lineKey = (date: string, amount: number, label: string) =>
  `${date}|${amount}|${label.toUpperCase().replace(/\s+/g, ' ').trim()}`;

async function knownLines(trx: Db, orgId: string, accountId: string): Promise<Known> {
  const rows = await trx
    .selectFrom('production_bank_line')
    .select(['bank_ref', 'booking_date', 'amount', 'label'])
    .where('org_id', '=', orgId)
    .where('bank_account_id', '=', accountId)
    .execute();
  return {
    refs: new Set(rows.flatMap((r) => (r.bank_ref ? [r.bank_ref] : []))),
    keys: new Set(rows.map((r) => lineKey(String(r.booking_date), Number(r.amount), r.label))),
  };
}

async function insertStatement(
  trx: Db,
  orgId: string,
  account: ProductionBankAccountTable,
  s: ParsedStatement,
  known: Known,
  fileName: string | null,
  actorId: string | null,
): Promise<ImportReport['statements'][number]> {
  const fresh: ParsedLine[] = [];
  const duplicates: ParsedLine[] = [];
  for (const line of s.lines) {
    const key = lineKey(line.bookingDate, line.amount, line.label);
    if ((line.bankRef && known.refs.has(line.bankRef)) || known.keys.has(key)) duplicates.push(line);
    else fresh.push(line);
  }
  // Known only after the statement: identical lines inside one file are distinct movements.
  for (const line of fresh) {
    if (line.bankRef) known.refs.add(line.bankRef);
    known.keys.add(lineKey(line.bookingDate, line.amount, line.label));
  }
  const sum = s.lines.reduce((total, l) => total + l.amount, 0);
  const closing = s.closing!.amount;
  const opening = s.opening?.amount ?? closing - sum;
  const gap = opening + sum - closing;
  const toDate = s.toDate ?? s.closing!.date ?? s.lines.at(-1)?.bookingDate;
  if (!toDate) throw invalid(`Relevé refusé : le relevé ${s.reference} n’a pas de date de fin.`);
  const id = newId();
  await trx
    .insertInto('production_bank_statement')
    .values({
      org_id: orgId,
      id,
      bank_account_id: account.id,
      format: s.format,
      reference: s.reference,
      file_name: fileName,
      from_date: s.fromDate,
      to_date: toDate,
      currency: s.currency,
      opening_balance: opening,
      opening_derived: s.opening ? 0 : 1,
      closing_balance: closing,
      balance_gap: gap,
      line_count: fresh.length,
      duplicate_count: duplicates.length,
      not_booked_count: s.notBooked,
      imported_at: new Date().toISOString(),
      imported_by: actorId,
    })
    .execute();
  if (fresh.length > 0)
    await trx
      .insertInto('production_bank_line')
      .values(
        fresh.map((l, i) => ({
          org_id: orgId,
          id: newId(),
          statement_id: id,
          bank_account_id: account.id,
          position: i + 1,
          booking_date: l.bookingDate,
          value_date: l.valueDate,
          amount: l.amount,
          label: l.label,
          bank_ref: l.bankRef,
          end_to_end_ref: l.endToEndRef,
          counterparty: l.counterparty,
          counterparty_iban: l.counterpartyIban,
          transaction_code: l.transactionCode,
          reversal: l.reversal ? 1 : 0,
        })),
      )
      .execute();
  const warnings: string[] = [];
  if (gap !== 0)
    warnings.push(
      `Le relevé ${s.reference} ne boucle pas : solde d’ouverture ${formatAmount(opening)} + mouvements ${formatAmount(sum)} ≠ solde de clôture ${formatAmount(closing)} (écart ${formatAmount(gap)}). Il est importé tel que la banque l’a envoyé : vérifiez auprès d’elle.`,
    );
  if (duplicates.length > 0)
    warnings.push(`${duplicates.length} mouvement(s) déjà importé(s) n’ont pas été repris.`);
  if (s.notBooked > 0)
    warnings.push(
      `${s.notBooked} mouvement(s) non comptabilisé(s) par la banque (en attente) n’ont pas été repris.`,
    );
  if (!s.opening)
    warnings.push(
      'Le fichier ne donne pas de solde d’ouverture : il est déduit du solde de clôture et des mouvements.',
    );
  await recordAudit(trx, {
    orgId,
    actorId,
    action: 'production.bank_statement.imported',
    entity: 'production_bank_statement',
    entityId: id,
    after: { reference: s.reference, lines: fresh.length, duplicates: duplicates.length, gap },
  });
  return {
    id,
    reference: s.reference,
    alreadyImported: false,
    imported: fresh.length,
    duplicates: duplicates.map((l) => ({ bookingDate: l.bookingDate, amount: l.amount, label: l.label })),
    notBooked: s.notBooked,
    balanceGap: gap,
    warnings,
  };
}
