import { formatDateFr } from '../../kernel/dates/index.ts';
import type { Db } from '../../kernel/db/index.ts';
import type { ReportTable } from '../../ledger/index.ts';
import { accountLabel, bankAccountDto, resolveBankAccount } from './bank-accounts.ts';
import type { ReconciliationDto } from './contract.ts';
import { ledgerLinesOf, outstanding } from './ledger-side.ts';

// The état de rapprochement at a date (decision 0040). Sides, in the account holder's terms (positive =
// money in, i.e. a debit of 512):
//   bank balance  = closing balance of the last statement ending on or before the date;
//   book balance  = Σ (debit − credit) of the 512x lines dated on or before the date;
//   bankOnly      = lines of the statements taken, not matched with a line of the books dated ≤ the date;
//   bookOnly      = lines of the books from the first statement's start to the date, not matched with a
//                   line of those statements (an entry and its reversal cancel out and are left aside);
//   openingGap    = book lines before the first statement not matched with its lines − its opening
//                   balance (a cheque written before, cashed during the first statement, is matched);
// Then bank + Σ bookOnly must equal books + Σ bankOnly − openingGap: `unexplained` is the difference, 0
// when the statements reconcile and every movement is on one side or matched.

export async function reconciliationAt(
  db: Db,
  orgId: string,
  query: { accountId?: string | undefined; date?: string | undefined },
  today: string,
): Promise<ReconciliationDto> {
  const account = await resolveBankAccount(db, orgId, query.accountId);
  const statements = account
    ? await db
        .selectFrom('production_bank_statement')
        .select(['id', 'reference', 'from_date', 'to_date', 'opening_balance', 'closing_balance'])
        .where('org_id', '=', orgId)
        .where('bank_account_id', '=', account.id)
        .orderBy('to_date')
        .orderBy('id')
        .execute()
    : [];
  const date = query.date ?? (statements.at(-1) ? String(statements.at(-1)!.to_date) : today);
  const taken = statements.filter((s) => String(s.to_date) <= date);
  const last = taken.at(-1) ?? null;
  const first = taken[0] ?? null;
  const start = first ? String(first.from_date ?? first.to_date) : null;
  if (!account)
    return {
      account: null,
      date,
      statement: null,
      bookBalance: 0,
      bankBalance: 0,
      bankOnly: [],
      bookOnly: [],
      openingGap: 0,
      adjustedBank: 0,
      adjustedBook: 0,
      unexplained: 0,
    };
  const ledger = (await ledgerLinesOf(db, orgId, account.ledger_account)).filter((l) => l.date <= date);
  const bookBalance = ledger.reduce((s, l) => s + l.amount, 0);
  const statementIds = new Set(taken.map((s) => s.id));
  const bankLines = taken.length
    ? await db
        .selectFrom('production_bank_line')
        .select(['id', 'statement_id', 'booking_date', 'label', 'amount', 'bank_ref'])
        .where('org_id', '=', orgId)
        .where('statement_id', 'in', [...statementIds])
        .orderBy('booking_date')
        .orderBy('position')
        .execute()
    : [];
  const bankLineIds = new Set(bankLines.map((b) => b.id));
  const matchedBank = new Set(
    ledger.filter((l) => l.bankLineId !== null && bankLineIds.has(l.bankLineId)).map((l) => l.bankLineId!),
  );
  // A ledger line counts as matched at the date only with a bank line of the statements taken.
  const atDate = ledger.map((l) => ({
    ...l,
    bankLineId: l.bankLineId && bankLineIds.has(l.bankLineId) ? l.bankLineId : null,
  }));
  const bookOnly = start
    ? outstanding(atDate, date)
        .filter((l) => l.date >= start)
        .map((l) => ({ date: l.date, label: l.label, amount: l.amount, ref: l.voucherRef }))
    : [];
  const bankOnly = bankLines
    .filter((b) => !matchedBank.has(b.id))
    .map((b) => ({
      date: String(b.booking_date),
      label: b.label,
      amount: Number(b.amount),
      ref: b.bank_ref,
    }));
  // Before the first statement, the lines the bank had not yet booked are matched with its lines: the
  // others make the book balance the first opening balance should equal.
  const bookBefore = start
    ? atDate.filter((l) => l.date < start && l.bankLineId === null).reduce((s, l) => s + l.amount, 0)
    : 0;
  const openingGap = first ? bookBefore - Number(first.opening_balance) : 0;
  const bankBalance = last ? Number(last.closing_balance) : 0;
  const sum = (items: { amount: number }[]) => items.reduce((s, i) => s + i.amount, 0);
  const adjustedBank = bankBalance + sum(bookOnly);
  const adjustedBook = bookBalance + sum(bankOnly) - openingGap;
  return {
    account: bankAccountDto(account),
    date,
    statement: last ? { id: last.id, reference: last.reference, toDate: String(last.to_date) } : null,
    bookBalance,
    bankBalance,
    bankOnly,
    bookOnly,
    openingGap,
    adjustedBank,
    adjustedBook,
    unexplained: adjustedBank - adjustedBook,
  };
}

/** The état as a report table for renderReport (PDF, XLSX, CSV); amounts in cents as the renderers take. */
export function reconciliationTable(dto: ReconciliationDto): ReportTable {
  const rows: ReportTable['rows'] = [];
  const section = (title: string) => rows.push({ cells: ['', title, null], emphasis: true });
  section('Relevé bancaire');
  rows.push({
    cells: [
      dto.statement ? formatDateFr(dto.statement.toDate) : '',
      dto.statement ? `Solde du relevé ${dto.statement.reference}` : 'Aucun relevé à cette date',
      dto.bankBalance,
    ],
  });
  for (const i of dto.bookOnly)
    rows.push({
      cells: [formatDateFr(i.date), `En comptabilité, pas encore en banque : ${i.label}`, i.amount],
    });
  rows.push({ cells: ['', 'Solde bancaire rapproché', dto.adjustedBank], emphasis: true });
  section(`Comptabilité (compte ${dto.account?.ledgerAccount ?? '512'})`);
  rows.push({ cells: [formatDateFr(dto.date), 'Solde du compte en comptabilité', dto.bookBalance] });
  for (const i of dto.bankOnly)
    rows.push({
      cells: [formatDateFr(i.date), `En banque, pas encore en comptabilité : ${i.label}`, i.amount],
    });
  if (dto.openingGap !== 0)
    rows.push({
      cells: ['', 'Écart entre les livres et le solde d’ouverture du premier relevé', -dto.openingGap],
    });
  rows.push({ cells: ['', 'Solde comptable rapproché', dto.adjustedBook], emphasis: true });
  rows.push({
    cells: ['', dto.unexplained === 0 ? 'Écart inexpliqué : aucun' : 'Écart inexpliqué', dto.unexplained],
    emphasis: true,
  });
  const account = dto.account ? accountLabel(dto.account.account) : '';
  return {
    title: `État de rapprochement bancaire au ${formatDateFr(dto.date)}`,
    subtitle: `Compte ${account} – compte ${dto.account?.ledgerAccount ?? '512'} des livres – montants en euros`,
    fileName: `etat-de-rapprochement-${dto.date}`,
    columns: [
      { header: 'Date', kind: 'text', width: 0.9 },
      { header: 'Libellé', kind: 'text', width: 4 },
      { header: 'Montant', kind: 'amount' },
    ],
    rows,
  };
}
