import { describe, expect, it } from 'vitest';
import type { PfmpAttendanceStatus } from '../tables.ts';
import { type PeriodFacts, weekdays } from './counting.ts';
import { belowPace, type OverviewAgreement, studentOverview, weeksDueByYearEnd } from './overview-rules.ts';

const TODAY = '2026-11-27';

const agreement = (over: Partial<OverviewAgreement> = {}): OverviewAgreement => ({
  id: 'a1',
  status: 'signed',
  hostName: 'Cabinet Martin',
  assessed: true,
  ...over,
});

/** A period, every working day recorded present unless told otherwise (`record: false`: none recorded). */
const period = (
  over: Partial<Omit<PeriodFacts, 'attendance'>> & {
    record?: boolean;
    absent?: string[];
  } = {},
): PeriodFacts => {
  const { record = true, absent = [], ...rest } = over;
  const base = {
    id: 'p1',
    agreementId: 'a1',
    level: 'premiere' as const,
    schoolYear: '2026-2027',
    status: 'signed' as const,
    signedOn: '2026-09-01',
    startsOn: '2026-10-05',
    endsOn: '2026-10-16',
    ...rest,
  };
  const days = record ? weekdays(base.startsOn, base.endsOn).filter((d) => d < TODAY) : [];
  return {
    ...base,
    attendance: new Map(
      days.map((d) => [d, (absent.includes(d) ? 'absent_unjustified' : 'present') as PfmpAttendanceStatus]),
    ),
  };
};

describe('the class overview’s row', () => {
  it('asks by the end of each year for its share of the 20 weeks: 6.7, 13.3, 20', () => {
    expect(weeksDueByYearEnd('seconde')).toBe(6.7);
    expect(weeksDueByYearEnd('premiere')).toBe(13.3);
    expect(weeksDueByYearEnd('terminale')).toBe(20);
    // 66 days is below 13⅓ weeks, 67 is not: compared in whole days, not rounded weeks.
    expect(belowPace(66, 'premiere')).toBe(true);
    expect(belowPace(67, 'premiere')).toBe(false);
    expect(belowPace(99, 'terminale')).toBe(true);
    expect(belowPace(100, 'terminale')).toBe(false);
  });

  it('flags nothing for a student on pace, signed, recorded and assessed; shows the next period', () => {
    const row = studentOverview({
      agreements: [agreement(), agreement({ id: 'a2', hostName: 'Mairie de Lorient', assessed: false })],
      periods: [
        period({ startsOn: '2026-09-07', endsOn: '2026-10-30' }),
        period({ id: 'p2', agreementId: 'a2', startsOn: '2027-01-04', endsOn: '2027-01-29' }),
      ],
      level: 'premiere',
      schoolYear: '2026-2027',
      today: TODAY,
    });
    expect(row).toEqual({
      weeks: { done: 8, planned: 12, projected: 12, daysDone: 40, plannedDays: 60 },
      period: { kind: 'next', hostName: 'Mairie de Lorient', startsOn: '2027-01-04', endsOn: '2027-01-29' },
      agreements: { unsignedPeriods: 0, signedLatePeriods: 0 },
      attendanceMissingDays: 0,
      // The January agreement is not due yet.
      assessments: { due: 1, done: 1 },
      // 40 days × 15 € = 600 €, the première's yearly cap.
      allowanceCents: 60000,
      // 12 weeks in première is below 13.3: the pace is the only issue.
      issues: ['below-pace'],
    });
  });

  it('counts absences against the pace, and not the days left unrecorded', () => {
    const input = (over: Parameters<typeof period>[0]) => ({
      agreements: [agreement()],
      periods: [period({ startsOn: '2026-09-07', endsOn: '2026-11-20', ...over })],
      level: 'premiere' as const,
      schoolYear: '2026-2027',
      today: TODAY,
    });
    // 11 weeks = 55 days; 13.3 weeks asked: below either way, so use seconde (6.7 weeks, 33.3 days).
    const absent = weekdays('2026-09-07', '2026-10-09'); // 25 days
    const lost = studentOverview({ ...input({ absent }), level: 'seconde' });
    expect(lost.weeks).toMatchObject({ planned: 11, projected: 6, done: 6 });
    expect(lost.issues).toEqual(['below-pace']);
    const unrecorded = studentOverview({ ...input({ record: false }), level: 'seconde' });
    expect(unrecorded.weeks).toMatchObject({ planned: 11, projected: 11, done: 0 });
    expect(unrecorded.attendanceMissingDays).toBe(55);
    expect(unrecorded.issues).toEqual(['attendance-missing']);
  });

  it('flags an unsigned agreement, past or future, and shows a late signature without flagging it', () => {
    const row = studentOverview({
      agreements: [agreement(), agreement({ id: 'a2', status: 'sent' }), agreement({ id: 'a3' })],
      periods: [
        period({ signedOn: '2026-10-07' }),
        period({
          id: 'p2',
          agreementId: 'a2',
          status: 'sent',
          signedOn: null,
          startsOn: '2027-03-01',
          endsOn: '2027-03-26',
        }),
        period({
          id: 'p3',
          agreementId: 'a3',
          status: 'draft',
          signedOn: null,
          startsOn: '2026-11-16',
          endsOn: '2026-12-04',
        }),
      ],
      level: 'seconde',
      schoolYear: '2026-2027',
      today: TODAY,
    });
    expect(row.agreements).toEqual({ unsignedPeriods: 2, signedLatePeriods: 1 });
    expect(row.period).toMatchObject({ kind: 'current', startsOn: '2026-11-16' });
    // The draft pays nothing: only the signed fortnight counts (10 days × 15 €).
    expect(row.allowanceCents).toBe(15000);
    expect(row.issues).toEqual(['unsigned-agreement']);
  });

  it('asks for the tutor’s assessment once an agreement’s last period has ended; cancelled ones never', () => {
    const row = studentOverview({
      agreements: [
        agreement({ assessed: false }),
        agreement({ id: 'a2', assessed: false }),
        agreement({ id: 'a3', status: 'cancelled', assessed: false }),
      ],
      periods: [
        period(),
        period({ id: 'p2', agreementId: 'a2', startsOn: '2026-11-09', endsOn: '2026-11-13' }),
        period({ id: 'p3', agreementId: 'a2', startsOn: '2026-11-23', endsOn: '2026-12-04' }),
        period({
          id: 'p4',
          agreementId: 'a3',
          status: 'cancelled',
          startsOn: '2026-09-07',
          endsOn: '2026-09-11',
        }),
      ],
      level: 'seconde',
      schoolYear: '2026-2027',
      today: TODAY,
    });
    expect(row.assessments).toEqual({ due: 1, done: 0 });
    expect(row.issues).toContain('assessment-missing');
    // The last day itself is not "ended" yet.
    const lastDay = studentOverview({
      agreements: [agreement({ assessed: false })],
      periods: [period({ startsOn: '2026-11-16', endsOn: TODAY })],
      level: 'seconde',
      schoolYear: '2026-2027',
      today: TODAY,
    });
    expect(lastDay.assessments).toEqual({ due: 0, done: 0 });
  });

  it('has nothing to show for a student with no placement, and flags the pace', () => {
    const row = studentOverview({
      agreements: [],
      periods: [],
      level: 'seconde',
      schoolYear: '2026-2027',
      today: TODAY,
    });
    expect(row).toMatchObject({ period: null, allowanceCents: 0, issues: ['below-pace'] });
  });
});
