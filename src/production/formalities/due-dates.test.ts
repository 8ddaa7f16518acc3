import { describe, expect, it } from 'vitest';
import { dueDatesUntil, formalityStatus, nextDue, occurrenceDue } from './due-dates.ts';

describe('the due dates of a formality', () => {
  it('moves monthly from a month end without drifting, leap years included', () => {
    expect(occurrenceDue('2026-01-31', 'monthly', 1)).toBe('2026-02-28');
    expect(occurrenceDue('2026-01-31', 'monthly', 2)).toBe('2026-03-31');
    expect(occurrenceDue('2028-01-31', 'monthly', 1)).toBe('2028-02-29');
    expect(nextDue('2026-01-31', 'monthly', 3)).toBe('2026-04-30');
  });

  it('moves quarterly and yearly, 29 February falling back to 28 outside leap years', () => {
    expect(nextDue('2026-01-15', 'quarterly', 1)).toBe('2026-04-15');
    expect(nextDue('2026-11-30', 'quarterly', 1)).toBe('2027-02-28');
    expect(nextDue('2028-02-29', 'yearly', 1)).toBe('2029-02-28');
    expect(nextDue('2028-02-29', 'yearly', 4)).toBe('2032-02-29');
    expect(nextDue('2026-05-15', 'yearly', 2)).toBe('2028-05-15');
  });

  it('a one-off formality has one due date, then none', () => {
    expect(nextDue('2026-06-30', 'one_off', 0)).toBe('2026-06-30');
    expect(nextDue('2026-06-30', 'one_off', 1)).toBeNull();
    expect(() => occurrenceDue('2026-06-30', 'one_off', 1)).toThrow();
    expect(dueDatesUntil('2026-06-30', 'one_off', 0, '2027-12-31')).toEqual(['2026-06-30']);
  });

  it('computes the status on a date with the reminder window', () => {
    expect(formalityStatus('2026-03-09', 15, '2026-03-10')).toBe('overdue');
    expect(formalityStatus('2026-03-10', 15, '2026-03-10')).toBe('due_soon');
    expect(formalityStatus('2026-03-25', 15, '2026-03-10')).toBe('due_soon');
    expect(formalityStatus('2026-03-26', 15, '2026-03-10')).toBe('upcoming');
    expect(formalityStatus(null, 15, '2026-03-10')).toBe('done');
  });

  it('lists the due dates up to a day, from the next one', () => {
    expect(dueDatesUntil('2026-01-31', 'monthly', 1, '2026-05-01')).toEqual([
      '2026-02-28',
      '2026-03-31',
      '2026-04-30',
    ]);
    expect(dueDatesUntil('2026-01-31', 'yearly', 0, '2026-01-30')).toEqual([]);
  });
});
