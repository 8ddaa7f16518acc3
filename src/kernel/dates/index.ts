export {
  addDays,
  addMonths,
  addYears,
  type CalendarDate,
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
export { type FiscalYear, fiscalYearContaining, isFiscalYearStart, type MonthDay } from './fiscal-year.ts';
export { type Instant, isInstant, nowInstant } from './instant.ts';
export {
  clipSpan,
  type LeaveSpan,
  paidLeaveHalfDays,
  spansOverlap,
  workedHalfDays,
} from './leave-days.ts';
export {
  easterSunday,
  isJourOuvrable,
  isJourOuvre,
  type PublicHoliday,
  publicHolidayOn,
  publicHolidays,
} from './public-holidays.ts';
