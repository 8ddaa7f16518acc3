import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  addDays,
  addMonths,
  addYears,
  compareDates,
  daysBetween,
  endOfMonth,
  formatDateFr,
  fromFecDate,
  isCalendarDate,
  isoWeekday,
  parseCalendarDate,
  startOfMonth,
  todayIn,
  toFecDate,
} from './calendar-date.ts';

const utcDate = (d: Date) => d.toISOString().slice(0, 10);
const anyDate = fc
  .date({ min: new Date('0001-01-01T00:00:00Z'), max: new Date('9999-12-31T00:00:00Z'), noInvalidDate: true })
  .map(utcDate);
const modernDate = fc
  .date({ min: new Date('1900-01-01T00:00:00Z'), max: new Date('2200-12-31T00:00:00Z'), noInvalidDate: true })
  .map(utcDate);

describe('isCalendarDate', () => {
  it.each(['2026-11-27', '2028-02-29', '2000-02-29', '2026-12-31', '0001-01-01', '9999-12-31'])(
    'accepte %s',
    (s) => {
      expect(isCalendarDate(s)).toBe(true);
      expect(parseCalendarDate(s)).toBe(s);
    },
  );

  it.each([
    '2026-02-29',
    '1900-02-29',
    '2026-04-31',
    '2026-13-01',
    '2026-00-10',
    '2026-01-00',
    '0000-01-01',
    '2026-1-5',
    '26-01-05',
    '2026/01/05',
    '27/11/2026',
    '2026-11-27T00:00:00Z',
    ' 2026-11-27',
    '',
  ])('refuse « %s »', (s) => {
    expect(isCalendarDate(s)).toBe(false);
    expect(() => parseCalendarDate(s)).toThrow(/^Date invalide : /);
  });

  it('refuse ce qui n’est pas une chaîne', () => {
    expect(isCalendarDate(20261127)).toBe(false);
    expect(isCalendarDate(null)).toBe(false);
    expect(isCalendarDate(new Date())).toBe(false);
  });

  it('reconnaît chaque date que Date sait écrire', () => {
    fc.assert(fc.property(anyDate, (s) => isCalendarDate(s)));
  });
});

