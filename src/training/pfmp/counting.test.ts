import { describe, expect, it } from 'vitest';
import pfmpFile from '../../../data/pfmp.json' with { type: 'json' };
import type { PfmpAttendanceStatus } from '../tables.ts';
import {
  allowanceByYear,
  allowanceForDays,
  countPeriod,
  EXAM_MINIMUM_WEEKS,
  type PeriodFacts,
  pfmpWarnings,
  weekdays,
  weeksOf,
} from './counting.ts';

const period = (
  over: Omit<Partial<PeriodFacts>, 'attendance'> & { attendance?: [string, PfmpAttendanceStatus][] } = {},
): PeriodFacts => ({
  id: 'p1',
  agreementId: 'a1',
  level: 'premiere',
  schoolYear: '2026-2027',
  status: 'signed',
  signedOn: '2026-11-01',
  startsOn: '2026-11-16',
  endsOn: '2026-11-27',
  ...over,
  attendance: new Map(over.attendance ?? []),
});

describe('PFMP weeks and days', () => {
  it('counts Monday to Friday only, both ends included', () => {
    // 16 to 27 November 2026: two full weeks, 10 working days.
    expect(weekdays('2026-11-16', '2026-11-27')).toHaveLength(10);
    expect(weekdays('2026-11-21', '2026-11-22')).toEqual([]);
    expect(weekdays('2026-11-20', '2026-11-23')).toEqual(['2026-11-20', '2026-11-23']);
    expect(weeksOf(23)).toBe(4.6);
    expect(EXAM_MINIMUM_WEEKS).toBe(20);
  });

  it('counts the days done, the absences and the past days with no attendance', () => {
    const count = countPeriod(
      period({
        attendance: [
          ['2026-11-16', 'present'],
          ['2026-11-17', 'present'],
          ['2026-11-18', 'absent_justified'],
          ['2026-11-19', 'absent_unjustified'],
          ['2026-11-20', 'present'],
        ],
      }),
      '2026-11-25',
    );
    expect(count).toMatchObject({
      plannedDays: 10,
      plannedWeeks: 2,
      daysPresent: 3,
      daysAbsentJustified: 1,
      daysAbsentUnjustified: 1,
      // 23 and 24 November are past and empty; 25 (today) is not yet missing.
      daysMissing: 2,
      weeksDone: 0.6,
      allowanceCents: 3 * 1500,
    });
  });
});

describe('PFMP allowance (décret n° 2023-765 and arrêté du 11 août 2023)', () => {
  it('pays the worked examples of the source: 5 days = 50 €, 75 €, 100 € by level', () => {
    for (const example of pfmpFile.allowance.worked_examples)
      expect(allowanceForDays(example.level as 'seconde', example.days)).toBe(example.amount_cents);
    expect(allowanceForDays('seconde', 5)).toBe(5000);
    expect(allowanceForDays('premiere', 5)).toBe(7500);
    expect(allowanceForDays('terminale', 5)).toBe(10000);
  });

  it('pays nothing for absent days, nothing on an unsigned agreement, and caps each school year', () => {
    const days = (from: string, to: string) =>
      weekdays(from, to).map((d) => [d, 'present'] as [string, 'present']);
    const absent = period({ attendance: [['2026-11-16', 'absent_justified']] });
    expect(countPeriod(absent, '2026-12-01').allowanceCents).toBe(0);
    const unsigned = period({
      status: 'draft',
      signedOn: null,
      attendance: days('2026-11-16', '2026-11-27'),
    });
    expect(countPeriod(unsigned, '2026-12-01').allowanceCents).toBe(0);

    // Terminale: 9 weeks present = 45 days × 20 € = 900 €, capped at 800 € for the year.
    const a = period({
      id: 'a',
      level: 'terminale',
      startsOn: '2026-11-02',
      endsOn: '2026-12-04',
      attendance: days('2026-11-02', '2026-12-04'),
    });
    const b = period({
      id: 'b',
      level: 'terminale',
      startsOn: '2027-03-01',
      endsOn: '2027-04-02',
      attendance: days('2027-03-01', '2027-04-02'),
    });
    const periods = [a, b];
    const counts = periods.map((p) => countPeriod(p, '2027-06-01'));
    expect(counts.map((c) => c.daysPresent)).toEqual([25, 25]);
    const [year] = allowanceByYear(periods, counts);
    expect(year).toEqual({
      schoolYear: '2026-2027',
      level: 'terminale',
      daysPresent: 50,
      computedCents: 100_000,
      capCents: 80_000,
      owedCents: 80_000,
    });
  });
});

describe('PFMP warnings', () => {
  it('warns of too few weeks, overlaps, late signatures and missing attendance', () => {
    const a = period({
      id: 'a',
      startsOn: '2026-11-16',
      endsOn: '2026-11-27',
      attendance: [['2026-11-16', 'present']],
    });
    const b = period({
      id: 'b',
      agreementId: 'a2',
      status: 'draft',
      signedOn: null,
      startsOn: '2026-11-23',
      endsOn: '2026-11-27',
    });
    const periods = [a, b];
    const counts = periods.map((p) => countPeriod(p, '2026-11-18'));
    expect(pfmpWarnings(periods, counts, '2026-11-18')).toEqual([
      { code: 'below-requirement', plannedWeeks: 3, requiredWeeks: 20 },
      { code: 'overlap', periodIds: ['a', 'b'] },
      { code: 'attendance-missing', periodId: 'a', days: 1 },
    ]);
    // Once b has started without a signature, it says so too; a signature after the start is late.
    const late = period({ id: 'c', signedOn: '2026-11-20', startsOn: '2026-11-16', endsOn: '2027-04-30' });
    const all = [late];
    expect(
      pfmpWarnings(
        all,
        all.map((p) => countPeriod(p, '2026-11-16')),
        '2026-11-16',
      ),
    ).toEqual([{ code: 'not-signed-before-start', periodId: 'c', startsOn: '2026-11-16' }]);
    const cancelled = period({ status: 'cancelled' });
    expect(pfmpWarnings([cancelled], [countPeriod(cancelled, '2026-12-01')], '2026-12-01')).toEqual([
      { code: 'below-requirement', plannedWeeks: 0, requiredWeeks: 20 },
    ]);
  });
});
