import { describe, expect, it } from 'vitest';
import { reviewSchedule } from './review-schedule.ts';

describe('entretien de parcours professionnel due dates (L6315-1)', () => {
  it('asks the first interview within the year after the hire', () => {
    const s = reviewSchedule('2026-03-02', [], '2026-06-01');
    expect(s).toMatchObject({ nextReviewOn: '2027-03-02', reviewState: 'ok', nextSummaryOn: '2034-03-02' });
    expect(reviewSchedule('2026-03-02', [], '2027-01-15').reviewState).toBe('soon');
    expect(reviewSchedule('2026-03-02', [], '2027-03-03').reviewState).toBe('overdue');
  });

  it('then every four years from the last interview held, late or early', () => {
    const held = [{ kind: 'review' as const, heldOn: '2027-05-10' }];
    expect(reviewSchedule('2026-03-02', held, '2027-06-01').nextReviewOn).toBe('2031-05-10');
    const twice = [...held, { kind: 'review' as const, heldOn: '2030-01-20' }];
    expect(reviewSchedule('2026-03-02', twice, '2030-02-01').nextReviewOn).toBe('2034-01-20');
  });

  it('puts the état des lieux eight years after the hire or the last one; it counts as an interview', () => {
    const held = [{ kind: 'summary' as const, heldOn: '2034-02-01' }];
    const s = reviewSchedule('2026-03-02', held, '2034-02-02');
    expect(s).toMatchObject({ nextSummaryOn: '2042-02-01', nextReviewOn: '2038-02-01' });
    expect(reviewSchedule('2016-09-01', [], '2026-11-28').summaryState).toBe('overdue');
  });

  it('ignores interviews dated before a rehire', () => {
    const held = [{ kind: 'review' as const, heldOn: '2020-01-01' }];
    expect(reviewSchedule('2026-03-02', held, '2026-04-01').nextReviewOn).toBe('2027-03-02');
  });
});
