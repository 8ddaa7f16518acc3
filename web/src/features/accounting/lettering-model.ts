import type { LetteringLineDto } from '../../../../src/ledger/lettering/contract.ts';

export type Selection = {
  count: number;
  debit: number;
  credit: number;
  /** Debit minus credit of the selected lines. */
  difference: number;
  /** A lettering covers the lines of one auxiliary account only. */
  oneAuxiliary: boolean;
  /** What the buttons may do with it. */
  verdict: 'complete' | 'partial' | 'tooFew' | 'mixedAuxiliaries';
};

/**
 * The selected lines' totals and what can be done with them: letter them (debits = credits), letter them
 * partially (lower-case code, completed later), or nothing yet. The lines of partial letterings already
 * made count as they are: the server merges them into the new lettering.
 */
export function selectionOf(lines: readonly LetteringLineDto[], selected: ReadonlySet<string>): Selection {
  let debit = 0;
  let credit = 0;
  const auxiliaries = new Set<string>();
  let count = 0;
  for (const line of lines) {
    if (!selected.has(line.id)) continue;
    count += 1;
    debit += line.debit;
    credit += line.credit;
    auxiliaries.add(line.auxiliary ?? '');
  }
  const oneAuxiliary = auxiliaries.size <= 1;
  const verdict = !oneAuxiliary
    ? 'mixedAuxiliaries'
    : count < 2
      ? 'tooFew'
      : debit === credit
        ? 'complete'
        : 'partial';
  return { count, debit, credit, difference: debit - credit, oneAuxiliary, verdict };
}

/** Complete letterings (upper-case code) are closed: their lines are un-lettered before anything else. */
export function isSettled(line: LetteringLineDto): boolean {
  return line.lettering !== null && line.lettering === line.lettering.toUpperCase();
}
