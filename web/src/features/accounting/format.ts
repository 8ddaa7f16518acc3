import { formatDateFr, todayIn } from '../../../../src/kernel/dates/index.ts';
import { type Cents, formatAmount, formatPlain, parseAmount } from '../../../../src/kernel/money/index.ts';
import { currentLanguage } from '../../i18n/index.ts';

// Amounts travel as integer cents (the API's unit); screens show them the French way.

const locale = () => (currentLanguage() === 'en' ? 'en-GB' : 'fr-FR');

/** "1 234,56 €" in French, "€1,234.56" in English. */
export function money(cents: Cents): string {
  return formatAmount(cents, locale());
}

/** A debit or credit column: empty for zero, so the figures that matter stand out. */
export function moneyOrBlank(cents: Cents): string {
  return cents === 0 ? '' : money(cents);
}

let inputFormat: Intl.NumberFormat | undefined;

/** What an amount cell shows once typed: "1 234,56", ordinary spaces, no currency sign. */
export function amountText(cents: Cents): string {
  inputFormat ??= new Intl.NumberFormat('fr-FR', { minimumFractionDigits: 2, maximumFractionDigits: 2 });
  // A decimal string, never cents / 100, so no float ever stands for the amount.
  return (inputFormat as unknown as { format(value: string): string })
    .format(formatPlain(cents))
    .replace(/[\u00A0\u202F]/g, ' ');
}

/** The amount typed in a cell: null when empty, a number of cents, or 'invalid'. */
export function readAmount(text: string): Cents | null | 'invalid' {
  const trimmed = text.trim();
  if (trimmed === '') return null;
  try {
    return parseAmount(trimmed);
  } catch {
    return 'invalid';
  }
}

/** A business date 'YYYY-MM-DD' as dd/mm/yyyy (both interface languages read it so). */
export function day(date: string | null | undefined): string {
  if (!date) return '';
  try {
    return formatDateFr(date);
  } catch {
    return date;
  }
}

/** Today in the browser's own time zone, 'YYYY-MM-DD'. */
export function today(): string {
  try {
    return todayIn(Intl.DateTimeFormat().resolvedOptions().timeZone);
  } catch {
    return todayIn();
  }
}
