/**
 * How a quotient that falls between two integers is resolved. `halfUp` rounds half away from zero (the
 * French and EN 16931 practice for VAT and line amounts), `halfEven` is banker's rounding, `down`
 * truncates toward zero and `up` rounds away from zero.
 */
export type RoundingMode = 'halfUp' | 'halfEven' | 'down' | 'up';

export const ROUNDING_MODES: readonly RoundingMode[] = ['halfUp', 'halfEven', 'down', 'up'];

/** numerator ÷ denominator rounded to an integer; bigint so no intermediate product loses precision. */
export function divideRounded(numerator: bigint, denominator: bigint, mode: RoundingMode): bigint {
  if (denominator === 0n) throw new RangeError('Division par zéro.');
  // A positive denominator lets the sign of the result be read off the numerator alone.
  const n = denominator < 0n ? -numerator : numerator;
  const d = denominator < 0n ? -denominator : denominator;
  const quotient = n / d; // bigint division truncates toward zero
  const remainder = n % d;
  if (remainder === 0n) return quotient;
  const awayFromZero = quotient + (n < 0n ? -1n : 1n);
  const twiceRemainder = (remainder < 0n ? -remainder : remainder) * 2n;
  switch (mode) {
    case 'down':
      return quotient;
    case 'up':
      return awayFromZero;
    case 'halfUp':
      return twiceRemainder >= d ? awayFromZero : quotient;
    case 'halfEven':
      if (twiceRemainder > d) return awayFromZero;
      if (twiceRemainder < d) return quotient;
      return quotient % 2n === 0n ? quotient : awayFromZero;
    default:
      throw new RangeError(`Mode d’arrondi inconnu : ${String(mode satisfies never)}`);
  }
}
