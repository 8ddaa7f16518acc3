import { parseDecimal, type Scaled } from './decimal.ts';
import { divideRounded, type RoundingMode } from './rounding.ts';

/** An amount in euro cents. Always a safe integer so sums and comparisons are exact. */
export type Cents = number;

// Beyond this many decimals a multiplier given as text is surely a mistake rather than a price.
const MAX_FACTOR_SCALE = 12;

// Groups of three only, so "12 34,56" (a likely typo) is refused rather than read as 1234,56.
// Intl writes U+202F in French and older systems U+00A0, so both count as spaces.
const AMOUNT_PATTERN = /^(-)?(\d{1,3}(?:[ \u00A0\u202F]\d{3})+|\d+)(?:[.,](\d{1,2}))?$/;

export function isCents(value: unknown): value is Cents {
  return Number.isSafeInteger(value);
}

export function assertCents(value: number): Cents {
  if (!Number.isSafeInteger(value)) {
    throw new RangeError(`Montant hors limites ou non entier en centimes : ${value}.`);
  }
  return value;
}

function fromBigInt(value: bigint): Cents {
  if (value > BigInt(Number.MAX_SAFE_INTEGER) || value < BigInt(Number.MIN_SAFE_INTEGER)) {
    throw new RangeError(`Montant hors limites : ${value} centimes.`);
  }
  return Number(value);
}

/** Reads "1234.56", "1 234,56", "1234,5", "-12" into cents; refuses more than two decimals. */
export function parseAmount(text: string): Cents {
  const match = AMOUNT_PATTERN.exec(text.trim());
  if (match === null) {
    throw new RangeError(`Montant invalide : « ${text} » (exemples acceptés : 1234,56 ; 1 234,56 ; 1234.5).`);
  }
  const [, sign, integerPart = '', fraction = ''] = match;
  const magnitude = BigInt(integerPart.replace(/\D/g, '') + fraction.padEnd(2, '0'));
  return fromBigInt(sign === '-' ? -magnitude : magnitude);
}

export function isAmount(text: string): boolean {
  try {
    parseAmount(text);
    return true;
  } catch {
    return false;
  }
}

function plain(cents: Cents, separator: string): string {
  assertCents(cents);
  const abs = Math.abs(cents);
  const rest = abs % 100;
  const euros = (abs - rest) / 100; // exact: abs - rest is a multiple of 100
  return `${cents < 0 ? '-' : ''}${euros}${separator}${String(rest).padStart(2, '0')}`;
}

/** "1234.56": dot, no grouping, as XML (Factur-X, SEPA) and CSV exports expect. */
export function formatPlain(cents: Cents): string {
  return plain(cents, '.');
}

/** "1234,56": comma, no grouping, as the FEC (article A47 A-1 du LPF) expects. */
export function formatFec(cents: Cents): string {
  return plain(cents, ',');
}

type DecimalStringFormat = { format(value: string): string };

const currencyFormats = new Map<string, Intl.NumberFormat>();

/** "1 234,56 €" in French (Intl's own spaces, U+202F and U+00A0, are kept as they are). */
export function formatAmount(cents: Cents, locale = 'fr-FR'): string {
  let format = currencyFormats.get(locale);
  if (format === undefined) {
    format = new Intl.NumberFormat(locale, { style: 'currency', currency: 'EUR' });
    currencyFormats.set(locale, format);
  }
  // A decimal string, not cents / 100, so Intl never sees a float that is not the exact amount (ES2023
  // Intl reads such strings exactly); the cast keeps this compiling where `lib` predates ES2023.
  return (format as unknown as DecimalStringFormat).format(formatPlain(cents));
}

export function addCents(...amounts: Cents[]): Cents {
  let total = 0n;
  for (const amount of amounts) total += BigInt(assertCents(amount));
  return fromBigInt(total);
}

function toScaled(factor: Scaled | string): Scaled {
  return typeof factor === 'string' ? parseDecimal(factor, MAX_FACTOR_SCALE) : factor;
}

/** cents × factor rounded to the cent, e.g. unit price × quantity → line amount. */
export function multiplyCents(cents: Cents, factor: Scaled | string, mode: RoundingMode = 'halfUp'): Cents {
  const { units, scale } = toScaled(factor);
  return fromBigInt(divideRounded(BigInt(assertCents(cents)) * units, 10n ** BigInt(scale), mode));
}

/** rate % of cents rounded to the cent, e.g. percentOf(1234, '20') = 247 (246,8 rounded half up). */
export function percentOf(cents: Cents, ratePercent: Scaled | string, mode: RoundingMode = 'halfUp'): Cents {
  const { units, scale } = toScaled(ratePercent);
  return fromBigInt(divideRounded(BigInt(assertCents(cents)) * units, 100n * 10n ** BigInt(scale), mode));
}

/** A decimal amount in euros (e.g. quantity × unit price, both Scaled) rounded to the cent. */
export function scaledToCents(euros: Scaled, mode: RoundingMode = 'halfUp'): Cents {
  // cents = euros × 100 = units × 100 / 10^scale
  return fromBigInt(divideRounded(euros.units * 100n, 10n ** BigInt(euros.scale), mode));
}

/** Exact cents as a Scaled euro amount, to feed decimal arithmetic. */
export function centsToScaled(cents: Cents): Scaled {
  return { units: BigInt(assertCents(cents)), scale: 2 };
}
