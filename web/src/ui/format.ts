import { currentLanguage } from '../i18n/index.ts';

const formats = new Map<string, Intl.DateTimeFormat>();

/** An instant (ISO-8601) as a short date in the interface's language. */
export function formatDate(iso: string): string {
  const locale = currentLanguage() === 'en' ? 'en-GB' : 'fr-FR';
  let format = formats.get(locale);
  if (!format) {
    format = new Intl.DateTimeFormat(locale, { dateStyle: 'short' });
    formats.set(locale, format);
  }
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? iso : format.format(date);
}

const percents = new Map<string, Intl.NumberFormat>();

/** A ratio (0.625) as a percentage in the interface's language: « 62,5 % » in French, "62.5%" in English. */
export function formatPercent(ratio: number): string {
  const locale = currentLanguage() === 'en' ? 'en-GB' : 'fr-FR';
  let format = percents.get(locale);
  if (!format) {
    format = new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 1 });
    percents.set(locale, format);
  }
  return format.format(ratio);
}
