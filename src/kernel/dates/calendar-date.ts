/**
 * A business date ('YYYY-MM-DD'), with no time and no time zone: an invoice dated 2026-11-27 is dated
 * 2026-11-27 wherever it is read. Arithmetic runs on day numbers (days since 1970-01-01, proleptic
 * Gregorian), never on local Date objects, so no time zone or DST change can shift a day.
 */
export type CalendarDate = string;

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const FEC_DATE = /^(\d{4})(\d{2})(\d{2})$/;

type Parts = { year: number; month: number; day: number };

function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

function daysInMonth(year: number, month: number): number {
  if (month === 2) return isLeapYear(year) ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

function validParts(year: number, month: number, day: number): boolean {
  return (
    year >= 1 && year <= 9999 && month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(year, month)
  );
}

function invalidDate(value: unknown): RangeError {
  return new RangeError(`Date invalide : ${String(value)} (format attendu AAAA-MM-JJ).`);
}

function partsOf(date: CalendarDate): Parts {
  const match = typeof date === 'string' ? ISO_DATE.exec(date) : null;
  if (match !== null) {
    const parts = { year: Number(match[1]), month: Number(match[2]), day: Number(match[3]) };
    if (validParts(parts.year, parts.month, parts.day)) return parts;
  }
  throw invalidDate(date);
}

function pad(value: number, width: number): string {
  return String(value).padStart(width, '0');
}

function fromParts({ year, month, day }: Parts): CalendarDate {
  // Arithmetic can leave the four-digit range the string form can hold.
  if (!validParts(year, month, day)) throw new RangeError(`Date hors limites (années 0001 à 9999).`);
  return `${pad(year, 4)}-${pad(month, 2)}-${pad(day, 2)}`;
}

// Howard Hinnant's days_from_civil / civil_from_days: exact for every Gregorian date, pure integer maths.
function toDayNumber({ year, month, day }: Parts): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yearOfEra = y - era * 400;
  const dayOfYear = Math.floor((153 * ((month + 9) % 12) + 2) / 5) + day - 1;
  const dayOfEra = yearOfEra * 365 + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100) + dayOfYear;
  return era * 146097 + dayOfEra - 719468;
}

function fromDayNumber(dayNumber: number): Parts {
  const z = dayNumber + 719468;
  const era = Math.floor(z / 146097);
  const dayOfEra = z - era * 146097;
  const yearOfEra = Math.floor(
    (dayOfEra - Math.floor(dayOfEra / 1460) + Math.floor(dayOfEra / 36524) - Math.floor(dayOfEra / 146096)) /
      365,
  );
  const dayOfYear = dayOfEra - (365 * yearOfEra + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100));
  const shiftedMonth = Math.floor((5 * dayOfYear + 2) / 153);
  const day = dayOfYear - Math.floor((153 * shiftedMonth + 2) / 5) + 1;
  const month = shiftedMonth < 10 ? shiftedMonth + 3 : shiftedMonth - 9;
  return { year: yearOfEra + era * 400 + (month <= 2 ? 1 : 0), month, day };
}

function assertWhole(value: number, what: string): void {
  if (!Number.isSafeInteger(value))
    throw new RangeError(`${what} doit être un nombre entier (reçu : ${value}).`);
}

/** True for a real calendar day written 'YYYY-MM-DD': 2026-02-29 is false, 2028-02-29 is true. */
export function isCalendarDate(value: unknown): value is CalendarDate {
  if (typeof value !== 'string') return false;
  const match = ISO_DATE.exec(value);
  return match !== null && validParts(Number(match[1]), Number(match[2]), Number(match[3]));
}

/** Returns the date unchanged when valid; throws « Date invalide : … » otherwise. */
export function parseCalendarDate(value: string): CalendarDate {
  if (!isCalendarDate(value)) throw invalidDate(value);
  return value;
}

export function addDays(date: CalendarDate, days: number): CalendarDate {
  assertWhole(days, 'Le nombre de jours');
  return fromParts(fromDayNumber(toDayNumber(partsOf(date)) + days));
}

