import type { Db } from '../../kernel/db/index.ts';
import type { BankLineDto } from './contract.ts';
import { suggestPosting } from './suggestion.ts';
import type { BankMatchKind } from './tables.ts';

/** The lines of a bank account (or of one statement) with their matches, in the statement's order. */
export async function bankLinesOf(
  db: Db,
  orgId: string,
  filter: { accountId: string } | { statementId: string },
): Promise<BankLineDto[]> {
  let query = db.selectFrom('production_bank_line').selectAll().where('org_id', '=', orgId);
  query =
    'accountId' in filter
      ? query.where('bank_account_id', '=', filter.accountId)
      : query.where('statement_id', '=', filter.statementId);
  const rows = await query.orderBy('booking_date').orderBy('statement_id').orderBy('position').execute();
  const matches = await db
    .selectFrom('production_bank_match as m')
    .innerJoin('production_bank_line as b', (j) =>
      j.onRef('b.org_id', '=', 'm.org_id').onRef('b.id', '=', 'm.bank_line_id'),
    )
    .select(['m.bank_line_id', 'm.ledger_line_id', 'm.kind'])
    .where('m.org_id', '=', orgId)
    .where(
      'accountId' in filter ? 'b.bank_account_id' : 'b.statement_id',
      '=',
      'accountId' in filter ? filter.accountId : filter.statementId,
    )
    .orderBy('m.id')
    .execute();
  const byLine = new Map<string, { ledgerLineId: string; kind: BankMatchKind }[]>();
  for (const m of matches)
    byLine.set(m.bank_line_id, [
      ...(byLine.get(m.bank_line_id) ?? []),
      { ledgerLineId: m.ledger_line_id, kind: m.kind },
    ]);
  return rows.map((r) => {
    const amount = Number(r.amount);
    return {
      id: r.id,
      statementId: r.statement_id,
      bookingDate: String(r.booking_date),
      valueDate: r.value_date === null ? null : String(r.value_date),
      amount,
      label: r.label,
      bankRef: r.bank_ref,
      endToEndRef: r.end_to_end_ref,
      counterparty: r.counterparty,
      counterpartyIban: r.counterparty_iban,
      transactionCode: r.transaction_code,
      reversal: Number(r.reversal) === 1,
      matches: byLine.get(r.id) ?? [],
      suggestion: suggestPosting({ amount, label: r.label, transactionCode: r.transaction_code }),
    };
  });
}

/** The text the matcher compares: what the bank says of the line. */
export function bankText(line: BankLineDto): string {
  return [line.label, line.counterparty, line.endToEndRef, line.bankRef].filter(Boolean).join(' ');
}
