import { formatDateFr } from '../../../../src/kernel/dates/index.ts';
import type { Cents } from '../../../../src/kernel/money/index.ts';
import { formatAmount } from '../../../../src/kernel/money/index.ts';
import { currentLanguage } from '../../i18n/index.ts';

/** "1 234,56 €" in French, "€1,234.56" in English; ordinary spaces so tests and copies read alike. */
export function money(cents: Cents): string {
  return formatAmount(cents, currentLanguage() === 'en' ? 'en-GB' : 'fr-FR');
}

/** A business date 'YYYY-MM-DD' as dd/mm/yyyy. */
export function day(date: string | null | undefined): string {
  if (!date) return '';
  try {
    return formatDateFr(date);
  } catch {
    return date;
  }
}