/** Adds calendar months, clamping to the month's last day: 2026-01-31 + 1 month = 2026-02-28. */
export function addMonths(date: CalendarDate, months: number): CalendarDate {
  assertWhole(months, 'Le nombre de mois');
  const { year, month, day } = partsOf(date);
  const monthIndex = year * 12 + (month - 1) + months;
  const newYear = Math.floor(monthIndex / 12);
  const newMonth = monthIndex - newYear * 12 + 1;
  if (newYear < 1 || newYear > 9999) throw new RangeError(`Date hors limites (années 0001 à 9999).`);
  return fromParts({ year: newYear, month: newMonth, day: Math.min(day, daysInMonth(newYear, newMonth)) });
}

export function addYears(date: CalendarDate, years: number): CalendarDate {
  assertWhole(years, 'Le nombre d’années');
  return addMonths(date, years * 12);
}

/** Signed count of days from `from` to `to`: daysBetween('2026-01-01', '2026-01-31') = 30. */
export function daysBetween(from: CalendarDate, to: CalendarDate): number {
  return toDayNumber(partsOf(to)) - toDayNumber(partsOf(from));
}

export function compareDates(a: CalendarDate, b: CalendarDate): -1 | 0 | 1 {
  partsOf(a);
  partsOf(b);
  // Valid 'YYYY-MM-DD' strings sort chronologically as text.
  return a < b ? -1 : a > b ? 1 : 0;
}

export function startOfMonth(date: CalendarDate): CalendarDate {
  const { year, month } = partsOf(date);
  return fromParts({ year, month, day: 1 });
}

export function endOfMonth(date: CalendarDate): CalendarDate {
  const { year, month } = partsOf(date);
  return fromParts({ year, month, day: daysInMonth(year, month) });
}

/** Day of the week, ISO numbering: 1 = Monday … 7 = Sunday. */
export function isoWeekday(date: CalendarDate): number {
  // 1970-01-01 was a Thursday (4).
  return ((((toDayNumber(partsOf(date)) + 3) % 7) + 7) % 7) + 1;
}

const dayFormats = new Map<string, Intl.DateTimeFormat>();

/** The calendar date it is in `timeZone` at instant `now` (by default, today in Paris). */
export function todayIn(timeZone = 'Europe/Paris', now: Date = new Date()): CalendarDate {
  let format = dayFormats.get(timeZone);
  if (format === undefined) {
    format = new Intl.DateTimeFormat('en-US', {
      timeZone,
      calendar: 'gregory',
      numberingSystem: 'latn',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
    });
    dayFormats.set(timeZone, format);
  }
  const parts: Partial<Record<Intl.DateTimeFormatPartTypes, string>> = {};
  for (const part of format.formatToParts(now)) parts[part.type] = part.value;
  return fromParts({ year: Number(parts.year), month: Number(parts.month), day: Number(parts.day) });
}

/** '2026-11-27' → '27/11/2026'. */
export function formatDateFr(date: CalendarDate): string {
  const { year, month, day } = partsOf(date);
  return `${pad(day, 2)}/${pad(month, 2)}/${pad(year, 4)}`;
}

/** '2026-11-27' → '20261127', the AAAAMMJJ form of the FEC. */
export function toFecDate(date: CalendarDate): string {
  const { year, month, day } = partsOf(date);
  return `${pad(year, 4)}${pad(month, 2)}${pad(day, 2)}`;
}

/** '20261127' → '2026-11-27'; throws « Date invalide : … » for anything else. */
export function fromFecDate(text: string): CalendarDate {
  const match = FEC_DATE.exec(text);
  const date = match === null ? null : `${match[1]}-${match[2]}-${match[3]}`;
  if (date === null || !isCalendarDate(date)) {
    throw new RangeError(`Date invalide : ${text} (format FEC attendu AAAAMMJJ).`);
  }
  return date;
}
