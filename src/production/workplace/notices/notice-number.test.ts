import { describe, expect, it } from 'vitest';
import { noticeNumber, noticeSequence } from './notice-number.ts';

describe('notice reference numbers', () => {
  it('NS-year-three digits, the year of publication', () => {
    expect(noticeNumber('2026-01-05', 1)).toBe('NS-2026-001');
    expect(noticeNumber('2026-12-31', 42)).toBe('NS-2026-042');
    expect(noticeNumber('2027-01-01', 1000)).toBe('NS-2027-1000');
  });
  it('one sequence per year', () => {
    expect(noticeSequence('2026-12-31')).not.toBe(noticeSequence('2027-01-01'));
    expect(noticeSequence('2026-01-01')).toBe(noticeSequence('2026-12-31'));
  });
});
