import { formatDecimal, parseDecimal, rescale } from '../../kernel/money/index.ts';

/**
 * Quantities, prices and rates are stored as integers at a fixed scale (quantity × 10^3, price × 10^4,
 * percent × 10^2): exact, comparable, and the same on both databases.
 */
export function toScaledInteger(text: string, scale: number): number {
  const value = rescale(parseDecimal(text, scale), scale, 'halfUp');
  const n = Number(value.units);
  if (!Number.isSafeInteger(n)) throw new RangeError(`Nombre hors limites : ${text}.`);
  return n;
}

/** 12345, 4 → "1.2345" (machines: dot, every decimal of the scale). */
export function fromScaledInteger(units: number, scale: number): string {
  return formatDecimal({ units: BigInt(units), scale }, '.');
}
