// The class-wide PFMP overview's row, as a pure function over one student's facts (decision 0030). The
// figures come from counting.ts exactly as the student's own PFMP page computes them; this file only adds
// which of them a teacher has to act on.
import type { CalendarDate } from '../../kernel/dates/index.ts';
import type { ClassLevel, PfmpAgreementStatus } from '../tables.ts';
import type { PfmpOverviewIssue, PfmpOverviewRowDto } from './contract.ts';
import {
  allowanceByYear,
  countPeriod,
  cycleDays,
  DAYS_PER_WEEK,
  EXAM_MINIMUM_WEEKS,
  type PeriodFacts,
  pfmpWarnings,
  weeksOf,
} from './counting.ts';

/** The years of the bac pro cycle, and which of them a class is in. */
export const CYCLE_YEARS = 3;
const CYCLE_YEAR: Record<ClassLevel, number> = { seconde: 1, premiere: 2, terminale: 3 };

/** The requirement's share due by the end of the class's school year, at an even pace: 13.3 of 20 in première. */
export function weeksDueByYearEnd(level: ClassLevel, requiredWeeks = EXAM_MINIMUM_WEEKS): number {
  return weeksOf((requiredWeeks * DAYS_PER_WEEK * CYCLE_YEAR[level]) / CYCLE_YEARS);
}

/** Fewer days than that share at the current pace (compared in whole days × 3, so nothing is rounded). */
export function belowPace(projectedDays: number, level: ClassLevel, requiredWeeks = EXAM_MINIMUM_WEEKS) {
  return projectedDays * CYCLE_YEARS < requiredWeeks * DAYS_PER_WEEK * CYCLE_YEAR[level];
}

export type OverviewAgreement = {
  id: string;
  status: PfmpAgreementStatus;
  hostName: string;
  /** The tutor's assessment has been recorded (its date is set). */
  assessed: boolean;
};

export type StudentOverviewInput = {
  agreements: OverviewAgreement[];
  /** Every period of those agreements, cancelled ones included (the counting leaves them out). */
  periods: PeriodFacts[];
  /** The class's level and school year: the pace, and which year's allowance is shown. */
  level: ClassLevel;
  schoolYear: string;
  today: CalendarDate;
};

export type StudentOverview = Omit<PfmpOverviewRowDto, 'student'>;

export function studentOverview({
  agreements,
  periods,
  level,
  schoolYear,
  today,
}: StudentOverviewInput): StudentOverview {
  const counts = periods.map((p) => countPeriod(p, today));
  const days = cycleDays(periods, counts);
  const projectedDays = days.plannedDays - days.daysAbsent;
  const warnings = pfmpWarnings(periods, counts, today);
  const byId = new Map(agreements.map((a) => [a.id, a]));
  const periodById = new Map(periods.map((p) => [p.id, p]));

  let attendanceMissingDays = 0;
  let signedLatePeriods = 0;
  for (const warning of warnings) {
    if (warning.code === 'attendance-missing') attendanceMissingDays += warning.days;
    // Started before the signature: "unsigned" below when the agreement is still not signed.
    if (warning.code === 'not-signed-before-start' && periodById.get(warning.periodId)?.status === 'signed')
      signedLatePeriods++;
  }

  const live = periods
    .filter((p) => p.status !== 'cancelled')
    .sort((a, b) => a.startsOn.localeCompare(b.startsOn));
  const unsignedPeriods = live.filter((p) => p.status !== 'signed').length;
  const current = live.find((p) => p.startsOn <= today && today <= p.endsOn);
  const next = current ?? live.find((p) => p.startsOn > today);
  const period = next
    ? {
        kind: current ? ('current' as const) : ('next' as const),
        hostName: byId.get(next.agreementId)?.hostName ?? '',
        startsOn: next.startsOn,
        endsOn: next.endsOn,
      }
    : null;

  // One assessment per agreement, due once its last period has ended.
  const lastEnd = new Map<string, CalendarDate>();
  for (const p of live)
    if ((lastEnd.get(p.agreementId) ?? '') < p.endsOn) lastEnd.set(p.agreementId, p.endsOn);
  let due = 0;
  let done = 0;
  for (const [agreementId, endsOn] of lastEnd)
    if (endsOn < today) {
      due++;
      if (byId.get(agreementId)?.assessed) done++;
    }

  const allowanceCents = allowanceByYear(periods, counts)
    .filter((y) => y.schoolYear === schoolYear)
    .reduce((sum, y) => sum + y.owedCents, 0);

  const issues: PfmpOverviewIssue[] = [];
  if (belowPace(projectedDays, level)) issues.push('below-pace');
  if (attendanceMissingDays > 0) issues.push('attendance-missing');
  if (unsignedPeriods > 0) issues.push('unsigned-agreement');
  if (done < due) issues.push('assessment-missing');

  return {
    weeks: {
      done: weeksOf(days.daysDone),
      planned: weeksOf(days.plannedDays),
      projected: weeksOf(projectedDays),
      daysDone: days.daysDone,
      plannedDays: days.plannedDays,
    },
    period,
    agreements: { unsignedPeriods, signedLatePeriods },
    attendanceMissingDays,
    assessments: { due, done },
    allowanceCents,
    issues,
  };
}
