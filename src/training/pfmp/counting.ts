// Weeks, days and the state allowance of the PFMP, as pure functions over plain facts (no database):
// the service reads the rows, these compute, the unit tests pin the figures to the official examples.
import pfmpFile from '../../../data/pfmp.json' with { type: 'json' };
import { addDays, type CalendarDate, isoWeekday } from '../../kernel/dates/index.ts';
import type { ClassLevel, PfmpAgreementStatus, PfmpAttendanceStatus } from '../tables.ts';

/** Working days in a PFMP week: the weeks of the référentiel and of the allowance are weeks of 5 days. */
export const DAYS_PER_WEEK = 5;

/** Weeks of PFMP required to sit the exam (bac pro in 3 years, décret n° 2024-542): data/pfmp.json. */
export const EXAM_MINIMUM_WEEKS: number = pfmpFile.exam_minimum_weeks.bac_pro_3_ans;

/** The allowance's daily flat rate by level (arrêté du 11 août 2023, annexe 1), in cents. */
export const DAILY_RATE_CENTS: Record<ClassLevel, number> = pfmpFile.allowance.daily_rate_cents;

/** The most the allowance pays for one school year, by level (arrêté du 11 août 2023, art. 2), in cents. */
export const ANNUAL_CAP_CENTS: Record<ClassLevel, number> = pfmpFile.allowance.annual_cap_cents;

/** Monday to Friday from `start` to `end`, both included. */
export function weekdays(start: CalendarDate, end: CalendarDate): CalendarDate[] {
  const days: CalendarDate[] = [];
  for (let day = start; day <= end; day = addDays(day, 1)) if (isoWeekday(day) <= 5) days.push(day);
  return days;
}

/** Days as weeks of 5 days, to one decimal: 23 days = 4.6 weeks. */
export function weeksOf(days: number): number {
  return Math.round((days / DAYS_PER_WEEK) * 10) / 10;
}

/** The allowance for `days` days actually done at `level`: the daily rate times the days (arrêté, art. 1). */
export function allowanceForDays(level: ClassLevel, days: number): number {
  return DAILY_RATE_CENTS[level] * days;
}

export type PeriodFacts = {
  id: string;
  agreementId: string;
  level: ClassLevel;
  schoolYear: string;
  status: PfmpAgreementStatus;
  signedOn: CalendarDate | null;
  startsOn: CalendarDate;
  endsOn: CalendarDate;
  attendance: ReadonlyMap<CalendarDate, PfmpAttendanceStatus>;
};

export type PeriodCount = {
  periodId: string;
  plannedDays: number;
  plannedWeeks: number;
  daysPresent: number;
  daysAbsentJustified: number;
  daysAbsentUnjustified: number;
  /** Past working days of the period with no attendance recorded. */
  daysMissing: number;
  weeksDone: number;
  /** Days present × the daily rate, before the yearly cap; 0 unless the agreement is signed. */
  allowanceCents: number;
};

export function countPeriod(period: PeriodFacts, today: CalendarDate): PeriodCount {
  const planned = weekdays(period.startsOn, period.endsOn);
  let present = 0;
  let justified = 0;
  let unjustified = 0;
  for (const status of period.attendance.values()) {
    if (status === 'present') present++;
    else if (status === 'absent_justified') justified++;
    else unjustified++;
  }
  const missing = planned.filter((day) => day < today && !period.attendance.has(day)).length;
  return {
    periodId: period.id,
    plannedDays: planned.length,
    plannedWeeks: weeksOf(planned.length),
    daysPresent: present,
    daysAbsentJustified: justified,
    daysAbsentUnjustified: unjustified,
    daysMissing: missing,
    weeksDone: weeksOf(present),
    allowanceCents: period.status === 'signed' ? allowanceForDays(period.level, present) : 0,
  };
}

