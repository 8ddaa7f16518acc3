import { addDays, addMonths, type CalendarDate, daysBetween } from '../../../kernel/dates/index.ts';
import type { NoticeUnit, Periodicity } from './contract.ts';

// The deadlines of a contract, pure (decision 0043). A contract runs a first term of durationMonths from
// its start date; with tacit renewal (reconduction tacite) it is renewed for terms of renewalMonths until
// terminated. Each term ends the day before the next one starts; every term's start is computed from the
// start date (addMonths clamps to the month's end: a contract started on 31 January renews on 28 or 29
// February, then on 31 March), so month ends never drift.
//
// The notice (préavis) of N months or days must be given before the term's end: the last day to terminate
// is the term's last day minus the notice. For months we take the earlier of the two readings of « N mois
// avant l'échéance » — counted back from the last day of the term, or from the renewal date — so a letter
// received by that date is always in time (31 December, 3 months: 30 September; 28 February, 1 month:
// 28 January).

export type ContractTerms = {
  startDate: CalendarDate;
  durationMonths: number;
  tacitRenewal: boolean;
  renewalMonths: number | null;
  noticeValue: number;
  noticeUnit: NoticeUnit;
};
export type Period = { index: number; start: CalendarDate; end: CalendarDate };

const MAX_PERIODS = 100_000;

function periodStart(terms: ContractTerms, index: number): CalendarDate {
  if (index === 0) return terms.startDate;
  const renewal = terms.renewalMonths ?? terms.durationMonths;
  return addMonths(terms.startDate, terms.durationMonths + (index - 1) * renewal);
}

/** The index-th term (0 is the first); a contract without tacit renewal has only the first. */
export function period(terms: ContractTerms, index: number): Period {
  return { index, start: periodStart(terms, index), end: addDays(periodStart(terms, index + 1), -1) };
}

/** The term running on `date` (the first one before the start; the only one of a fixed-term contract). */
export function periodOn(terms: ContractTerms, date: CalendarDate): Period {
  if (!terms.tacitRenewal || date <= period(terms, 0).end) return period(terms, 0);
  // Estimate by months, then adjust: end-of-month clamping may put the estimate one term off.
  const renewal = terms.renewalMonths ?? terms.durationMonths;
  const months = Math.floor(daysBetween(terms.startDate, date) / 31) - terms.durationMonths;
  let index = Math.max(1, Math.floor(months / renewal));
  while (index > 1 && period(terms, index).start > date) index--;
  while (period(terms, index).end < date) {
    index++;
    if (index > MAX_PERIODS) throw new RangeError('Contrat trop ancien pour calculer ses échéances.');
  }
  return period(terms, index);
}

/** The last day on which notice of termination may be received for the term to be the last one. */
export function noticeDeadline(terms: Pick<ContractTerms, 'noticeValue' | 'noticeUnit'>, term: Period) {
  if (terms.noticeUnit === 'days') return addDays(term.end, -terms.noticeValue);
  const fromEnd = addMonths(term.end, -terms.noticeValue);
  const fromRenewal = addDays(addMonths(addDays(term.end, 1), -terms.noticeValue), -1);
  return [fromEnd, fromRenewal].sort()[0]!;
}

/**
 * The first term, from the one running on `date`, that can still be made the last one by a notice given
 * on `date`, and its deadline. A notice longer than a term (monthly renewal, 3 months' notice) skips terms.
 */
export function nextExit(terms: ContractTerms, date: CalendarDate): { term: Period; deadline: CalendarDate } {
  let term = periodOn(terms, date);
  if (!terms.tacitRenewal) return { term, deadline: noticeDeadline(terms, term) };
  for (;;) {
    const deadline = noticeDeadline(terms, term);
    if (deadline >= date) return { term, deadline };
    term = period(terms, term.index + 1);
  }
}

/**
 * L215-1 du Code de la consommation (loi Chatel): the provider informs « au plus tôt trois mois et au plus
 * tard un mois avant le terme de la période autorisant le rejet de la reconduction », i.e. before the notice
 * deadline.
 */
export function providerNoticeWindow(deadline: CalendarDate): { from: CalendarDate; to: CalendarDate } {
  return { from: addMonths(deadline, -3), to: addMonths(deadline, -1) };
}

/**
 * The contract's last day when a termination letter is sent on `sentOn`: the end of the first term whose
 * notice deadline it meets; a fixed-term contract ends at its term. Under L215-1 al. 2 — renewed without
 * the provider's notice — the consumer may end it at any time after the renewal: it ends on `sentOn`.
 */
export function terminationEnd(terms: ContractTerms, sentOn: CalendarDate, providerDidNotInform: boolean) {
  if (providerDidNotInform && terms.tacitRenewal && sentOn > period(terms, 0).end) return sentOn;
  return nextExit(terms, sentOn).term.end;
}

const MONTHS_OF: Record<Exclude<Periodicity, 'one_off'>, number> = {
  monthly: 1,
  quarterly: 3,
  half_yearly: 6,
  yearly: 12,
};

/** What a year of the contract costs at its terms (a one-off payment counts for nothing). */
export function yearlyAmount(amount: number, periodicity: Periodicity): number {
  return periodicity === 'one_off' ? 0 : amount * (12 / MONTHS_OF[periodicity]);
}

/**
 * The amounts falling due in `year`: one per period of `periodicity` from the start date, payable at the
 * start of each period (terme à échoir), up to the contract's last day (none for a running tacit renewal).
 */
export function dueDatesIn(
  startDate: CalendarDate,
  periodicity: Periodicity,
  lastDay: CalendarDate | null,
  year: number,
): CalendarDate[] {
  const from = `${String(year).padStart(4, '0')}-01-01`;
  const to = `${String(year).padStart(4, '0')}-12-31`;
  const limit = lastDay && lastDay < to ? lastDay : to;
  if (periodicity === 'one_off') return startDate >= from && startDate <= limit ? [startDate] : [];
  const step = MONTHS_OF[periodicity];
  const dates: CalendarDate[] = [];
  for (let i = 0; ; i++) {
    const due = addMonths(startDate, i * step);
    if (due > limit) break;
    if (due >= from) dates.push(due);
  }
  return dates;
}
