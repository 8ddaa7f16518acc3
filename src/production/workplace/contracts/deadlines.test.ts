import { describe, expect, it } from 'vitest';
import {
  type ContractTerms,
  dueDatesIn,
  nextExit,
  noticeDeadline,
  period,
  periodOn,
  providerNoticeWindow,
  terminationEnd,
  yearlyAmount,
} from './deadlines.ts';

const terms = (overrides: Partial<ContractTerms> = {}): ContractTerms => ({
  startDate: '2026-01-01',
  durationMonths: 12,
  tacitRenewal: true,
  renewalMonths: null,
  noticeValue: 3,
  noticeUnit: 'months',
  ...overrides,
});

describe('contract terms', () => {
  it('renews yearly from the start date, each term ending the day before the next', () => {
    const t = terms();
    expect(period(t, 0)).toEqual({ index: 0, start: '2026-01-01', end: '2026-12-31' });
    expect(period(t, 1)).toEqual({ index: 1, start: '2027-01-01', end: '2027-12-31' });
    expect(periodOn(t, '2029-06-15')).toEqual({ index: 3, start: '2029-01-01', end: '2029-12-31' });
    expect(periodOn(t, '2025-06-15').index).toBe(0);
  });

  it('renews for renewalMonths after a first term of another length', () => {
    const t = terms({ startDate: '2026-03-15', durationMonths: 36, renewalMonths: 12 });
    expect(period(t, 0).end).toBe('2029-03-14');
    expect(periodOn(t, '2030-03-14')).toEqual({ index: 1, start: '2029-03-15', end: '2030-03-14' });
    expect(periodOn(t, '2030-03-15').index).toBe(2);
  });

  it('keeps month ends without drift: started on 31 January, monthly, over a leap year', () => {
    const t = terms({ startDate: '2028-01-31', durationMonths: 1 });
    expect(period(t, 0)).toMatchObject({ start: '2028-01-31', end: '2028-02-28' });
    expect(period(t, 1)).toMatchObject({ start: '2028-02-29', end: '2028-03-30' });
    expect(period(t, 2)).toMatchObject({ start: '2028-03-31', end: '2028-04-29' });
    expect(period(t, 12)).toMatchObject({ start: '2029-01-31', end: '2029-02-27' });
    expect(period(t, 13).start).toBe('2029-02-28');
    expect(periodOn(t, '2029-02-28').index).toBe(13);
  });

  it('a fixed-term contract has one term only', () => {
    const t = terms({ tacitRenewal: false, durationMonths: 24 });
    expect(periodOn(t, '2030-01-01')).toEqual({ index: 0, start: '2026-01-01', end: '2027-12-31' });
  });
});

describe('notice deadline (préavis)', () => {
  it('3 months before 31 December is 30 September; 30 days is 1 December', () => {
    const term = period(terms(), 0);
    expect(noticeDeadline({ noticeValue: 3, noticeUnit: 'months' }, term)).toBe('2026-09-30');
    expect(noticeDeadline({ noticeValue: 30, noticeUnit: 'days' }, term)).toBe('2026-12-01');
    expect(noticeDeadline({ noticeValue: 0, noticeUnit: 'months' }, term)).toBe('2026-12-31');
  });

  it('takes the earlier reading at month ends (28 February, leap 29 February)', () => {
    const feb = { index: 0, start: '2026-03-01', end: '2027-02-28' };
    expect(noticeDeadline({ noticeValue: 1, noticeUnit: 'months' }, feb)).toBe('2027-01-28');
    const leap = { index: 0, start: '2027-03-01', end: '2028-02-29' };
    expect(noticeDeadline({ noticeValue: 1, noticeUnit: 'months' }, leap)).toBe('2028-01-29');
    expect(noticeDeadline({ noticeValue: 2, noticeUnit: 'months' }, leap)).toBe('2027-12-29');
    // Ending 30 April (renewal 1 May): 31 January by « from the renewal », 30 January from the end.
    const april = { index: 0, start: '2025-05-01', end: '2026-04-30' };
    expect(noticeDeadline({ noticeValue: 3, noticeUnit: 'months' }, april)).toBe('2026-01-30');
  });

  it('the next exit skips to the following term once the deadline is past', () => {
    const t = terms();
    expect(nextExit(t, '2026-09-30')).toMatchObject({ deadline: '2026-09-30', term: { end: '2026-12-31' } });
    expect(nextExit(t, '2026-10-01')).toMatchObject({ deadline: '2027-09-30', term: { end: '2027-12-31' } });
  });

  it('a notice longer than a monthly term skips several terms', () => {
    const t = terms({ durationMonths: 1, noticeValue: 3 });
    // On 10 March 2026 the first term that can still end is the one ending 30 June (deadline 31 March).
    expect(nextExit(t, '2026-03-10')).toMatchObject({ deadline: '2026-03-30', term: { end: '2026-06-30' } });
  });

  it('the provider informs between 3 months and 1 month before the deadline (L215-1)', () => {
    expect(providerNoticeWindow('2026-09-30')).toEqual({ from: '2026-06-30', to: '2026-08-30' });
    expect(providerNoticeWindow('2028-05-31')).toEqual({ from: '2028-02-29', to: '2028-04-30' });
  });
});

describe('termination', () => {
  it('ends at the term when the notice is respected, at the next one otherwise', () => {
    expect(terminationEnd(terms(), '2026-09-15', false)).toBe('2026-12-31');
    expect(terminationEnd(terms(), '2026-10-02', false)).toBe('2027-12-31');
  });

  it('ends on the day sent, after a renewal the provider did not announce (L215-1 al. 2)', () => {
    expect(terminationEnd(terms(), '2027-02-10', true)).toBe('2027-02-10');
    // Still in the first term: no renewal happened, the ordinary rule applies.
    expect(terminationEnd(terms(), '2026-10-02', true)).toBe('2027-12-31');
  });

  it('a fixed-term contract ends at its term', () => {
    expect(terminationEnd(terms({ tacitRenewal: false }), '2026-12-20', false)).toBe('2026-12-31');
  });
});

describe('costs', () => {
  it('counts the amounts due in the year, payable at the start of each period', () => {
    expect(dueDatesIn('2025-11-15', 'quarterly', null, 2026)).toEqual([
      '2026-02-15',
      '2026-05-15',
      '2026-08-15',
      '2026-11-15',
    ]);
    expect(dueDatesIn('2026-01-31', 'monthly', '2026-06-30', 2026)).toHaveLength(6);
    expect(dueDatesIn('2026-01-31', 'monthly', null, 2026)[1]).toBe('2026-02-28');
    expect(dueDatesIn('2026-04-01', 'one_off', null, 2026)).toEqual(['2026-04-01']);
    expect(dueDatesIn('2026-04-01', 'yearly', null, 2025)).toEqual([]);
    expect(yearlyAmount(2500, 'monthly')).toBe(30000);
    expect(yearlyAmount(2500, 'quarterly')).toBe(10000);
    expect(yearlyAmount(2500, 'one_off')).toBe(0);
  });
});

describe('the letter’s dates', () => {
  it('writes the first of the month « 1er »', async () => {
    const { longDate } = await import('./termination-letter.ts');
    expect(longDate('2025-04-01')).toBe('1er avril 2025');
    expect(longDate('2027-01-20')).toBe('20 janvier 2027');
  });
});
