import { describe, expect, it } from 'vitest';
import { contributionRate, hundredths, monthChoices, parsePayrollSearch } from './payroll-api.ts';

describe('payroll helpers', () => {
  it('offers the months of 2026 up to today, newest first (the payroll rates are those of 2026)', () => {
    expect(monthChoices('2026-03-15')).toEqual(['2026-03', '2026-02', '2026-01']);
    expect(monthChoices('2027-02-01')).toHaveLength(12);
    expect(monthChoices('2025-12-31')).toEqual([]);
  });

  it('reads only a real month from the address', () => {
    expect(parsePayrollSearch({ month: '2026-03' })).toEqual({ month: '2026-03' });
    expect(parsePayrollSearch({ month: '2026-13' })).toEqual({});
    expect(parsePayrollSearch({ month: 3 })).toEqual({});
  });

  it('writes hours, rates and contribution rates in French', () => {
    expect(hundredths(15167)).toBe('151,67');
    expect(hundredths(70)).toBe('0,70');
    expect(contributionRate(6900)).toBe('6,90 %');
    expect(contributionRate(24)).toBe('0,024 %');
    expect(contributionRate(16)).toBe('0,016 %');
    expect(contributionRate(13000)).toBe('13,00 %');
    expect(contributionRate(null)).toBe('');
  });
});
