import { describe, expect, it } from 'vitest';
import { clipSpan, type LeaveSpan, paidLeaveHalfDays, spansOverlap, workedHalfDays } from './leave-days.ts';

const span = (from: string, to: string, startsAfternoon = false, endsMorning = false): LeaveSpan => ({
  from,
  to,
  startsAfternoon,
  endsMorning,
});
const paid = (s: LeaveSpan) => paidLeaveHalfDays(s) / 2;
const worked = (s: LeaveSpan) => workedHalfDays(s) / 2;

// Worked examples of published sources (decision 0038):
// - CIBTP Centre, « Congés payés » (https://www.cibtp-centre.fr/moulins/salarie): a week off, leaving on
//   Friday evening and back on Monday morning, counts 6 jours ouvrables, Monday to Saturday; a week with a
//   public holiday counts 5.
// - Experts Univers (http://experts-univers.com/minimum-conges-payes-ete.html): two weeks with 14 July in
//   jours ouvrables count 11 days, not 12.
// - info-tpe.fr (FO), counting starts on the first day the employee would have worked (Cass. soc. 2 mars
//   1989, n° 86-44.120) and runs until work resumes (Cass. soc. 22 février 2000, n° 97-43.515).
describe('days of paid leave (jours ouvrables)', () => {
  it('counts a week off Monday to Friday as 6 days: the Saturday before work resumes counts', () => {
    expect(paid(span('2026-06-08', '2026-06-12'))).toBe(6);
    expect(worked(span('2026-06-08', '2026-06-12'))).toBe(5);
  });

  it('counts a week with a public holiday as 5 (Ascension, Thursday 14 May 2026)', () => {
    expect(paid(span('2026-05-11', '2026-05-15'))).toBe(5);
  });

  it('counts two weeks over 14 July 2026 as 11 jours ouvrables', () => {
    expect(paid(span('2026-07-13', '2026-07-24'))).toBe(11);
    // The days the employee would have worked: 10 weekdays but the holiday.
    expect(worked(span('2026-07-13', '2026-07-24'))).toBe(9);
  });

  it('counts five weeks as 30 jours ouvrables', () => {
    // 31 Aug → 2 Oct 2026: no holiday; back on Monday 5 Oct.
    expect(paid(span('2026-08-31', '2026-10-02'))).toBe(30);
  });

  it('starts on the first day the employee would have worked: « from Saturday » counts from Monday', () => {
    expect(paid(span('2026-06-06', '2026-06-12'))).toBe(6);
    // A Friday whose Monday is Whit Monday (25 May 2026): Friday, Saturday, then the holiday: 2 days.
    expect(paid(span('2026-05-22', '2026-05-22'))).toBe(2);
    // A Wednesday alone: back on Thursday, 1 day.
    expect(paid(span('2026-06-10', '2026-06-10'))).toBe(1);
    // Only a weekend: nothing to count.
    expect(paid(span('2026-06-13', '2026-06-14'))).toBe(0);
  });

  it('counts half-days: an afternoon start and a morning end take half a day each', () => {
    // Wednesday afternoon to Friday morning: ½ + 1 + ½ = 2 days, no Saturday since work resumes Friday noon.
    expect(paid(span('2026-06-10', '2026-06-12', true, true))).toBe(2);
    expect(worked(span('2026-06-10', '2026-06-12', true, true))).toBe(2);
    // A single morning.
    expect(paid(span('2026-06-10', '2026-06-10', false, true))).toBe(0.5);
  });

  it('clips a span to a month and tests overlaps half-day by half-day', () => {
    expect(clipSpan(span('2026-06-29', '2026-07-03', true, true), '2026-07-01', '2026-07-31')).toEqual(
      span('2026-07-01', '2026-07-03', false, true),
    );
    expect(clipSpan(span('2026-06-01', '2026-06-05'), '2026-07-01', '2026-07-31')).toBeNull();
    // Morning of the 10th, then its afternoon: no overlap; the same afternoon twice: overlap.
    expect(
      spansOverlap(span('2026-06-08', '2026-06-10', false, true), span('2026-06-10', '2026-06-11', true)),
    ).toBe(false);
    expect(spansOverlap(span('2026-06-08', '2026-06-10'), span('2026-06-10', '2026-06-11', true))).toBe(true);
  });
});
