import type { FieldIssue } from '../../kernel/errors/domain-error.ts';
import { formatAmount } from '../../kernel/money/index.ts';

// The rules a validated entry obeys, as pure functions: the validation, the FEC export checks and the
// FEC import all apply these same ones.

export type Amounts = { debit: number; credit: number };

/** A line carries a debit or a credit, not both, not neither, in non-negative whole cents. */
export function lineProblem(line: Amounts): string | null {
  const { debit, credit } = line;
  if (!Number.isSafeInteger(debit) || !Number.isSafeInteger(credit))
    return 'Montant non entier en centimes ou hors limites.';
  if (debit < 0 || credit < 0) return 'Montant négatif : portez-le dans l’autre colonne.';
  if (debit > 0 && credit > 0) return 'Une ligne porte un débit ou un crédit, pas les deux.';
  if (debit === 0 && credit === 0) return 'Ligne sans montant.';
  return null;
}

export function entryTotals(lines: readonly Amounts[]): Amounts {
  let debit = 0n;
  let credit = 0n;
  for (const line of lines) {
    debit += BigInt(line.debit);
    credit += BigInt(line.credit);
  }
  if (debit > BigInt(Number.MAX_SAFE_INTEGER) || credit > BigInt(Number.MAX_SAFE_INTEGER))
    throw new RangeError('Total de l’écriture hors limites.');
  return { debit: Number(debit), credit: Number(credit) };
}

/** Every reason the lines cannot make a validated entry; empty when they can. */
export function entryProblems(lines: readonly Amounts[]): FieldIssue[] {
  const issues: FieldIssue[] = [];
  lines.forEach((line, i) => {
    const problem = lineProblem(line);
    if (problem) issues.push({ field: `lines.${i}`, message: problem });
  });
  if (issues.length > 0) return issues;
  if (lines.length < 2) return [{ field: 'lines', message: 'Une écriture compte au moins deux lignes.' }];
  const totals = entryTotals(lines);
  if (totals.debit !== totals.credit) {
    const gap = Math.abs(totals.debit - totals.credit);
    issues.push({
      field: 'lines',
      message: `L’écriture n’est pas équilibrée : débit ${formatAmount(totals.debit)}, crédit ${formatAmount(totals.credit)} (écart ${formatAmount(gap)}).`,
    });
  }
  return issues;
}

/** Debit and credit swapped: the lines of a reversal. */
export function swapSides<T extends Amounts>(lines: readonly T[]): T[] {
  return lines.map((line) => ({ ...line, debit: line.credit, credit: line.debit }));
}
