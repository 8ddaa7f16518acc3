import { addDays, addYears, type CalendarDate, compareDates, parseCalendarDate } from './calendar-date.ts';

/** A day of the year as 'MM-DD', e.g. '01-01' or '09-01' for the first day of a fiscal year. */
export type MonthDay = string;

export type FiscalYear = { readonly start: CalendarDate; readonly end: CalendarDate };

const MONTH_DAY = /^(\d{2})-(\d{2})$/;

/**
 * A valid fiscal year start. 29 February is refused: a year starting on a day most years lack has no
 * regular successor.
 */
export function isFiscalYearStart(value: unknown): value is MonthDay {
  if (typeof value !== 'string') return false;
  const match = MONTH_DAY.exec(value);
  // 2001 is not a leap year, so 02-29 fails here as intended.
  return match !== null && parseOrNull(`2001-${value}`) !== null;
}

function parseOrNull(date: string): CalendarDate | null {
  try {
    return parseCalendarDate(date);
  } catch {
    return null;
  }
}

/**
 * The regular twelve-month fiscal year starting on `fiscalYearStart` that contains `date`. A first or
 * last fiscal year of unusual length (allowed by French law) is stored explicitly, not derived here.
 */
export function fiscalYearContaining(fiscalYearStart: MonthDay, date: CalendarDate): FiscalYear {
  if (!isFiscalYearStart(fiscalYearStart)) {
    throw new RangeError(
      `Début d’exercice invalide : ${fiscalYearStart} (format attendu MM-JJ, hors 29 février).`,
    );
  }
  const year = parseCalendarDate(date).slice(0, 4);
  let start = `${year}-${fiscalYearStart}`;
  if (compareDates(start, date) > 0) start = addYears(start, -1);
  return { start, end: addDays(addYears(start, 1), -1) };
}
