import { invalid } from '../../kernel/errors/domain-error.ts';

// Pure rules on account numbers, shared by the chart, the entries and the FEC import.

/** PCG number: digits, the first one a class 1–9 (two-digit numbers are the chart's headings). */
const GENERAL_NUMBER = /^[1-9][0-9]{1,19}$/;
/** What a FEC may carry as CompteNum: three digits first (Test Compta Demat), then letters or digits. */
const FEC_ACCOUNT_NUMBER = /^[0-9]{3}[0-9A-Z]{0,37}$/;
const AUXILIARY_NUMBER = /^[0-9A-Z][0-9A-Z_-]{0,39}$/;

export function isGeneralNumber(number: string): boolean {
  return GENERAL_NUMBER.test(number);
}

export function isFecAccountNumber(number: string): boolean {
  return FEC_ACCOUNT_NUMBER.test(number);
}

export function isAuxiliaryNumber(number: string): boolean {
  return AUXILIARY_NUMBER.test(number);
}

/** Entries go to accounts of three digits or more: '41' is a heading of the chart, not an account. */
export function isPostable(number: string): boolean {
  return number.length >= 3;
}

export function accountClass(number: string): number {
  const digit = Number(number[0]);
  if (!Number.isInteger(digit) || digit < 1 || digit > 9)
    throw invalid(`Numéro de compte invalide : « ${number} ».`);
  return digit;
}

/** Balance-sheet accounts (classes 1 to 5) carry over to the next fiscal year; 6 and 7 make the result. */
export function isBalanceSheetClass(accountClassNumber: number): boolean {
  return accountClassNumber >= 1 && accountClassNumber <= 5;
}

/** The longest existing number that is a strict prefix of `number` (its parent in the chart), if any. */
export function parentNumber(number: string, existing: Iterable<string>): string | null {
  let best: string | null = null;
  for (const candidate of existing) {
    if (candidate.length < number.length && number.startsWith(candidate)) {
      if (best === null || candidate.length > best.length) best = candidate;
    }
  }
  return best;
}

/** Third-party accounts (class 4) are the ones a line may detail by party. */
export function acceptsParty(number: string): boolean {
  return number.startsWith('4') && isPostable(number);
}

/**
 * A readable auxiliary code from a party name, as French software shows them: 'C' for a customer
 * account (41…), 'F' for a supplier (40…), 'T' for any other third party, then the name in capitals
 * without accents or spaces, cut to ten characters. `taken` makes it unique ('CDURAND2').
 */
export function auxiliaryNumberFor(collectiveNumber: string, partyName: string, taken: Set<string>): string {
  const prefix = collectiveNumber.startsWith('41') ? 'C' : collectiveNumber.startsWith('40') ? 'F' : 'T';
  const core =
    partyName
      .normalize('NFD')
      .replace(/\p{Diacritic}/gu, '')
      .toUpperCase()
      .replace(/[^0-9A-Z]/g, '')
      .slice(0, 10) || 'TIERS';
  const base = `${prefix}${core}`;
  if (!taken.has(base)) return base;
  for (let n = 2; ; n++) {
    const candidate = `${base}${n}`;
    if (!taken.has(candidate)) return candidate;
  }
}
