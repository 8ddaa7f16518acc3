import { addDays, type CalendarDate } from './calendar-date.ts';
import { isJourOuvrable, isJourOuvre } from './public-holidays.ts';

// How many days an absence counts, in half-days (integers: 12 is 6 days). Pure, shared by the server
// and the web's live count. Decision 0038 writes out the rules with their sources:
// - paid leave counts in jours ouvrables (C. trav. L3141-3): Monday to Saturday, public holidays excepted;
//   the first day counted is the first day the employee would have worked (a leave asked « from Saturday »
//   starts counting on Monday), and the leave runs until the eve of the day work resumes, so a week off
//   from Monday to Friday counts its Saturday: 6 jours ouvrables; 5 weeks are 30 jours ouvrables;
// - every other absence counts the days the employee would have worked (jours ouvrés, Monday to Friday
//   but public holidays): the basis of the hours an unpaid absence takes off the pay.

export type LeaveSpan = {
  from: CalendarDate;
  to: CalendarDate;
  /** The first day is taken from noon only. */
  startsAfternoon: boolean;
  /** The last day is taken in the morning only: work resumes at noon. */
  endsMorning: boolean;
};

function firstWorkedDay(from: CalendarDate, to: CalendarDate): CalendarDate | null {
  for (let d = from; d <= to; d = addDays(d, 1)) if (isJourOuvre(d)) return d;
  return null;
}

function nextWorkedDayAfter(date: CalendarDate): CalendarDate {
  let d = addDays(date, 1);
  // At most a weekend and a few holidays in a row.
  while (!isJourOuvre(d)) d = addDays(d, 1);
  return d;
}

function countHalves(
  span: LeaveSpan,
  start: CalendarDate,
  end: CalendarDate,
  counts: (d: CalendarDate) => boolean,
) {
  let halves = 0;
  for (let d = start; d <= end; d = addDays(d, 1)) if (counts(d)) halves += 2;
  if (span.startsAfternoon && start === span.from && counts(start)) halves -= 1;
  if (span.endsMorning && end === span.to && counts(end)) halves -= 1;
  return Math.max(0, halves);
}

/** Paid leave (congés payés) in half jours ouvrables. 0 when no worked day falls in the span. */
export function paidLeaveHalfDays(span: LeaveSpan): number {
  if (span.to < span.from) return 0;
  const start = firstWorkedDay(span.from, span.to);
  if (start === null) return 0;
  const end = span.endsMorning ? span.to : addDays(nextWorkedDayAfter(span.to), -1);
  return countHalves(span, start, end, isJourOuvrable);
}

/** Any absence in half jours ouvrés (Monday–Friday, public holidays excepted). */
export function workedHalfDays(span: LeaveSpan): number {
  if (span.to < span.from) return 0;
  return countHalves(span, span.from, span.to, isJourOuvre);
}

/** The part of a span inside [from, to], or null; a cut end is a whole day. */
export function clipSpan(span: LeaveSpan, from: CalendarDate, to: CalendarDate): LeaveSpan | null {
  if (span.to < from || span.from > to) return null;
  return {
    from: span.from < from ? from : span.from,
    to: span.to > to ? to : span.to,
    startsAfternoon: span.from < from ? false : span.startsAfternoon,
    endsMorning: span.to > to ? false : span.endsMorning,
  };
}

/** Half-day slots as sortable text: a day's morning is « <date>a », its afternoon « <date>b ». */
export function spanSlots(span: LeaveSpan): { first: string; last: string } {
  return {
    first: `${span.from}${span.startsAfternoon ? 'b' : 'a'}`,
    last: `${span.to}${span.endsMorning ? 'a' : 'b'}`,
  };
}

/** Whether two spans share at least one half-day. */
export function spansOverlap(a: LeaveSpan, b: LeaveSpan): boolean {
  const x = spanSlots(a);
  const y = spanSlots(b);
  return x.first <= y.last && y.first <= x.last;
}