export type YearAllowance = {
  schoolYear: string;
  level: ClassLevel;
  daysPresent: number;
  /** Before the cap. */
  computedCents: number;
  capCents: number;
  /** What is owed for the year: the computed amount, capped. */
  owedCents: number;
};

/** The allowance per school year and level: the periods' amounts added, then capped (arrêté, art. 2). */
export function allowanceByYear(periods: PeriodFacts[], counts: PeriodCount[]): YearAllowance[] {
  const years = new Map<string, YearAllowance>();
  periods.forEach((period, i) => {
    if (period.status !== 'signed') return;
    const key = `${period.schoolYear}|${period.level}`;
    const year = years.get(key) ?? {
      schoolYear: period.schoolYear,
      level: period.level,
      daysPresent: 0,
      computedCents: 0,
      capCents: ANNUAL_CAP_CENTS[period.level],
      owedCents: 0,
    };
    year.daysPresent += counts[i]!.daysPresent;
    year.computedCents += counts[i]!.allowanceCents;
    year.owedCents = Math.min(year.computedCents, year.capCents);
    years.set(key, year);
  });
  return [...years.values()].sort((a, b) => a.schoolYear.localeCompare(b.schoolYear));
}

export type PfmpWarning =
  | { code: 'below-requirement'; plannedWeeks: number; requiredWeeks: number }
  | { code: 'overlap'; periodIds: [string, string] }
  | { code: 'not-signed-before-start'; periodId: string; startsOn: CalendarDate }
  | { code: 'attendance-missing'; periodId: string; days: number };

/** What the teacher should look at: too few weeks, overlapping periods, unsigned agreements, gaps. */
export function pfmpWarnings(
  periods: PeriodFacts[],
  counts: PeriodCount[],
  today: CalendarDate,
  requiredWeeks = EXAM_MINIMUM_WEEKS,
): PfmpWarning[] {
  const warnings: PfmpWarning[] = [];
  const live = periods.map((p, i) => ({ p, c: counts[i]! })).filter(({ p }) => p.status !== 'cancelled');
  const plannedDays = live.reduce((sum, { c }) => sum + c.plannedDays, 0);
  if (plannedDays < requiredWeeks * DAYS_PER_WEEK)
    warnings.push({ code: 'below-requirement', plannedWeeks: weeksOf(plannedDays), requiredWeeks });
  const sorted = [...live].sort((a, b) => a.p.startsOn.localeCompare(b.p.startsOn));
  for (let i = 0; i < sorted.length; i++)
    for (let j = i + 1; j < sorted.length; j++) {
      const a = sorted[i]!.p;
      const b = sorted[j]!.p;
      if (b.startsOn <= a.endsOn) warnings.push({ code: 'overlap', periodIds: [a.id, b.id] });
    }
  for (const { p, c } of sorted) {
    const signedInTime = p.status === 'signed' && (p.signedOn === null || p.signedOn <= p.startsOn);
    if (p.startsOn <= today && !signedInTime)
      warnings.push({ code: 'not-signed-before-start', periodId: p.id, startsOn: p.startsOn });
    if (c.daysMissing > 0) warnings.push({ code: 'attendance-missing', periodId: p.id, days: c.daysMissing });
  }
  return warnings;
}

export type CycleDays = { plannedDays: number; daysDone: number; daysAbsent: number };

/** The cycle's days over the live periods (a cancelled agreement counts for nothing): what the weeks are made of. */
export function cycleDays(periods: PeriodFacts[], counts: PeriodCount[]): CycleDays {
  const days: CycleDays = { plannedDays: 0, daysDone: 0, daysAbsent: 0 };
  periods.forEach((period, i) => {
    if (period.status === 'cancelled') return;
    const count = counts[i]!;
    days.plannedDays += count.plannedDays;
    days.daysDone += count.daysPresent;
    days.daysAbsent += count.daysAbsentJustified + count.daysAbsentUnjustified;
  });
  return days;
}
