import { addDays, addYears, type CalendarDate } from '../../kernel/dates/index.ts';

// The entretien de parcours professionnel, C. trav. L6315-1 as rewritten by loi n° 2025-989 du 24 octobre
// 2025 (in force 26 October 2025; by 1 October 2026 at the latest where a collective agreement had other
// rules): a first interview within the year after the hire, then one every four years (an agreement may
// shorten, never lengthen it); every eight years an état des lieux récapitulatif of the career path. The
// former rule — every two years, a summary every six — is what the brief asked for; it no longer applies
// (decision 0045). Interviews on return from leave (maternity, parental, sick leave…) are not scheduled.

export const FIRST_REVIEW_YEARS = 1;
export const REVIEW_EVERY_YEARS = 4;
export const SUMMARY_EVERY_YEARS = 8;
/** How long before its day an interview is listed as coming. */
export const SOON_DAYS = 90;

export type ReviewState = 'overdue' | 'soon' | 'ok';

export type ReviewSchedule = {
  nextReviewOn: CalendarDate;
  reviewState: ReviewState;
  nextSummaryOn: CalendarDate;
  summaryState: ReviewState;
};

const stateOf = (due: CalendarDate, today: CalendarDate): ReviewState =>
  due < today ? 'overdue' : due <= addDays(today, SOON_DAYS) ? 'soon' : 'ok';

/**
 * The next interview falls a year after the hire, or four years after the last one held (an état des
 * lieux is also an interview); the next état des lieux eight years after the hire or the last one.
 */
export function reviewSchedule(
  hireDate: CalendarDate,
  held: readonly { kind: 'review' | 'summary'; heldOn: CalendarDate }[],
  today: CalendarDate,
): ReviewSchedule {
  const after = held.filter((h) => h.heldOn >= hireDate).map((h) => h.heldOn);
  const lastReview = after.sort().at(-1);
  const lastSummary = held
    .filter((h) => h.kind === 'summary' && h.heldOn >= hireDate)
    .map((h) => h.heldOn)
    .sort()
    .at(-1);
  const nextReviewOn = lastReview
    ? addYears(lastReview, REVIEW_EVERY_YEARS)
    : addYears(hireDate, FIRST_REVIEW_YEARS);
  const nextSummaryOn = addYears(lastSummary ?? hireDate, SUMMARY_EVERY_YEARS);
  return {
    nextReviewOn,
    reviewState: stateOf(nextReviewOn, today),
    nextSummaryOn,
    summaryState: stateOf(nextSummaryOn, today),
  };
}
