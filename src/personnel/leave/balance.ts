import {
  addDays,
  type CalendarDate,
  clipSpan,
  daysBetween,
  endOfMonth,
  type LeaveSpan,
} from '../../kernel/dates/index.ts';
import type { LeaveStatus, LeaveType } from './contract.ts';

// The paid-leave account of an employee, pure (decision 0038). Figures in hundredths of a day.
// - Acquisition (C. trav. L3141-3): 2,5 jours ouvrables a month of actual work, 30 a reference period
//   (1 June – 31 May, R3141-4 when no agreement says otherwise). A month worked in part acquires in
//   proportion of its calendar days (entry or departure during the month).
// - Absences: paid leave, family events and training count as work (L3141-5); unpaid leave acquires
//   nothing; non-occupational sick leave acquires 2 days a month, 24 at most over the period (L3141-5-1,
//   loi n° 2024-364 du 22 avril 2024).
// - A completed period's total is rounded up to a whole day (L3141-7). It is taken during the next
//   period; leave may be taken before then, as it is acquired (L3141-12): what was taken beyond the
//   previous period's days comes off the period's own acquisition. Days not taken by 31 May lapse
//   (no carry-over is recorded here; carry-overs by agreement or after sickness are left out).

export type LeaveRecord = {
  type: LeaveType;
  status: LeaveStatus;
  span: LeaveSpan;
  halfDays: number;
};

export type EmploymentDates = { hireDate: CalendarDate; leftOn: CalendarDate | null };

export const MONTHLY_ACQUISITION = 250;
export const SICK_MONTHLY_ACQUISITION = 200;
export const SICK_PERIOD_CAP = 2400;
export const PERIOD_CAP = 3000;
const HALF_DAY = 50;

export function periodFromOf(date: CalendarDate): CalendarDate {
  const year = Number(date.slice(0, 4));
  return `${Number(date.slice(5, 7)) >= 6 ? year : year - 1}-06-01`;
}
export const periodToOf = (periodFrom: CalendarDate) => `${Number(periodFrom.slice(0, 4)) + 1}-05-31`;

/** Calendar half-days of a span (a weekend inside counts): the share of a month an absence takes. */
function calendarHalves(span: LeaveSpan): number {
  return (
    2 * (daysBetween(span.from, span.to) + 1) - (span.startsAfternoon ? 1 : 0) - (span.endsMorning ? 1 : 0)
  );
}

function absentHalves(
  records: readonly LeaveRecord[],
  type: LeaveType,
  from: CalendarDate,
  to: CalendarDate,
) {
  let halves = 0;
  for (const r of records) {
    if (r.type !== type || r.status !== 'approved') continue;
    const part = clipSpan(r.span, from, to);
    if (part) halves += calendarHalves(part);
  }
  return halves;
}

/** Days acquired over [from, to] (inside one reference period), before rounding. */
export function acquiredBetween(
  employment: EmploymentDates,
  records: readonly LeaveRecord[],
  from: CalendarDate,
  to: CalendarDate,
): number {
  let worked = 0;
  let sick = 0;
  for (let month = `${from.slice(0, 7)}-01`; month <= to; month = addDays(endOfMonth(month), 1)) {
    const monthEnd = endOfMonth(month);
    const start = [month, from, employment.hireDate].reduce((a, b) => (a > b ? a : b));
    const end = [monthEnd, to, employment.leftOn ?? monthEnd].reduce((a, b) => (a < b ? a : b));
    if (end < start) continue;
    const monthHalves = 2 * (daysBetween(month, monthEnd) + 1);
    const present = 2 * (daysBetween(start, end) + 1);
    const unpaid = absentHalves(records, 'unpaid_leave', start, end);
    const ill = absentHalves(records, 'sick_leave', start, end);
    const work = Math.max(0, present - unpaid - ill);
    worked += Math.floor((MONTHLY_ACQUISITION * work) / monthHalves);
    sick += Math.floor((SICK_MONTHLY_ACQUISITION * Math.min(ill, present)) / monthHalves);
  }
  return Math.min(PERIOD_CAP, worked + Math.min(SICK_PERIOD_CAP, sick));
}

const roundUpToDay = (hundredths: number) => Math.ceil(hundredths / 100) * 100;

function paidHalves(records: readonly LeaveRecord[], periodFrom: CalendarDate, status: LeaveStatus) {
  const periodTo = periodToOf(periodFrom);
  let halves = 0;
  // A leave belongs to the period of its first day (one over 31 May is not split).
  for (const r of records)
    if (
      r.type === 'paid_leave' &&
      r.status === status &&
      r.span.from >= periodFrom &&
      r.span.from <= periodTo
    )
      halves += r.halfDays;
  return halves;
}

export type LeaveBalance = {
  asOf: CalendarDate;
  periodFrom: CalendarDate;
  periodTo: CalendarDate;
  entitlement: number;
  acquiring: number;
  taken: number;
  pending: number;
  remaining: number;
};

/** The paid-leave account on a day: what the last period gave, what this one has given, what is taken. */
export function leaveBalance(
  employment: EmploymentDates,
  records: readonly LeaveRecord[],
  asOf: CalendarDate,
): LeaveBalance {
  const current = periodFromOf(asOf);
  let entitlement = 0;
  for (let p = periodFromOf(employment.hireDate); p < current; p = addDays(periodToOf(p), 1)) {
    const taken = paidHalves(records, p, 'approved') * HALF_DAY;
    const inAdvance = Math.max(0, taken - entitlement);
    entitlement = roundUpToDay(acquiredBetween(employment, records, p, periodToOf(p))) - inAdvance;
  }
  const acquiring = asOf < employment.hireDate ? 0 : acquiredBetween(employment, records, current, asOf);
  const taken = paidHalves(records, current, 'approved') * HALF_DAY;
  return {
    asOf,
    periodFrom: current,
    periodTo: periodToOf(current),
    entitlement,
    acquiring,
    taken,
    pending: paidHalves(records, current, 'requested') * HALF_DAY,
    remaining: entitlement + acquiring - taken,
  };
}

/** « 12,5 » from 1250 hundredths of a day. */
export function daysFr(hundredths: number): string {
  const sign = hundredths < 0 ? '-' : '';
  const abs = Math.abs(hundredths);
  const cents = abs % 100;
  const whole = `${sign}${Math.floor(abs / 100)}`;
  return cents === 0 ? whole : `${whole},${String(cents).padStart(2, '0').replace(/0$/, '')}`;
}
