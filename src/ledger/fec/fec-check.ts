import type { FieldIssue } from '../../kernel/errors/domain-error.ts';
import { formatAmount } from '../../kernel/money/index.ts';
import type { FiscalYearRow } from '../fiscal-years/fiscal-year.ts';

// At most this many problems of each kind are listed: a broken year is fixed from the first ones.
const MAX_LISTED = 50;

/** An entry of the year as the export meets it, with the totals of its lines. */
export type CheckedEntry = { number: number; date: string; lines: number; debit: number; credit: number };

/**
 * What would make the FEC of a fiscal year unlawful — an unbalanced entry, a gap in the numbers, an entry
 * dated outside the year, a validated entry without lines — checked on the entries as the export writes
 * them, in number order, rather than by a pass of its own over the year's lines before it (a million lines
 * read twice: issue 3 §7, decision 0046). The ledger's own rules prevent all of them; this is the last line
 * of defence (a restored backup, a hand edit). The export keeps its file only when `problems()` is empty.
 */
export function fecYearChecker(year: FiscalYearRow) {
  const unbalanced: FieldIssue[] = [];
  const outside: FieldIssue[] = [];
  const gaps: FieldIssue[] = [];
  const empty: FieldIssue[] = [];
  const list = (problems: FieldIssue[], number: number, message: string) => {
    if (problems.length < MAX_LISTED) problems.push({ field: `écriture ${number}`, message });
  };
  let expected = 1;
  return {
    entry({ number, date, lines, debit, credit }: CheckedEntry) {
      // Numbers are unique (an index), so a number above the next expected one is a gap.
      if (number > expected)
        list(
          gaps,
          number,
          `Rupture de numérotation : ${number - expected === 1 ? `n° ${expected} manquant` : `n° ${expected} à ${number - 1} manquants`}.`,
        );
      expected = number + 1;
      if (date < year.start_date || date > year.end_date)
        list(
          outside,
          number,
          `Écriture datée du ${date}, hors de l’exercice (${year.start_date} – ${year.end_date}).`,
        );
      if (lines === 0) list(empty, number, 'Écriture validée sans ligne.');
      else if (debit !== credit)
        list(
          unbalanced,
          number,
          `Écriture déséquilibrée : débit ${formatAmount(debit)}, crédit ${formatAmount(credit)}.`,
        );
    },
    problems: (): FieldIssue[] => [...unbalanced, ...outside, ...gaps, ...empty],
  };
}
