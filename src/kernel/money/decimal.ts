import { divideRounded, type RoundingMode } from './rounding.ts';

/**
 * An exact decimal: `units / 10^scale`. Quantities and unit prices often carry more than two decimals
 * (0,125 kg, 0,0450 € the unit), so they cannot be cents; floats would drift, hence bigint units.
 */
export type Scaled = { readonly units: bigint; readonly scale: number };

// Both separators are accepted because French users type a comma and machines write a dot.
const DECIMAL_PATTERN = /^([+-])?(\d+)(?:[.,](\d+))?$/;

function assertScale(scale: number, what: string): void {
  if (!Number.isSafeInteger(scale) || scale < 0) {
    throw new RangeError(`${what} doit être un entier positif ou nul (reçu : ${scale}).`);
  }
}

export function scaled(units: bigint, scale: number): Scaled {
  assertScale(scale, 'L’échelle');
  return { units, scale };
}

/** Parses "12", "12.5", "12,50", "-3.125"; throws a RangeError on anything else or beyond `maxScale` decimals. */
export function parseDecimal(text: string, maxScale: number): Scaled {
  assertScale(maxScale, 'Le nombre maximal de décimales');
  const match = DECIMAL_PATTERN.exec(text.trim());
  if (match === null) {
    throw new RangeError(`Nombre décimal invalide : « ${text} » (exemples acceptés : 12 ; 12,5 ; -3.125).`);
  }
  const [, sign, integerPart = '', fraction = ''] = match;
  if (fraction.length > maxScale) {
    throw new RangeError(`Trop de décimales dans « ${text} » : ${maxScale} au plus.`);
  }
  const magnitude = BigInt(integerPart + fraction);
  return { units: sign === '-' ? -magnitude : magnitude, scale: fraction.length };
}

export function isDecimal(text: string, maxScale: number): boolean {
  try {
    parseDecimal(text, maxScale);
    return true;
  } catch {
    return false;
  }
}

/** Writes every decimal of the scale ("12.50" stays "12.50"); `,` for French display, `.` for machines. */
export function formatDecimal(value: Scaled, separator: '.' | ',' = '.'): string {
  assertScale(value.scale, 'L’échelle');
  const negative = value.units < 0n;
  const digits = (negative ? -value.units : value.units).toString().padStart(value.scale + 1, '0');
  const integerPart = digits.slice(0, digits.length - value.scale);
  const fraction = digits.slice(digits.length - value.scale);
  return `${negative ? '-' : ''}${integerPart}${value.scale > 0 ? separator + fraction : ''}`;
}

/** Exact product: scales add, nothing is rounded. */
export function multiplyScaled(a: Scaled, b: Scaled): Scaled {
  return { units: a.units * b.units, scale: a.scale + b.scale };
}

/** Brings a decimal to exactly `scale` decimals, rounding only when decimals are dropped. */
export function rescale(value: Scaled, scale: number, mode: RoundingMode): Scaled {
  assertScale(scale, 'L’échelle');
  if (scale >= value.scale) {
    return { units: value.units * 10n ** BigInt(scale - value.scale), scale };
  }
  return { units: divideRounded(value.units, 10n ** BigInt(value.scale - scale), mode), scale };
}

/** Drops trailing zeros so equal values compare equal ("12.50" → 12.5). */
export function normalizeScaled(value: Scaled): Scaled {
  let { units, scale } = value;
  while (scale > 0 && units % 10n === 0n) {
    units /= 10n;
    scale -= 1;
  }
  return { units, scale };
}

export function compareScaled(a: Scaled, b: Scaled): -1 | 0 | 1 {
  const scale = Math.max(a.scale, b.scale);
  const left = a.units * 10n ** BigInt(scale - a.scale);
  const right = b.units * 10n ** BigInt(scale - b.scale);
  return left < right ? -1 : left > right ? 1 : 0;
}
