import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDays, addYears, compareDates } from './calendar-date.ts';
import { fiscalYearContaining, isFiscalYearStart } from './fiscal-year.ts';

describe('fiscalYearContaining', () => {
  it('exercice civil', () => {
    expect(fiscalYearContaining('01-01', '2026-11-27')).toEqual({ start: '2026-01-01', end: '2026-12-31' });
    expect(fiscalYearContaining('01-01', '2026-01-01')).toEqual({ start: '2026-01-01', end: '2026-12-31' });
    expect(fiscalYearContaining('01-01', '2026-12-31')).toEqual({ start: '2026-01-01', end: '2026-12-31' });
  });

  it('exercice décalé (année scolaire)', () => {
    expect(fiscalYearContaining('09-01', '2026-11-27')).toEqual({ start: '2026-09-01', end: '2027-08-31' });
    expect(fiscalYearContaining('09-01', '2026-08-31')).toEqual({ start: '2025-09-01', end: '2026-08-31' });
    expect(fiscalYearContaining('09-01', '2026-09-01')).toEqual({ start: '2026-09-01', end: '2027-08-31' });
    expect(fiscalYearContaining('03-01', '2028-02-29')).toEqual({ start: '2027-03-01', end: '2028-02-29' });
    expect(fiscalYearContaining('07-15', '2026-07-14')).toEqual({ start: '2025-07-15', end: '2026-07-14' });
  });

  it.each(['1-01', '13-01', '02-30', '02-29', '04-31', '00-10', '', '01/01'])(
    'refuse le début « %s »',
    (s) => {
      expect(isFiscalYearStart(s)).toBe(false);
      expect(() => fiscalYearContaining(s, '2026-01-01')).toThrow(/Début d’exercice invalide/);
    },
  );

  it('refuse une date invalide', () => {
    expect(() => fiscalYearContaining('01-01', '2026-02-29')).toThrow(/Date invalide/);
  });

  it('contient la date et dure un an', () => {
    const date = fc
      .date({
        min: new Date('1901-01-01T00:00:00Z'),
        max: new Date('2199-12-31T00:00:00Z'),
        noInvalidDate: true,
      })
      .map((d) => d.toISOString().slice(0, 10));
    const start = fc
      .date({
        min: new Date('2001-01-01T00:00:00Z'),
        max: new Date('2001-12-31T00:00:00Z'),
        noInvalidDate: true,
      })
      .map((d) => d.toISOString().slice(5, 10));
    fc.assert(
      fc.property(start, date, (monthDay, day) => {
        const { start: first, end } = fiscalYearContaining(monthDay, day);
        return (
          first.slice(5) === monthDay &&
          compareDates(first, day) <= 0 &&
          compareDates(day, end) <= 0 &&
          addDays(end, 1) === addYears(first, 1)
        );
      }),
    );
  });
});