describe('arithmétique', () => {
  it('ajoute des jours', () => {
    expect(addDays('2026-11-27', 5)).toBe('2026-12-02');
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
    expect(addDays('2028-02-28', 1)).toBe('2028-02-29');
    expect(addDays('2026-03-01', -1)).toBe('2026-02-28');
    expect(addDays('2026-03-29', 0)).toBe('2026-03-29'); // DST change in Paris
    expect(() => addDays('2026-01-01', 1.5)).toThrow(RangeError);
    expect(() => addDays('9999-12-31', 1)).toThrow(RangeError);
    expect(() => addDays('2026-02-30', 1)).toThrow(/Date invalide/);
  });

  it('ajoute des mois en restant dans le mois', () => {
    expect(addMonths('2026-01-31', 1)).toBe('2026-02-28');
    expect(addMonths('2028-01-31', 1)).toBe('2028-02-29');
    expect(addMonths('2026-03-31', -1)).toBe('2026-02-28');
    expect(addMonths('2026-05-31', 1)).toBe('2026-06-30');
    expect(addMonths('2026-11-15', 2)).toBe('2027-01-15');
    expect(addMonths('2026-01-15', -13)).toBe('2024-12-15');
    expect(addMonths('2026-01-15', 0)).toBe('2026-01-15');
    expect(addYears('2028-02-29', 1)).toBe('2029-02-28');
    expect(addYears('2026-09-01', -1)).toBe('2025-09-01');
    expect(() => addMonths('9999-12-01', 1)).toThrow(RangeError);
  });

  it('compte les jours entre deux dates', () => {
    expect(daysBetween('2026-01-01', '2026-01-31')).toBe(30);
    expect(daysBetween('2026-01-31', '2026-01-01')).toBe(-30);
    expect(daysBetween('2026-01-01', '2027-01-01')).toBe(365);
    expect(daysBetween('2028-01-01', '2029-01-01')).toBe(366);
    expect(daysBetween('1970-01-01', '2026-11-27')).toBe(Date.UTC(2026, 10, 27) / 86_400_000);
  });

  it('compare', () => {
    expect(compareDates('2026-01-01', '2026-01-02')).toBe(-1);
    expect(compareDates('2026-01-02', '2026-01-01')).toBe(1);
    expect(compareDates('2026-01-02', '2026-01-02')).toBe(0);
    expect(() => compareDates('2026-1-2', '2026-01-01')).toThrow(/Date invalide/);
  });

  it('bornes du mois', () => {
    expect(endOfMonth('2026-02-10')).toBe('2026-02-28');
    expect(endOfMonth('2028-02-10')).toBe('2028-02-29');
    expect(endOfMonth('2026-12-01')).toBe('2026-12-31');
    expect(startOfMonth('2026-12-31')).toBe('2026-12-01');
  });

  it('jour de la semaine ISO', () => {
    expect(isoWeekday('2026-11-27')).toBe(5); // vendredi
    expect(isoWeekday('2026-11-29')).toBe(7);
    expect(isoWeekday('1969-12-29')).toBe(1);
  });

  it('addDays suit Date en UTC', () => {
    fc.assert(
      fc.property(anyDate, fc.integer({ min: -100_000, max: 100_000 }), (s, n) => {
        const expected = new Date(Date.parse(`${s}T00:00:00Z`) + n * 86_400_000);
        const inRange = expected.getUTCFullYear() >= 1 && expected.getUTCFullYear() <= 9999;
        if (!inRange) return true;
        return addDays(s, n) === utcDate(expected);
      }),
    );
  });

  it('daysBetween et addDays sont réciproques', () => {
    fc.assert(
      fc.property(modernDate, modernDate, (a, b) => {
        const n = daysBetween(a, b);
        return addDays(a, n) === b && Math.sign(n) === compareDates(b, a);
      }),
    );
  });

  it('addMonths ne déborde jamais du mois visé', () => {
    fc.assert(
      fc.property(modernDate, fc.integer({ min: -1200, max: 1200 }), (s, n) => {
        const result = addMonths(s, n);
        const months = (d: string) => Number(d.slice(0, 4)) * 12 + Number(d.slice(5, 7));
        return (
          months(result) - months(s) === n &&
          (result.slice(8) === s.slice(8) || result === endOfMonth(result))
        );
      }),
    );
  });
});

describe('fuseaux horaires', () => {
  it('donne la date du jour à Paris', () => {
    // 23:30 UTC on 27 November is already the 28th in Paris (UTC+1).
    expect(todayIn('Europe/Paris', new Date('2026-11-27T23:30:00Z'))).toBe('2026-11-28');
    expect(todayIn('Europe/Paris', new Date('2026-11-27T22:59:59.999Z'))).toBe('2026-11-27');
    // Summer time (UTC+2).
    expect(todayIn('Europe/Paris', new Date('2026-06-30T22:00:00Z'))).toBe('2026-07-01');
    expect(todayIn('UTC', new Date('2026-06-30T22:00:00Z'))).toBe('2026-06-30');
    expect(todayIn('America/Cayenne', new Date('2026-01-01T02:00:00Z'))).toBe('2025-12-31');
    expect(todayIn('Pacific/Noumea', new Date('2026-12-31T13:00:00Z'))).toBe('2027-01-01');
  });

  it('prend Paris et maintenant par défaut', () => {
    expect(isCalendarDate(todayIn())).toBe(true);
  });

  it('refuse un fuseau inconnu', () => {
    expect(() => todayIn('Europe/Atlantis')).toThrow(RangeError);
  });
});

describe('formats', () => {
  it('écrit à la française et pour le FEC', () => {
    expect(formatDateFr('2026-11-27')).toBe('27/11/2026');
    expect(formatDateFr('0987-01-05')).toBe('05/01/0987');
    expect(toFecDate('2026-11-27')).toBe('20261127');
    expect(fromFecDate('20261127')).toBe('2026-11-27');
  });

  it.each(['20260230', '2026112', '2026-11-27', '', 'abcdefgh', '20261127 '])(
    'refuse la date FEC « %s »',
    (s) => {
      expect(() => fromFecDate(s)).toThrow(/^Date invalide : /);
    },
  );

  it('relit une date FEC', () => {
    fc.assert(fc.property(anyDate, (s) => fromFecDate(toFecDate(s)) === s));
  });
});
