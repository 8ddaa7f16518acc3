import { addDays, type CalendarDate, isoWeekday } from './calendar-date.ts';

// The public holidays (jours fériés) of metropolitan France, C. trav. L3133-1: eight on fixed dates and
// three that follow Easter (Easter Monday, Ascension = Easter + 39, Whit Monday = Easter + 50). Alsace-
// Moselle (Good Friday, 26 December) and the overseas departments (abolition of slavery) add others: they
// are not in this list (decision 0038).

export type PublicHoliday = { date: CalendarDate; name: string };

const pad = (n: number) => String(n).padStart(2, '0');

/**
 * Easter Sunday of a Gregorian year, by the anonymous algorithm published by Meeus (« Meeus/Jones/Butcher »,
 * Astronomical Algorithms, ch. 8): integer arithmetic only, valid for every year from 1583.
 */
export function easterSunday(year: number): CalendarDate {
  if (!Number.isInteger(year) || year < 1583 || year > 9999)
    throw new RangeError(`Année hors limites pour le calcul de Pâques : ${year}.`);
  const a = year % 19;
  const b = Math.floor(year / 100);
  const c = year % 100;
  const d = Math.floor(b / 4);
  const e = b % 4;
  const f = Math.floor((b + 8) / 25);
  const g = Math.floor((b - f + 1) / 3);
  const h = (19 * a + b - d - g + 15) % 30;
  const i = Math.floor(c / 4);
  const k = c % 4;
  const l = (32 + 2 * e + 2 * i - h - k) % 7;
  const m = Math.floor((a + 11 * h + 22 * l) / 451);
  const month = Math.floor((h + l - 7 * m + 114) / 31);
  const day = ((h + l - 7 * m + 114) % 31) + 1;
  return `${year}-${pad(month)}-${pad(day)}`;
}

const byYear = new Map<number, readonly PublicHoliday[]>();

/** The 11 public holidays of metropolitan France in a year, in date order. */
export function publicHolidays(year: number): readonly PublicHoliday[] {
  const cached = byYear.get(year);
  if (cached) return cached;
  const easter = easterSunday(year);
  const fixed = (month: number, day: number) => `${year}-${pad(month)}-${pad(day)}`;
  const list: PublicHoliday[] = [
    { date: fixed(1, 1), name: 'Jour de l’an' },
    { date: addDays(easter, 1), name: 'Lundi de Pâques' },
    { date: fixed(5, 1), name: 'Fête du Travail' },
    { date: fixed(5, 8), name: 'Victoire 1945' },
    { date: addDays(easter, 39), name: 'Ascension' },
    { date: addDays(easter, 50), name: 'Lundi de Pentecôte' },
    { date: fixed(7, 14), name: 'Fête nationale' },
    { date: fixed(8, 15), name: 'Assomption' },
    { date: fixed(11, 1), name: 'Toussaint' },
    { date: fixed(11, 11), name: 'Armistice 1918' },
    { date: fixed(12, 25), name: 'Noël' },
  ];
  // Ascension can fall on 1 or 8 May (it did in 2008): one day, both names.
  list.sort((x, y) => (x.date < y.date ? -1 : x.date > y.date ? 1 : 0));
  byYear.set(year, list);
  return list;
}

/** The holiday's name on that day, or null. */
export function publicHolidayOn(date: CalendarDate): string | null {
  const names = publicHolidays(Number(date.slice(0, 4)))
    .filter((h) => h.date === date)
    .map((h) => h.name);
  return names.length > 0 ? names.join(' et ') : null;
}

/** A jour ouvrable (L3141-3): every day but Sunday and public holidays. */
export function isJourOuvrable(date: CalendarDate): boolean {
  return isoWeekday(date) !== 7 && publicHolidayOn(date) === null;
}

/** A jour ouvré of a Monday-to-Friday week: a day the employee would have worked. */
export function isJourOuvre(date: CalendarDate): boolean {
  return isoWeekday(date) <= 5 && publicHolidayOn(date) === null;
}
