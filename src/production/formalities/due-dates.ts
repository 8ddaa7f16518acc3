import { addMonths, daysBetween } from '../../kernel/dates/index.ts';
import type { FormalityPeriodicity, FormalityStatus } from './contract.ts';

// When a formality falls due, and its status on a date (decision 0048). Pure functions.

const MONTHS: Record<Exclude<FormalityPeriodicity, 'one_off'>, number> = {
  monthly: 1,
  quarterly: 3,
  yearly: 12,
};

/**
 * The due date of occurrence `index` (0 = the first): counted from the first due date, so a formality
 * due on 31 January falls due on 28 (or 29) February, then 31 March — the kernel's addMonths clamps the
 * day to the month's end without drifting. A one-off formality has only its first occurrence.
 */
export function occurrenceDue(firstDue: string, periodicity: FormalityPeriodicity, index: number): string {
  if (periodicity === 'one_off') {
    if (index !== 0) throw new Error('Une formalité ponctuelle n’a qu’une échéance.');
    return firstDue;
  }
  return addMonths(firstDue, MONTHS[periodicity] * index);
}

/** The next due date once `doneCount` occurrences are completed; null when a one-off formality is done. */
export function nextDue(
  firstDue: string,
  periodicity: FormalityPeriodicity,
  doneCount: number,
): string | null {
  if (periodicity === 'one_off') return doneCount > 0 ? null : firstDue;
  return occurrenceDue(firstDue, periodicity, doneCount);
}

/** En retard, à faire bientôt (within the reminder window), à venir, terminée. */
export function formalityStatus(due: string | null, reminderDays: number, asOf: string): FormalityStatus {
  if (due === null) return 'done';
  if (due < asOf) return 'overdue';
  return daysBetween(asOf, due) <= reminderDays ? 'due_soon' : 'upcoming';
}

/** Every due date from the next one (even if overdue) up to `to`, at most `limit`. */
export function dueDatesUntil(
  firstDue: string,
  periodicity: FormalityPeriodicity,
  doneCount: number,
  to: string,
  limit = 400,
): string[] {
  const out: string[] = [];
  for (let i = doneCount; out.length < limit; i++) {
    if (periodicity === 'one_off' && i > 0) break;
    const due = occurrenceDue(firstDue, periodicity, i);
    if (due > to) break;
    out.push(due);
  }
  return out;
}
