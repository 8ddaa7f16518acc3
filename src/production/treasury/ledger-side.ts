import type { Db } from '../../kernel/db/index.ts';
import type { LedgerSideLine } from './contract.ts';

// The books' side of the reconciliation: the validated lines of the bank account (512 or the 512x the
// bank account is reconciled with). Read only: the ledger's tables are written by the ledger alone.

export type LedgerSideRow = LedgerSideLine & { reversalOf: string | null; reversed: boolean };

export async function ledgerLinesOf(db: Db, orgId: string, ledgerAccount: string): Promise<LedgerSideRow[]> {
  const rows = await db
    .selectFrom('ledger_line as l')
    .innerJoin('ledger_account as a', (j) =>
      j.onRef('a.org_id', '=', 'l.org_id').onRef('a.id', '=', 'l.account_id'),
    )
    .innerJoin('ledger_entry as e', (j) =>
      j.onRef('e.org_id', '=', 'l.org_id').onRef('e.id', '=', 'l.entry_id'),
    )
    .innerJoin('ledger_journal as j', (j) =>
      j.onRef('j.org_id', '=', 'l.org_id').onRef('j.id', '=', 'l.journal_id'),
    )
    .leftJoin('production_bank_match as m', (j) =>
      j.onRef('m.org_id', '=', 'l.org_id').onRef('m.ledger_line_id', '=', 'l.id'),
    )
    .select([
      'l.id',
      'l.entry_id',
      'e.number',
      'j.code',
      'l.entry_date',
      'l.label',
      'e.voucher_ref',
      'l.debit',
      'l.credit',
      'm.bank_line_id',
      'e.reversal_of',
    ])
    .where('l.org_id', '=', orgId)
    .where('a.number', '=', ledgerAccount)
    .where('a.kind', '=', 'general')
    .orderBy('l.entry_date')
    .orderBy('l.id')
    .execute();
  const reversed = new Set(rows.flatMap((r) => (r.reversal_of ? [r.reversal_of] : [])));
  return rows.map((r) => ({
    id: r.id,
    entryId: r.entry_id,
    entryNumber: r.number === null ? null : Number(r.number),
    journal: r.code,
    date: String(r.entry_date),
    label: r.label,
    voucherRef: r.voucher_ref,
    amount: Number(r.debit) - Number(r.credit),
    bankLineId: r.bank_line_id ?? null,
    reversalOf: r.reversal_of,
    reversed: reversed.has(r.entry_id),
  }));
}

/**
 * The lines still to match: not matched, and not an entry cancelled by its reversal (the pair nets to
 * zero in the books and never reaches the bank) when both are dated on or before `asOf`.
 */
export function outstanding(rows: LedgerSideRow[], asOf: string | null = null): LedgerSideRow[] {
  const dateOf = new Map(rows.map((r) => [r.entryId, r.date]));
  const cancelled = new Set<string>();
  for (const r of rows) {
    if (!r.reversalOf || !dateOf.has(r.reversalOf)) continue;
    const latest = [r.date, dateOf.get(r.reversalOf)!].sort()[1]!;
    if (asOf === null || latest <= asOf) {
      cancelled.add(r.entryId);
      cancelled.add(r.reversalOf);
    }
  }
  return rows.filter((r) => r.bankLineId === null && !cancelled.has(r.entryId));
}
