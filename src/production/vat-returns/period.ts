import { addDays } from '../../kernel/dates/index.ts';

// Periods of the VAT return, pure: a calendar month under the monthly normal regime, a calendar quarter
// under the quarterly one (CGI ann. II art. 39). Written '2026-03' and '2026-T1'.

export type Frequency = 'monthly' | 'quarterly';

const MONTHS = [
  'janvier',
  'février',
  'mars',
  'avril',
  'mai',
  'juin',
  'juillet',
  'août',
  'septembre',
  'octobre',
  'novembre',
  'décembre',
];

const lastDay = (year: number, month: number) => new Date(Date.UTC(year, month, 0)).getUTCDate();
const iso = (year: number, month: number, day: number) =>
  `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;

export function frequencyOf(regime: string): Frequency | null {
  if (regime === 'normal_monthly') return 'monthly';
  if (regime === 'normal_quarterly') return 'quarterly';
  return null;
}

export function periodFrequency(period: string): Frequency {
  return period.includes('T') ? 'quarterly' : 'monthly';
}

/** First and last day of a period, and its French name. */
export function periodRange(period: string): { from: string; to: string; label: string } {
  const year = Number(period.slice(0, 4));
  if (period[5] === 'T') {
    const quarter = Number(period.slice(6));
    const first = (quarter - 1) * 3 + 1;
    return {
      from: iso(year, first, 1),
      to: iso(year, first + 2, lastDay(year, first + 2)),
      label: `${quarter === 1 ? '1er' : `${quarter}e`} trimestre ${year}`,
    };
  }
  const month = Number(period.slice(5, 7));
  return {
    from: iso(year, month, 1),
    to: iso(year, month, lastDay(year, month)),
    label: `${MONTHS[month - 1]} ${year}`,
  };
}

/** The period of that frequency containing a date. */
export function periodOf(date: string, frequency: Frequency): string {
  const year = date.slice(0, 4);
  const month = Number(date.slice(5, 7));
  return frequency === 'monthly' ? `${year}-${date.slice(5, 7)}` : `${year}-T${Math.ceil(month / 3)}`;
}

/** The period after this one. */
export function nextPeriod(period: string): string {
  const { to } = periodRange(period);
  const next = addDays(to, 1);
  return periodOf(next, periodFrequency(period));
}

/** The period before this one. */
export function previousPeriod(period: string): string {
  const { from } = periodRange(period);
  const before = addDays(from, -1);
  return periodOf(before, periodFrequency(period));
}

/** « de mars 2026 », « d’avril 2026 », « d’août 2026 », « du 1er trimestre 2026 »: French elision. */
export function ofPeriod(label: string): string {
  if (/^\d/.test(label)) return `du ${label}`;
  if (/^[aeiouyâàéèêîïôû]/i.test(label)) return `d’${label}`;
  return `de ${label}`;
}
