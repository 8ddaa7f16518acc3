import type { Db } from '../../kernel/db/index.ts';
import { notFound } from '../../kernel/errors/domain-error.ts';
import { bankAccountDto, listBankAccounts } from './bank-accounts.ts';
import { bankLinesOf } from './bank-lines.ts';
import type { StatementDto, StatementList, StatementSummary } from './contract.ts';

export async function listStatements(db: Db, orgId: string): Promise<StatementList> {
  const accounts = await listBankAccounts(db, orgId);
  const rows = await db
    .selectFrom('production_bank_statement as s')
    .innerJoin('production_bank_account as a', (j) =>
      j.onRef('a.org_id', '=', 's.org_id').onRef('a.id', '=', 's.bank_account_id'),
    )
    .selectAll('s')
    .select('a.account')
    .select((eb) =>
      eb
        .selectFrom('production_bank_line as b')
        .select((e) => e.fn.countAll<number>().as('n'))
        .whereRef('b.org_id', '=', 's.org_id')
        .whereRef('b.statement_id', '=', 's.id')
        .where((e) =>
          e.exists(
            e
              .selectFrom('production_bank_match as m')
              .select('m.id')
              .whereRef('m.org_id', '=', 'b.org_id')
              .whereRef('m.bank_line_id', '=', 'b.id'),
          ),
        )
        .as('matched'),
    )
    .where('s.org_id', '=', orgId)
    .orderBy('s.to_date', 'desc')
    .orderBy('s.id', 'desc')
    .execute();
  return {
    accounts: accounts.map(bankAccountDto),
    statements: rows.map((r) => summary(r, Number(r.matched ?? 0))),
  };
}

export async function getStatement(db: Db, orgId: string, statementId: string): Promise<StatementDto> {
  const list = await listStatements(db, orgId);
  const found = list.statements.find((s) => s.id === statementId);
  if (!found) throw notFound('Relevé bancaire');
  return { ...found, lines: await bankLinesOf(db, orgId, { statementId }) };
}

type Row = {
  id: string;
  bank_account_id: string;
  account: string;
  format: 'camt053' | 'ofx';
  reference: string;
  file_name: string | null;
  from_date: string | null;
  to_date: string;
  opening_balance: number;
  opening_derived: number;
  closing_balance: number;
  balance_gap: number;
  line_count: number;
  duplicate_count: number;
  not_booked_count: number;
  imported_at: string;
};

function summary(r: Row, matched: number): StatementSummary {
  return {
    id: r.id,
    bankAccountId: r.bank_account_id,
    account: r.account,
    format: r.format,
    reference: r.reference,
    fileName: r.file_name,
    fromDate: r.from_date === null ? null : String(r.from_date),
    toDate: String(r.to_date),
    openingBalance: Number(r.opening_balance),
    openingDerived: Number(r.opening_derived) === 1,
    closingBalance: Number(r.closing_balance),
    balanceGap: Number(r.balance_gap),
    lineCount: Number(r.line_count),
    duplicateCount: Number(r.duplicate_count),
    notBookedCount: Number(r.not_booked_count),
    matchedCount: matched,
    importedAt: String(r.imported_at),
  };
}
